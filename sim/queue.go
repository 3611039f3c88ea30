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
	seq   uint64
	// lanes hold timers queued behind the one of theirs in the heap.
	lanes  []timerLane
	queued int // items waiting in lanes
}

// Len is the number of items queued, in the heap and in lanes.
func (q *eventQueue) Len() int { return len(q.items) + q.queued }

func less(a, b *item) bool {
	if a.atMs != b.atMs {
		return a.atMs < b.atMs
	}
	return a.seq < b.seq
}

func (q *eventQueue) push(it item) {
	q.seq++
	it.seq = q.seq
	q.heapPush(it)
}

// heapPush puts an item that has its sequence number into the heap.
func (q *eventQueue) heapPush(it item) {
	q.items = append(q.items, it)
	i := len(q.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !less(&q.items[i], &q.items[p]) {
			break
		}
		q.items[i], q.items[p] = q.items[p], q.items[i]
		i = p
	}
}

func (q *eventQueue) pop() item {
	top := q.items[0]
	n := len(q.items) - 1
	q.items[0] = q.items[n]
	q.items = q.items[:n]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && less(&q.items[l], &q.items[m]) {
			m = l
		}
		if r < n && less(&q.items[r], &q.items[m]) {
			m = r
		}
		if m == i {
			break
		}
		q.items[i], q.items[m] = q.items[m], q.items[i]
		i = m
	}
	if top.lane != 0 {
		q.advanceLane(top.lane)
	}
	return top
}

func (q *eventQueue) clone() eventQueue {
	c := eventQueue{items: append([]item(nil), q.items...), seq: q.seq, queued: q.queued}
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
