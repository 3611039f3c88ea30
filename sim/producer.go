package sim

import "fmt"

// producer is one KafkaProducer: it turns send() calls into records, groups
// them into batches per partition, and sends batches to partition leaders.
type producer struct {
	cfg      ProducerConfig
	idx      int32
	topicIdx int
	crashed  bool
	hidden   bool  // a transactional group member's producer, not a scenario's
	gen      int32 // bumps on crash: its queued items go stale
	pid      int64
	epoch    int32

	sends     int // send() calls so far
	keyCursor int
	// sticky is the partition null-keyed records go to until stickyBytes
	// reaches batch.size (the built-in partitioner of KIP-794); -1 = none yet.
	sticky      int
	stickyBytes int
	parts       []prodPart
	inflight    []int // requests in flight per broker (index id-1)

	// known is how many partitions of its topic its metadata lists: a
	// grown topic is seen at the next metadata.max.age.ms refresh.
	known int

	acked, failed, retries int
	// txn is the open transaction's id, -1 when none (transactional only).
	txn int32
}

// prodPart is the producer's state for one partition.
type prodPart struct {
	open     int32   // batch still taking records, -1 = none
	queue    []int32 // closed batches waiting to be sent, oldest first
	inFlight int     // batches of this partition in flight
	seqState
}

// batchState is where a batch is in its life.
type batchState uint8

const (
	batchOpen batchState = iota
	batchQueued
	batchInFlight
	batchBackoff
	batchDone
)

// batch is one produce batch: records for one partition sent together.
type batch struct {
	producer  int32
	topicIdx  int32
	part      int32
	recs      []int32
	bytes     int
	createdMs int64
	firstSeq  int32
	epoch     int32 // producer epoch its sequence numbers belong to
	attempts  int32
	state     batchState
	broker    int32 // where the current attempt went
	sentMs    int64
	reqGen    int32 // bumps per attempt: an old attempt's response is ignored
	notBefore int64 // retry backoff
	base      int64 // offset of its first record once appended
	// reqHead is the first batch of the produce request this attempt went
	// in; that batch's reqLeft counts the request's batches not yet answered.
	reqHead int32
	reqLeft int32
}

// The error codes a produce response can carry (item.c).
const (
	errNone int32 = iota
	errNotLeader
	errNotEnoughReplicas
	errNotEnoughReplicasAfterAppend
	errOutOfOrder
	errNetwork
	errTimeout
	errInvalidRecord // not retriable
	errInvalidEpoch  // not retriable: a newer producer epoch fenced this one
	errExpired       // the client's own TimeoutException: delivery.timeout.ms passed
)

var errNames = [...]string{"NONE", "NOT_LEADER_OR_FOLLOWER", "NOT_ENOUGH_REPLICAS", "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
	"OUT_OF_ORDER_SEQUENCE_NUMBER", "NETWORK_EXCEPTION", "REQUEST_TIMED_OUT", "INVALID_RECORD", "INVALID_PRODUCER_EPOCH",
	"TimeoutException"}

func (s *Sim) addProducer(cfg ProducerConfig) error {
	for _, p := range s.producers {
		if p.cfg.ID == cfg.ID {
			return fmt.Errorf("producer %q already exists", cfg.ID)
		}
	}
	ti, t := s.topicByName(cfg.Topic)
	if t == nil {
		return &UnknownTopicError{Topic: cfg.Topic}
	}
	if err := checkDeliveryTimeout(&cfg); err != nil {
		return err
	}
	if cfg.EnableIdempotence && (cfg.Acks != AcksAll || cfg.Retries == 0 || cfg.MaxInFlight > 5) {
		// As the Java client does when idempotence was left at its default
		// and another setting conflicts with it: it is turned off.
		cfg.EnableIdempotence = false
	}
	p := &producer{cfg: cfg, idx: int32(len(s.producers)), topicIdx: ti, sticky: -1, txn: -1,
		inflight: make([]int, len(s.brokers))}
	if cfg.EnableIdempotence || cfg.TransactionalID != "" {
		p.pid = 1000 + int64(len(s.producers))
	}
	s.producers = append(s.producers, p)
	s.ledger.names = append(s.ledger.names, cfg.ID)
	p.syncPartitions(len(t.parts))
	p.known = len(t.parts)
	if cfg.RatePerSec > 0 {
		s.schedule(max(cfg.StartMs-s.nowMs, 0), producerItem(itProducerTick, p))
	}
	return nil
}

