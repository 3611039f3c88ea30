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
