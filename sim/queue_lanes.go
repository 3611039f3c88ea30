package sim

// Timer lanes. A producer arms a delivery timer for every batch and a
// request timer for every request, and most are cancelled in effect (the
// batch completes first) yet stay queued until due: with a 120 s
// delivery.timeout.ms the heap held every batch of the last two minutes,
// and every push and pop paid for its depth. The timers of one kind and
// producer fall due in the order they were armed, so they wait in a FIFO
// lane and only the lane's oldest sits in the heap; when it is popped, the
// next one takes its place with the sequence number it was given when
// armed. The heap then pops exactly what it popped before, in the same
// order: this changes the cost, not the run.

// timerLane is one FIFO of timers whose due times never decrease.
type timerLane struct {
	waiting  []item // behind the one in the heap, oldest first, from head
	head     int
	inHeap   bool  // the lane's oldest item is in the heap
	lastAtMs int64 // due time of its newest item
}

// pushLane queues it in lane (0-based), with the next sequence number as
// push gives. An item due before the lane's newest goes to the heap
// directly, so a lane stays in order whatever the delays.
func (q *eventQueue) pushLane(lane int, it item) {
	q.seq++
	it.seq = q.seq
	for len(q.lanes) <= lane {
		q.lanes = append(q.lanes, timerLane{})
	}
	l := &q.lanes[lane]
	switch {
	case !l.inHeap:
		it.lane = uint16(lane + 1)
		l.inHeap, l.lastAtMs = true, it.atMs
		q.heapPush(it)
	case it.atMs >= l.lastAtMs:
		it.lane = uint16(lane + 1)
		l.lastAtMs = it.atMs
		if len(l.waiting) == cap(l.waiting) && 4*l.head >= len(l.waiting) {
			// Reuse the popped front before growing: the array stays
			// within twice the timers waiting.
			n := copy(l.waiting, l.waiting[l.head:])
			l.waiting, l.head = l.waiting[:n], 0
		}
		l.waiting = append(l.waiting, it)
		q.queued++
	default:
		q.heapPush(it)
	}
}

// advanceLane moves the lane's next item into the heap after its oldest
// was popped.
func (q *eventQueue) advanceLane(lane uint16) {
	l := &q.lanes[lane-1]
	if l.head == len(l.waiting) {
		l.inHeap = false
		l.waiting, l.head = l.waiting[:0], 0
		return
	}
	next := l.waiting[l.head]
	l.head++
	q.queued--
	q.heapPush(next)
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
	s.queue.pushLane(lane, it)
}
