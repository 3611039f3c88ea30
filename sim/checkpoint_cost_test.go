package sim

import "testing"

// A checkpoint of a busy run costs about the same at half a minute as at
// five seconds: the producers' timer lanes share their blocks with it, so
// the thousands of pending delivery timers are not counted as copied.
// When they were, the budget thinned the checkpoints of a 100-partition
// run at ×100 to a few, and going back a few minutes replayed minutes.
func TestCheckpointCostStaysFlatOnABusyRun(t *testing.T) {
	c := benchConfigKeys(4, 1000)
	c.Topics[0].Partitions = 100
	c.Producers[0].RatePerSec, c.Producers[0].Count = 1000, 0
	r, err := NewRun(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.RunUntil(5_000)
	early := r.checkpoints[len(r.checkpoints)-1].checkpointBytes()
	r.RunUntil(30_000)
	late := r.checkpoints[len(r.checkpoints)-1].checkpointBytes()
	if late > 2*early {
		t.Fatalf("a checkpoint is estimated at %d KB at 5 s and %d KB at 30 s", early>>10, late>>10)
	}
}
