package sim

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The queue pops by due time, then by the order items were pushed: equal
// times run in the order they were scheduled, which is what makes a run
// repeat exactly. Checked against a plain sorted list over random pushes
// and pops, near (the wheel) and far (the heap), with ties, and on a
// clone taken midway as well as on the original.
func TestQueuePopsByTimeThenPushOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var q eventQueue
	var want []item
	now := int64(0)
	run := func(q *eventQueue, want []item, now int64, steps int) {
		for step := 0; step < steps; step++ {
			if rng.IntN(5) < 3 || len(want) == 0 {
				it := commandItem(step)
				it.atMs = now + queueTestDelay(rng)
				q.push(it)
				it.seq = q.seq
				want = append(want, it)
				continue
			}
			i := 0
			for j := range want {
				if less(&want[j], &want[i]) {
					i = j
				}
			}
			if at := q.nextAt(); at != want[i].atMs {
				t.Fatalf("step %d: next due at %d, want %d", step, at, want[i].atMs)
			}
			got := q.pop()
			if got.seq != want[i].seq || got.atMs != want[i].atMs {
				t.Fatalf("step %d: popped (%d, seq %d), want (%d, seq %d)", step, got.atMs, got.seq, want[i].atMs, want[i].seq)
			}
			want = slices.Delete(want, i, i+1)
			now = got.atMs
			if q.Len() != len(want) {
				t.Fatalf("step %d: %d queued, want %d", step, q.Len(), len(want))
			}
		}
	}
	for step := 0; step < 20_000; step++ {
		if rng.IntN(5) < 3 || len(want) == 0 {
			it := commandItem(step)
			it.atMs = now + queueTestDelay(rng)
			q.push(it)
			it.seq = q.seq
			want = append(want, it)
			continue
		}
		got := q.pop()
		i := slices.IndexFunc(want, func(w item) bool { return w.seq == got.seq })
		want = slices.Delete(want, i, i+1)
		now = got.atMs
	}
	c := q.clone()
	run(&c, slices.Clone(want), now, 30_000)
	run(&q, want, now, 30_000)
}

// queueTestDelay is mostly a few milliseconds (many ties), sometimes past
// the wheel's span.
func queueTestDelay(rng *rand.Rand) int64 {
	if rng.IntN(10) == 0 {
		return int64(rng.IntN(3 * wheelLen))
	}
	return int64(rng.IntN(8))
}
