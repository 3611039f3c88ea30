package sim

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The queue pops by due time, then by the order items were pushed: equal
// times run in the order they were scheduled, which is what makes a run
// repeat exactly. Checked against a plain sorted list over random pushes
// and pops.
func TestQueuePopsByTimeThenPushOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var q eventQueue
	var want []item
	now := int64(0)
	for step := 0; step < 50_000; step++ {
		if rng.IntN(5) < 3 || len(want) == 0 {
			it := commandItem(step)
			it.atMs = now + int64(rng.IntN(8)) // many ties
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
		got := q.pop()
		if got.seq != want[i].seq || got.atMs != want[i].atMs {
			t.Fatalf("step %d: popped (%d, seq %d), want (%d, seq %d)", step, got.atMs, got.seq, want[i].atMs, want[i].seq)
		}
		want = slices.Delete(want, i, i+1)
		now = got.atMs
	}
}