func (p *producer) syncPartitions(n int) {
	for len(p.parts) < n {
		p.parts = append(p.parts, prodPart{open: -1})
	}
}

func (s *Sim) producerByID(id string) *producer {
	for _, p := range s.producers {
		if p.cfg.ID == id {
			return p
		}
	}
	return nil
}

// producerTick makes the send() calls that are due by now at the
// producer's rate, then schedules itself for the next one.
func (s *Sim) producerTick(it item) {
	p := s.producers[it.producerIdx()]
	if p.crashed || it.gen != p.gen {
		return
	}
	rate := int64(p.cfg.RatePerSec)
	start := p.cfg.StartMs
	for p.cfg.Count == 0 || p.sends < p.cfg.Count {
		due := start + int64(p.sends)*1000/rate
		if due > s.nowMs {
			s.schedule(due-s.nowMs, producerItem(itProducerTick, p))
			break
		}
		s.send(p, nil, nil, true)
	}
	s.flushReady(p)
}

// send is KafkaProducer.send(): it picks a partition and adds the record to
// that partition's open batch. key == nil with useKeys takes the next of the
// configured keys; value == nil with generated makes a value.
func (s *Sim) send(p *producer, key, value *string, fromConfig bool) int32 {
	t := s.topics[p.topicIdx]
	p.syncPartitions(len(t.parts))
	p.sends++
	keyIdx := int32(-1)
	if fromConfig && len(p.cfg.Keys) > 0 {
		k := p.cfg.Keys[p.keyCursor%len(p.cfg.Keys)]
		p.keyCursor++
		key = &k
	}
	if key != nil {
		keyIdx = s.ledger.internKey(*key)
	}
	valIdx := valueGenerated
	if !fromConfig {
		valIdx = s.ledger.value(value)
	}
	part := s.partitionFor(p, key, p.knownPartitions(len(t.parts)))
	rec := s.ledger.add(recordInfo{producer: p.idx, sendN: int32(p.sends), topicIdx: int32(p.topicIdx), part: int32(part),
		key: keyIdx, value: valIdx, createdMs: s.nowMs, txn: p.txn})
	size := s.ledger.size(rec)
	if key == nil {
		p.stickyBytes += size
		if p.stickyBytes >= p.cfg.BatchSizeBytes {
			p.sticky, p.stickyBytes = -1, 0
		}
	}
	s.appendToBatch(p, part, rec, size)
	return rec
}

// partitionFor is the Java client's built-in partitioner: murmur2 of the key
// for keyed records, the sticky choice for null keys.
func (s *Sim) partitionFor(p *producer, key *string, n int) int {
	if key != nil {
		return PartitionForKey([]byte(*key), n)
	}
	if p.sticky < 0 || p.sticky >= n {
		prev := p.sticky
		p.sticky = s.rngPick.IntN(n)
		if n > 1 && p.sticky == prev {
			p.sticky = (p.sticky + 1) % n
		}
	}
	return p.sticky
}

func (s *Sim) appendToBatch(p *producer, part int, rec int32, size int) {
	pp := &p.parts[part]
	if pp.open < 0 && len(pp.queue) > 0 {
		// RecordAccumulator.append: a batch waiting for a send slot still
		// takes records until it holds batch.size bytes.
		last := pp.queue[len(pp.queue)-1]
		if b := s.batches.Mut(int(last)); b.attempts == 0 && b.bytes+size <= p.cfg.BatchSizeBytes {
			b.recs = append(b.recs, rec)
			b.bytes += size
			return
		}
	}
	if pp.open >= 0 {
		b := s.batches.Mut(int(pp.open))
		if b.bytes+size > p.cfg.BatchSizeBytes && len(b.recs) > 0 {
			s.closeBatch(p, part)
		}
	}
	if pp.open < 0 {
		s.batches.Append(batch{producer: p.idx, topicIdx: int32(p.topicIdx), part: int32(part),
			createdMs: s.nowMs, firstSeq: -1, base: -1})
		pp.open = int32(s.batches.Len() - 1)
		s.schedule(p.cfg.DeliveryTimeoutMs, batchExpireItem(p, pp.open))
		if p.cfg.LingerMs > 0 {
			s.schedule(p.cfg.LingerMs, lingerItem(p, part, pp.open))
		}
	}
	b := s.batches.Mut(int(pp.open))
	b.recs = append(b.recs, rec)
	b.bytes += size
}

