package sim

import "testing"

// A gap in a log's tail is marked by the range of left-out records on
// either side of it, also when the gap's other side is a record the view
// holds: the legend must not lose a gap at the edge of a window.
func TestMarkRangeSeesGapsAcrossItsEnds(t *testing.T) {
	var log entryLog
	for _, o := range []int64{0, 1, 2, 5, 6, 7, 8, 12} { // gaps before 5 and before 12
		log.Append(entry{offset: o, rec: -1, epoch: 0})
	}
	s := &Sim{}
	gap := func(lo, hi, first int) bool {
		var m TailMarks
		s.markRange(&m, nil, &log, lo, hi, first)
		return m.Gap
	}
	cases := []struct {
		lo, hi, first int
		want          bool
		why           string
	}{
		{0, 3, 0, true, "the left-out [0,1,2] ends where the view's 5 starts: the gap below 5 is its"},
		{0, 2, 0, false, "[0,1] and its pair with 2: no gap"},
		{3, 7, 0, true, "[5..12): its pair across the left end is 2→5"},
		{4, 6, 0, false, "[6,7] and the pairs 5→6, 7→8: no gap"},
		{4, 7, 0, true, "[6,7,8] and its pair across the right end, 8→12"},
		{7, 8, 0, true, "[12] with the pair 8→12"},
		{3, 3, 3, false, "an empty range at the tail's first entry has no pair"},
		{3, 3, 0, true, "an empty range inside the tail has the pair across its end, 2→5"},
		{8, 8, 0, false, "an empty range past the end"},
	}
	for _, c := range cases {
		if got := gap(c.lo, c.hi, c.first); got != c.want {
			t.Errorf("markRange [%d,%d) first %d: Gap %v, want %v (%s)", c.lo, c.hi, c.first, got, c.want, c.why)
		}
	}
}
