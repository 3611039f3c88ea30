package sim

// The RecordAccumulator: send() adds each record to its partition's open
// batch; a batch closes when it holds batch.size bytes or linger.ms has
// passed, and waits in the partition's queue for the Sender
// (producer_sender.go).

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
// Every batch of a run is kept (ids in timers and requests index the list),
// so it is packed into 72 bytes with no slice of its own: its records are
// threaded through batchNext (batch_recs.go), times are virtual ms of a run
// of at most 30 days, ids are bounded by MaxProducers, MaxPartitions and
// MaxBrokers, and the producer epoch is 16 bits as in Kafka (RecordBatch's
// producerEpoch is an int16).
type batch struct {
	base      int64 // offset of its first record once appended
	createdMs uint32
	sentMs    uint32
	notBefore uint32 // retry backoff
	// firstRec and lastRec are its first and last records (ledger ids),
	// count how many it holds; batchRecs walks them in order.
	firstRec int32
	lastRec  int32
	count    int32
	bytes    int32
	firstSeq int32
	attempts int32
	reqGen   int32 // bumps per attempt: an old attempt's response is ignored
	// reqHead is the first batch of the produce request this attempt went
	// in; that batch's reqLeft counts the request's batches not yet answered.
	reqHead int32
	// wireBytes is its size once compressed at drain; estimate the
	// compression ratio estimate (permille) it was created with.
	// compression.go.
	wireBytes int32
	estimate  uint16
	reqLeft   uint16
	producer  uint16
	topicIdx  uint16
	part      uint16
	epoch     int16 // producer epoch its sequence numbers belong to
	broker    int16 // where the current attempt went
	state     batchState
}

func (s *Sim) appendToBatch(p *producer, part int, rec int32, size int) {
	pp := &p.parts[part]
	if pp.open < 0 && len(pp.queue) > 0 {
		// RecordAccumulator.append: a batch waiting for a send slot still
		// takes records until it holds batch.size bytes.
		last := pp.queue[len(pp.queue)-1]
		if b := s.batches.Mut(int(last)); b.attempts == 0 && p.batchBytes(b)+size <= p.cfg.BatchSizeBytes {
			s.addToBatch(b, rec, size)
			return
		}
	}
	if pp.open >= 0 {
		b := s.batches.Mut(int(pp.open))
		if p.batchBytes(b)+size > p.cfg.BatchSizeBytes && b.count > 0 {
			s.closeBatch(p, part)
		}
	}
	if pp.open < 0 {
		s.batches.Append(batch{producer: uint16(p.idx), topicIdx: uint16(p.topicIdx), part: uint16(part),
			createdMs: uint32(s.nowMs), firstSeq: -1, base: -1, estimate: uint16(p.batchEstimate())})
		pp.open = int32(s.batches.Len() - 1)
		p.openParts.add(part)
		s.scheduleTimer(p.cfg.DeliveryTimeoutMs, p, batchExpireItem(p, pp.open))
		if p.cfg.LingerMs > 0 {
			s.schedule(p.cfg.LingerMs, lingerItem(p, part, pp.open))
		}
	}
	s.addToBatch(s.batches.Mut(int(pp.open)), rec, size)
}

// addToBatch adds a record of size bytes to b.
func (s *Sim) addToBatch(b *batch, rec int32, size int) {
	s.linkBatchRec(b, rec)
	b.bytes += int32(size)
}

func (s *Sim) closeBatch(p *producer, part int) {
	pp := &p.parts[part]
	if pp.open < 0 {
		return
	}
	s.batches.Mut(int(pp.open)).state = batchQueued
	pp.queue = append(pp.queue, pp.open)
	pp.open = -1
	s.fileQueued(p, part)
}

// flushReady closes batches whose linger.ms has passed, then sends what it can.
func (s *Sim) flushReady(p *producer) {
	p.openParts.each(func(part int) {
		o := p.parts[part].open
		if o >= 0 && s.nowMs-int64(s.batches.At(int(o)).createdMs) < p.cfg.LingerMs {
			return
		}
		if o >= 0 {
			s.closeBatch(p, part)
		}
		p.openParts.remove(part)
	})
	s.drain(p)
}
