package sim

import (
	"math/rand/v2"
	"testing"
)

// Timer lanes change what the heap holds, not what it pops: a queue that
// files timers in lanes pops the same items in the same order as one plain
// heap, whatever mix of lanes, plain items and out-of-order delays.
func TestTimerLanesPopAsOneHeap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var plain, laned eventQueue
	now := int64(0)
	for step := 0; step < 20_000; step++ {
		if rng.IntN(3) > 0 || plain.Len() == 0 {
			p := &producer{idx: int32(rng.IntN(3))}
			it := requestTimeoutItem(p, int32(step), 0)
			it.atMs = now + int64(rng.IntN(50))
			if rng.IntN(4) == 0 {
				it.atMs = now + 1000 // a lane's usual fixed delay
			}
			plain.push(it)
			if rng.IntN(5) == 0 {
				laned.push(it)
			} else {
				laned.pushLane(int(p.idx), it)
			}
			continue
		}
		a, b := plain.pop(), laned.pop()
		now = a.atMs
		if a.seq != b.seq || a.atMs != b.atMs || a.batch() != b.batch() {
			t.Fatalf("step %d: heap popped %+v, lanes popped %+v", step, a, b)
		}
		if plain.Len() != laned.Len() {
			t.Fatalf("step %d: %d queued, lanes report %d", step, plain.Len(), laned.Len())
		}
	}
}

// A clone (a checkpoint) shares its lanes' blocks: after it, the original
// and the clone each go on as a plain heap would, whatever the other does.
func TestTimerLanesCloneIndependent(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	var plain, laned eventQueue
	due := int64(0)
	fill := func(q, h *eventQueue, n int) {
		for i := 0; i < n; i++ {
			it := batchExpireItem(&producer{idx: 1}, int32(rng.IntN(1<<20)))
			due += int64(rng.IntN(2))
			it.atMs = due
			h.push(it)
			q.pushLane(2, it)
		}
	}
	drain := func(q, h *eventQueue, n int) {
		for i := 0; i < n && h.Len() > 0; i++ {
			a, b := h.pop(), q.pop()
			if a.seq != b.seq || a.atMs != b.atMs || a.batch() != b.batch() || a.kind != b.kind {
				t.Fatalf("pop %d: heap %+v, lanes %+v", i, a, b)
			}
		}
		if h.Len() != q.Len() {
			t.Fatalf("%d queued, lanes report %d", h.Len(), q.Len())
		}
	}
	fill(&laned, &plain, 3*laneBlockLen+17)
	drain(&laned, &plain, laneBlockLen+5)
	plainC, lanedC := plain.clone(), laned.clone()
	fill(&laned, &plain, 2*laneBlockLen) // writes after the clone
	drain(&laned, &plain, 3*laneBlockLen)
	fill(&laned, &plain, laneBlockLen) // reuses emptied blocks
	fill(&lanedC, &plainC, 100)
	drain(&lanedC, &plainC, 1<<30)
	drain(&laned, &plain, 1<<30)
}
