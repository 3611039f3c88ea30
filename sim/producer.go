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
	external bool  // a live client's (live mode): its answers go to the wire
	gen      int32 // bumps on crash: its queued items go stale
	pid      int64
	epoch    int32

	sends     int // send() calls so far
	keyCursor int
	// keyRefs caches, per configured key, its ledger index and partition,
	// so a send() from the configured keys neither looks the key up nor
	// hashes it again (keys.go).
	keyRefs []keyRef
	// sticky is the partition null-keyed records go to until stickyBytes
	// reaches batch.size (the built-in partitioner of KIP-794); -1 = none yet.
	sticky      int
	stickyBytes int
	parts       []prodPart
	inflight    []int // requests in flight per broker (index id-1)

	// openParts holds at least the partitions with an open batch, and
	// queuedBy[id] those with batches queued that broker id (0: none)
	// leads; the others have nothing to close or send (partset.go).
	openParts partSet
	queuedBy  []partSet
	// reqScratch is the Sender's list for the request it builds; a clone
	// has its own.
	reqScratch []int32

	// known is how many partitions of its topic its metadata lists: a
	// grown topic is seen at the next metadata.max.age.ms refresh.
	known int

	acked, failed, retries int
	// txn is the open transaction's id, -1 when none (transactional only).
	txn int32

	// ratioEstimate is its compression ratio estimate, permille (0 = not
	// yet set); requests and bytesSent count produce requests and the
	// compressed batch bytes they carried. compression.go.
	ratioEstimate int32
	requests      int
	bytesSent     int64
}

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
	if cfg.Values != nil {
		if err := cfg.Values.Validate(); err != nil {
			return err
		}
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
	s.noteValueSpec(p)
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
	known := p.knownPartitions(len(t.parts))
	part := -1
	if fromConfig && len(p.cfg.Keys) > 0 {
		keyIdx, part = s.configuredKey(p, known)
		key = &p.cfg.Keys[(p.keyCursor-1)%len(p.cfg.Keys)]
	} else if key != nil {
		keyIdx = s.ledger.internKey(*key)
	}
	valIdx := valueGenerated
	if !fromConfig {
		valIdx = s.ledger.value(value)
	}
	if part < 0 {
		part = s.partitionFor(p, key, known)
	}
	rec := s.ledger.add(newRecord{producer: uint16(p.idx), sendN: int32(p.sends), topicIdx: uint16(p.topicIdx), part: uint16(part),
		key: keyIdx, value: valIdx, createdMs: uint32(s.nowMs), txn: p.txn})
	size := s.ledger.size(rec)
	if key == nil {
		p.stickyBytes += p.appendedBytes(size)
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
	for bi := s.liveBatchesFrom(); bi < s.batches.Len(); bi++ {
		if b := s.batches.At(bi); int32(b.producer) != p.idx || b.state == batchDone {
			continue
		}
		b := s.batches.Mut(bi)
		b.state = batchDone
		for r := range s.batchRecs(b) {
			s.ledger.settle(r, false)
		}
		p.failed += int(b.count)
		lost += int(b.count)
	}
	for i := range p.parts {
		p.parts[i].open = -1
		p.parts[i].queue = nil
		p.parts[i].inFlight = 0
	}
	for i := range p.inflight {
		p.inflight[i] = 0
	}
	s.emit(&Event{Type: EvProducerCrash, Producer: id, Count: lost})
	return nil
}
