package sim

import "unsafe"

// Timer lanes. A producer arms a delivery timer for every batch and a
// request timer for every request, and most are cancelled in effect (the
// batch completes first) yet stay queued until due: with a 120 s
// delivery.timeout.ms the heap held every batch of the last two minutes,
// and every push and pop paid for its depth. The timers of one kind and
// producer fall due in the order they were armed, so they wait in a FIFO
// lane and only the lane's oldest sits in the heap; when it is popped, the
// next one takes its place with the sequence number it was given when
// armed. The heap then pops exactly what it popped before, in the same
// order: this changes the cost, not the run. And a timer whose batch is
// done by the time the producer arms its next one of that kind is dropped
// from the lane's front (dropSpentTimers): it would pop as a step that does
// nothing.
//
// A lane keeps only what differs between its timers (laneTimer, 24 bytes),
// in fixed blocks: it never copies its timers to grow, reuses the block it
// emptied, and shares its blocks with a clone (a checkpoint), copying only
// the block it appends to next.

// laneTimer is a waiting timer: the fields of its item that vary along
// the lane; the rest are the lane's proto.
type laneTimer struct {
	atMs int64
	seq  uint64
	b    int32
	gen  int32
}

// laneBlockLen is how many timers a block holds (24 KB).
const laneBlockLen = 1024

// timerLane is one FIFO of timers whose due times never decrease.
type timerLane struct {
	proto item // kind, a, c, d and lane of every timer it holds (the rest vary)
	// blocks hold the timers behind the one in the heap, oldest first
	// from blocks[0][head]; only the last block takes appends.
	blocks [][]laneTimer
	head   int
	// shared is how many leading blocks a clone may also see: they are
	// never written, and copied before an append or reuse.
	shared   int
	spare    []laneTimer // an emptied block of its own, for the next one
	waiting  int
	inHeap   bool  // the lane's oldest item is in the heap
	lastAtMs int64 // due time of its newest item
}

// pushLane queues it in lane (0-based), with the next sequence number as
// push gives. An item due before the lane's newest, or one that differs
// from the lane's others in more than due time, batch and generation,
// goes to the heap directly, so a lane stays in order whatever the delays.
func (q *eventQueue) pushLane(lane int, it item) {
	q.seq++
	it.seq = q.seq
	for len(q.lanes) <= lane {
		q.lanes = append(q.lanes, timerLane{})
	}
	l := &q.lanes[lane]
	it.lane = uint16(lane + 1)
	switch {
	case !l.inHeap:
		l.inHeap, l.lastAtMs = true, it.atMs
		if l.waiting == 0 {
			l.proto = it // its due time, sequence, batch and generation are each timer's own
		}
		q.heapPush(it)
	case it.atMs >= l.lastAtMs && l.fits(it):
		l.lastAtMs = it.atMs
		l.append(laneTimer{atMs: it.atMs, seq: it.seq, b: it.b, gen: it.gen})
		q.queued++
	default:
		it.lane = 0
		q.heapPush(it)
	}
}

// fits reports whether it differs from the lane's proto only in what a
// laneTimer keeps.
func (l *timerLane) fits(it item) bool {
	p := &l.proto
	return it.kind == p.kind && it.a == p.a && it.c == p.c && it.d == p.d
}

// append adds t at the lane's end.
func (l *timerLane) append(t laneTimer) {
	k := len(l.blocks) - 1
	if k < 0 || len(l.blocks[k]) == laneBlockLen {
		l.blocks = append(l.blocks, l.newBlock())
		k++
	} else if k < l.shared {
		// The last block is a clone's too: write in a copy.
		b := append(l.newBlock(), l.blocks[k]...)
		l.blocks[k], l.shared = b, k
	}
	l.blocks[k] = append(l.blocks[k], t)
	l.waiting++
}

// newBlock is an empty block of the lane's own.
func (l *timerLane) newBlock() []laneTimer {
	if b := l.spare; b != nil {
		l.spare = nil
		return b
	}
	return make([]laneTimer, 0, laneBlockLen)
}