func (s *Sim) closeBatch(p *producer, part int) {
	pp := &p.parts[part]
	if pp.open < 0 {
		return
	}
	s.batches.Mut(int(pp.open)).state = batchQueued
	pp.queue = append(pp.queue, pp.open)
	pp.open = -1
}

// flushReady closes batches whose linger.ms has passed, then sends what it can.
func (s *Sim) flushReady(p *producer) {
	for part := range p.parts {
		if o := p.parts[part].open; o >= 0 && s.nowMs-s.batches.At(int(o)).createdMs >= p.cfg.LingerMs {
			s.closeBatch(p, part)
		}
	}
	s.drain(p)
}

// finishBatch settles a batch: acked, or failed for good.
func (s *Sim) finishBatch(p *producer, bi int32, ok bool, code int32) {
	b := s.batches.Mut(int(bi))
	s.leaveFlight(p, b)
	b.state = batchDone
	if ok && b.base < 0 && p.cfg.Acks != AcksNone {
		panic("sim: a produce ack without an offset")
	}
	name := s.topics[b.topicIdx].cfg.Name
	// acks=0 records are settled when their request reaches the broker
	// (produceArrived): until then they are on the wire, not yet lost. A
	// transactional record is settled by its transaction's end.
	for _, r := range b.recs {
		switch {
		case ok && p.cfg.Acks == AcksNone:
			s.ledger.sent(r)
		case ok && p.cfg.TransactionalID != "":
		default:
			s.ledger.settle(r, ok)
		}
	}
	s.noteBatchOutcome(p, b, ok)
	if ok {
		p.acked += len(b.recs)
		if p.cfg.Acks != AcksNone {
			s.emit(Event{Type: EvAcked, Producer: p.cfg.ID, Topic: name, Partition: int(b.part), Broker: int(b.broker),
				Offset: b.base, EndOffset: b.base + int64(len(b.recs)), Count: len(b.recs), Acks: int32(p.cfg.Acks)})
		}
	} else {
		p.failed += len(b.recs)
		s.emit(Event{Type: EvProduceFailed, Producer: p.cfg.ID, Topic: name, Partition: int(b.part), Count: len(b.recs),
			Err: errNames[code], DurationMs: s.nowMs - b.createdMs, Attempt: int32(b.attempts)})
	}
	if p.hidden {
		s.txnSendSettled(p)
	}
}

// leaveFlight takes a batch out of the in-flight counts.
func (s *Sim) leaveFlight(p *producer, b *batch) {
	if b.state != batchInFlight {
		return
	}
	p.parts[b.part].inFlight--
	if head := s.batches.Mut(int(b.reqHead)); head.reqLeft > 0 {
		head.reqLeft--
		if head.reqLeft == 0 {
			p.inflight[b.broker-1]-- // the request's last batch is answered
		}
	}
}

func (s *Sim) crashProducer(id string) error {
	p := s.producerByID(id)
	if p == nil {
		return fmt.Errorf("no producer %q", id)
	}
	if p.crashed {
		return nil
	}
	p.crashed = true
	p.gen++
	lost := 0
	for bi := range s.batches.Len() {
		if b := s.batches.At(bi); b.producer != p.idx || b.state == batchDone {
			continue
		}
		b := s.batches.Mut(bi)
		b.state = batchDone
		for _, r := range b.recs {
			s.ledger.settle(r, false)
		}
		p.failed += len(b.recs)
		lost += len(b.recs)
	}
	for i := range p.parts {
		p.parts[i].open = -1
		p.parts[i].queue = nil
		p.parts[i].inFlight = 0
	}
	for i := range p.inflight {
		p.inflight[i] = 0
	}
	s.emit(Event{Type: EvProducerCrash, Producer: id, Count: lost})
	return nil
}
