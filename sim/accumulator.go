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
	// estimate is the compression ratio estimate (permille) it was created
	// with; wireBytes its size once compressed at drain. compression.go.
	estimate  int32
	wireBytes int32
}

func (s *Sim) appendToBatch(p *producer, part int, rec int32, size int) {
	pp := &p.parts[part]
	if pp.open < 0 && len(pp.queue) > 0 {
		// RecordAccumulator.append: a batch waiting for a send slot still
		// takes records until it holds batch.size bytes.
		last := pp.queue[len(pp.queue)-1]
		if b := s.batches.Mut(int(last)); b.attempts == 0 && p.batchBytes(b)+size <= p.cfg.BatchSizeBytes {
			p.addToBatch(b, rec, size)
			return
		}
	}
	if pp.open >= 0 {
		b := s.batches.Mut(int(pp.open))
		if p.batchBytes(b)+size > p.cfg.BatchSizeBytes && len(b.recs) > 0 {
			s.closeBatch(p, part)
		}
	}
	if pp.open < 0 {
		s.batches.Append(batch{producer: p.idx, topicIdx: int32(p.topicIdx), part: int32(part),
			createdMs: s.nowMs, firstSeq: -1, base: -1, estimate: p.batchEstimate()})
		pp.open = int32(s.batches.Len() - 1)
		p.openParts.add(part)
		s.scheduleTimer(p.cfg.DeliveryTimeoutMs, p, batchExpireItem(p, pp.open))
		if p.cfg.LingerMs > 0 {
			s.schedule(p.cfg.LingerMs, lingerItem(p, part, pp.open))
		}
	}
	p.addToBatch(s.batches.Mut(int(pp.open)), rec, size)
}

// batchRecsGuess is how many records a batch holds before its record list
// is sized for a full batch.
const batchRecsGuess = 64

// addToBatch adds a record of size bytes to b. A batch that grows past
// batchRecsGuess records will most likely fill: its list then takes the
// room batch.size leaves for records of the sizes so far, rather than
// doubling its way there and leaving each smaller copy behind as garbage.
// It still at least doubles, so a batch near full does not copy its list
// for every record it takes.
func (p *producer) addToBatch(b *batch, rec int32, size int) {
	if n := len(b.recs); n == cap(b.recs) && n >= batchRecsGuess {
		room := 2 * n
		if used := p.batchBytes(b); used > 0 && used < p.cfg.BatchSizeBytes {
			room = max(room, n+(p.cfg.BatchSizeBytes-used)*n/used+2)
		}
		b.recs = append(make([]int32, 0, room), b.recs...)
	}
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
	s.fileQueued(p, part)
}

// flushReady closes batches whose linger.ms has passed, then sends what it can.
func (s *Sim) flushReady(p *producer) {
	p.openParts.each(func(part int) {
		o := p.parts[part].open
		if o >= 0 && s.nowMs-s.batches.At(int(o)).createdMs < p.cfg.LingerMs {
			return
		}
		if o >= 0 {
			s.closeBatch(p, part)
		}
		p.openParts.remove(part)
	})
	s.drain(p)
}
