package sim

import "testing"

// The screen plays a million records (keeping a window of events, as it
// does) with checkpoints thinned to an eighth of the state, or as far as
// a step back may replay: a checkpoint within maxEveryWork of work
// (records sent and processed, give or take a step) behind any step.
// Half the state kept 29 checkpoints, a quarter of the play's heap, for a
// step back that replayed half as far.
func TestPlayCheckpointsTakeAnEighthOfTheState(t *testing.T) {
	if testing.Short() {
		t.Skip("a million records")
	}
	c := benchConfig(4)
	c.Producers[0].RatePerSec = 1_000_000
	r, err := NewRun(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.KeepEvents(1 << 14)
	for r.Step() && r.sim.groups[0].processedTotal < benchRecords {
	}
	state := r.sim.stateBytes()
	if r.bytes > state/4 || (r.bytes > state/8 && r.everyWork < maxEveryWork) {
		t.Errorf("%d checkpoints %d records of work apart take %d KB of the state's %d KB",
			len(r.checkpoints), r.everyWork, r.bytes>>10, state>>10)
	}
	last := r.base
	for _, cp := range append(r.checkpoints, r.sim) {
		if gap := cp.work() - last.work(); gap > maxEveryWork+maxEveryWork/8 {
			t.Errorf("steps %d to %d lie %d records of work apart, want at most about %d",
				last.step, cp.step, gap, maxEveryWork)
		}
		last = cp
	}
}
