package sim

import "testing"

// The checkpoints thin to their budget only while they lie close in
// work and virtual time; past the 64 MB ceiling they always thin. (The
// screen's run of the 1M-record load kept 115 checkpoints, 51 MB, where a
// step back replays 10 ms; a busy cluster of many partitions, a
// checkpoint every 2 virtual seconds, keeps the ceiling, since replaying
// a virtual second costs it milliseconds.)
func TestCheckpointBudgetFollowsTheState(t *testing.T) {
	c := benchConfig(4)
	c.Producers[0].Count = 50_000
	r, err := NewRun(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	for r.Step() && r.Sim().groups[0].processedTotal < 50_000 {
	}
	if b := r.sim.stateBytes(); b < 50_000*20 {
		t.Fatalf("the state of 50,000 records is estimated at %d bytes", b)
	}
	dense := func(gapMs int64, n int) *Run {
		d := &Run{sim: r.sim, everyWork: 4096}
		for i := range n {
			cp := &Sim{}
			cp.nowMs = int64(i) * gapMs
			d.checkpoints = append(d.checkpoints, cp)
		}
		return d
	}
	over := checkpointBudgetMin + 1
	for _, tc := range []struct {
		name  string
		run   *Run
		bytes int
		want  bool
	}{
		{"under the budget", dense(10, 8), checkpointBudgetMin, false},
		{"over it, close together", dense(10, 8), over, true},
		{"over it, 2 s apart", dense(2000, 8), over, false},
		{"over the ceiling, 2 s apart", dense(2000, 8), checkpointBudgetMax + 1, true},
	} {
		tc.run.bytes = tc.bytes
		if got := tc.run.overBudget(); got != tc.want {
			t.Errorf("%s: thin %v, want %v", tc.name, got, tc.want)
		}
	}
	far := dense(10, 8)
	far.bytes, far.everyWork = over, maxEveryWork
	if far.overBudget() {
		t.Error("checkpoints maxEveryWork apart thin below the ceiling")
	}
}
