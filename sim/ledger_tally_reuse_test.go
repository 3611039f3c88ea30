package sim

import (
	"fmt"
	"testing"
)

// A count filters the group's set of unprocessed records in place, unless
// a clone (a checkpoint) may read it: the clone then counts what it held
// when taken, however often the run counts after it.
func TestTallyFiltersInPlaceButNotUnderAClone(t *testing.T) {
	c := benchConfig(4)
	c.Producers[0].Count = 60_000
	s, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	for s.Step() && s.ledger.recs.Len() < 40_000 {
	}
	_ = s.Ledger()
	if n := s.groups[0].tally.open.Len(); n < 1000 {
		t.Fatalf("only %d records unprocessed at the clone", n)
	}
	checkpoint := s.Clone()
	want := fmt.Sprint(walkedGroupLedgers(checkpoint))
	for range 5 {
		s.RunUntil(s.nowMs + 20)
		if got, walk := s.Ledger().Groups, walkedGroupLedgers(s); fmt.Sprint(got) != fmt.Sprint(walk) {
			t.Fatalf("the run's tally %+v, a walk %+v", got, walk)
		}
	}
	if got := fmt.Sprint(checkpoint.Ledger().Groups); got != want {
		t.Errorf("the clone counts %s after the run counted on, want %s", got, want)
	}
}
