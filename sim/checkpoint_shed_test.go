package sim

import (
	"reflect"
	"testing"
)

// A checkpoint keeps no long list of the records its groups have not
// processed (the ledger count's cache, rebuilt on demand): the screen
// counts the ledger every frame, so each checkpoint held a list of its
// own, half a million records long while a fast producer ran ahead of its
// group. A run restored from a checkpoint counts the same ledger as the
// run did at that step.
func TestCheckpointsKeepNoLongLedgerCountCache(t *testing.T) {
	c := benchConfig(4)
	c.Producers[0].Count = 60_000
	r, err := NewRun(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	var mid int
	var want LedgerSummary
	for i := 0; r.Step() && r.Sim().groups[0].processedTotal < 60_000; i++ {
		if i%50 == 0 {
			l := r.Sim().Ledger() // as a playing screen does
			if mid == 0 && l.Groups[0].Pending > 10_000 && len(r.checkpoints) > 2 {
				mid, want = r.Sim().StepCount(), l
			}
		}
	}
	if mid == 0 {
		t.Fatal("the group never lagged 10,000 records behind: the test wants it to")
	}
	for _, cp := range r.checkpoints {
		for _, g := range cp.groups {
			if g.tally.open.bytes() > checkpointOpenMax {
				t.Fatalf("the checkpoint at step %d keeps %d bytes of unprocessed records", cp.step, g.tally.open.bytes())
			}
		}
	}
	r.Seek(mid)
	if got := r.Sim().Ledger(); !reflect.DeepEqual(got, want) {
		t.Fatalf("restored at step %d the ledger is\n%+v\nwant\n%+v", mid, got, want)
	}
}
