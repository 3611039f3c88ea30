package sim

// item is one queued happening: when it is due, its kind, and the ids and
// number it concerns. The argument slots a, b, c and d are written only by
// the constructors in queue_items.go and read only through its accessors,
// which name them per kind; gen lets a handler ignore an item made stale by
// a crash or a newer item.
type item struct {
	atMs int64
	seq  uint64
	kind itemKind
	lane uint16 // 1 + its lane in eventQueue.lanes, 0 if none (queue_lanes.go)
	a    int32
	b    int32
	c    int32
	gen  int32
	d    int64
}

// eventQueue is a min-heap ordered by (time, insertion sequence), so equal
// times run in the order they were scheduled.
type eventQueue struct {
	items []item // the heap
	w     *wheel // items due soon (queue_wheel.go); nil until one is
	seq   uint64
	// lanes hold timers queued behind the one of theirs in the heap.
	lanes  []timerLane
	queued int // items waiting in lanes
	// keepSpent keeps spent timers queued until due, as the queue did
	// before dropSpentTimers: tests compare the two.
	keepSpent bool
}

// Len is the number of items queued, in the heap, the wheel and lanes.
func (q *eventQueue) Len() int {
	n := len(q.items) + q.queued
	if q.w != nil {
		n += q.w.n
	}
	return n
}

// peek is the item that pops next; the queue must not be empty.
func (q *eventQueue) peek() *item {
	if q.w == nil || q.w.n == 0 {
		return &q.items[0]
	}
	if wi := q.w.peek(); len(q.items) == 0 || less(wi, &q.items[0]) {
		return wi
	}
	return &q.items[0]
}

// nextAt is when the next item is due; the queue must not be empty.
func (q *eventQueue) nextAt() int64 { return q.peek().atMs }

func less(a, b *item) bool {
	if a.atMs != b.atMs {
		return a.atMs < b.atMs
	}
	return a.seq < b.seq
}

func (q *eventQueue) push(it item) {
	q.seq++
	it.seq = q.seq
	if q.w == nil {
		q.w = &wheel{}
	}
	if q.w.fits(it.atMs) {
		q.w.add(it)
		return
	}
	q.heapPush(it)
}

// The heap is 4-ary: half the levels of a binary one, and the four
// children of a node sit side by side. An item moves by filling a hole
// rather than by swaps. The order popped is the order (time, sequence)
// alone defines, whatever the heap's shape.
const heapArity = 4

// heapPush puts an item that has its sequence number into the heap.
func (q *eventQueue) heapPush(it item) {
	q.items = append(q.items, it)
	i := len(q.items) - 1
	for i > 0 {
		p := (i - 1) / heapArity
		if !less(&it, &q.items[p]) {
			break
		}
		q.items[i] = q.items[p]
		i = p
	}
	q.items[i] = it
}

// pop takes the next item: the wheel's first or the heap's, whichever is
// earlier by (time, sequence).
func (q *eventQueue) pop() item {
	if w := q.w; w != nil && w.n > 0 {
		k := w.first()
		if sl := &w.slots[k]; len(q.items) == 0 || less(&sl.items[sl.head], &q.items[0]) {
			it := w.take(k)
			w.base = it.atMs
			return it
		}
	}
	it := q.heapPop()
	if q.w != nil && it.atMs > q.w.base {
		q.w.base = it.atMs
	}
	if it.lane != 0 {
		q.advanceLane(it.lane)
	}
	return it
}

// heapPop takes the heap's first item.
func (q *eventQueue) heapPop() item {
	top := q.items[0]
	n := len(q.items) - 1
	last := q.items[n]
	q.items = q.items[:n]
	if n > 0 {
		q.siftDown(last, n)
	}
	return top
}

// siftDown places it, which was the last item, from the root down,
// among the first n items.
func (q *eventQueue) siftDown(it item, n int) {
	items := q.items[:n]
	i := 0
	for {
		first := heapArity*i + 1
		if first >= n {
			break
		}
		m := first
		for c := first + 1; c < first+heapArity && c < n; c++ {
			if less(&items[c], &items[m]) {
				m = c
			}
		}
		if !less(&items[m], &it) {
			break
		}
		items[i] = items[m]
		i = m
	}
	items[i] = it
}

func (q *eventQueue) clone() eventQueue {
	c := eventQueue{items: append([]item(nil), q.items...), seq: q.seq, queued: q.queued}
	if q.w != nil {
		c.w = q.w.clone()
	}
	c.lanes = make([]timerLane, len(q.lanes))
	for i := range q.lanes {
		c.lanes[i] = q.lanes[i].clone()
	}
	return c
}

// schedule queues a happening delayMs from now.
func (s *Sim) schedule(delayMs int64, it item) {
	it.atMs = s.nowMs + delayMs
	s.queue.push(it)
}