// advanceLane moves the lane's next item into the heap after its oldest
// was popped.
func (q *eventQueue) advanceLane(lane uint16) {
	l := &q.lanes[lane-1]
	if l.waiting == 0 {
		l.inHeap = false
		return
	}
	t := l.takeFront()
	q.queued--
	next := l.proto
	next.atMs, next.seq, next.b, next.gen = t.atMs, t.seq, t.b, t.gen
	q.heapPush(next)
}

// takeFront removes the oldest waiting timer and returns it.
func (l *timerLane) takeFront() laneTimer {
	t := l.blocks[0][l.head]
	l.head++
	l.waiting--
	if l.head == len(l.blocks[0]) && (l.head == laneBlockLen || l.waiting == 0) {
		l.dropHead()
	}
	return t
}

// dropHead lets go of the emptied first block, keeping it for reuse when
// no clone sees it.
func (l *timerLane) dropHead() {
	if l.shared > 0 {
		l.shared--
	} else {
		l.spare = l.blocks[0][:0]
	}
	n := copy(l.blocks, l.blocks[1:])
	l.blocks[n] = nil
	l.blocks, l.head = l.blocks[:n], 0
}

// clone shares every block: from now on neither lane writes them.
func (l *timerLane) clone() timerLane {
	l.shared = len(l.blocks)
	c := *l
	c.spare = nil
	c.blocks = append([][]laneTimer(nil), l.blocks...)
	return c
}

// maxTimerLanes bounds the lane numbers an item can carry.
const maxTimerLanes = 1<<16 - 1

// scheduleTimer is schedule for a producer's delivery or request timer:
// queued in the producer's lane of that kind when lanes can number it.
func (s *Sim) scheduleTimer(delayMs int64, p *producer, it item) {
	lane := 2 * int(p.idx)
	if it.kind == itRequestTimeout {
		lane++
	}
	it.atMs = s.nowMs + delayMs
	if lane >= maxTimerLanes {
		s.queue.push(it)
		return
	}
	if !s.queue.keepSpent {
		s.dropSpentTimers(lane)
	}
	s.queue.pushLane(lane, it)
}

// dropSpentTimers forgets the lane's oldest waiting timers while their
// batch no longer needs them: a delivery timer once the batch is done (or
// the producer crashed since), a request timer once that attempt was
// answered or superseded. Their handlers would do nothing when they fell
// due, so the run emits the same events in the same order without them,
// in fewer steps; and the lane holds about the batches in flight rather
// than every batch of the last delivery.timeout.ms. The timer in the heap
// stays: only those waiting behind it go.
func (s *Sim) dropSpentTimers(lane int) {
	q := &s.queue
	if lane >= len(q.lanes) {
		return
	}
	l := &q.lanes[lane]
	for l.waiting > 0 && s.timerSpent(&l.proto, &l.blocks[0][l.head]) {
		l.takeFront()
		q.queued--
	}
}

// timerSpent reports whether a producer's delivery or request timer can
// no longer do anything, and never will again: generations only grow and
// a done batch stays done (batchExpired, requestTimedOut).
func (s *Sim) timerSpent(proto *item, t *laneTimer) bool {
	p := s.producers[proto.a]
	b := s.batches.At(int(t.b))
	if proto.kind == itBatchExpire {
		return t.gen != p.gen || b.state == batchDone
	}
	return b.reqGen != t.gen || b.state == batchDone
}

// cloneBytes is about what a clone of the queue costs: the heap's and the
// wheel's items are copied, while a lane shares its blocks and copies only
// its table and the block it appends to next. Counting every lane timer as
// an item made each checkpoint of a busy run look megabytes dear, so the
// budget thinned the checkpoints out until a step back replayed minutes.
func (q *eventQueue) cloneBytes() int {
	n := len(q.items)
	if q.w != nil {
		n += q.w.n
	}
	var it item
	n *= int(unsafe.Sizeof(it))
	for i := range q.lanes {
		n += 8*len(q.lanes[i].blocks) + laneBlockLen*int(unsafe.Sizeof(laneTimer{}))
	}
	return n
}
