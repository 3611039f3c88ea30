package simview

import (
	"testing"

	"kafkasim/sim"
	"kafkasim/ui/cmdline"
)

// TestEngineFaultReplays injects a fault by hand on the real engine, goes
// back before it and forward again, and expects the fault to happen again.
func TestEngineFaultReplays(t *testing.T) {
	spec := cmdline.SandboxSpec(3)
	m := realScreen(t, spec, 120, 36, 5_000)
	m.Inject(sim.Command{Kind: sim.CmdCrashBroker, Broker: 2})
	at := m.Run.StepCount()
	m.AdvanceTo(6_000)
	m.Refresh()
	if !BrokerDown(&m.Snap, 2) {
		t.Fatalf("seed %d: b2 should be down after the crash", spec.Seed)
	}
	finishSlices(t, m, m.Seek(at-1))
	if BrokerDown(&m.Snap, 2) {
		t.Fatalf("seed %d: b2 should be up before the crash (step %d)", spec.Seed, at-1)
	}
	finishSlices(t, m, m.NextMark()) // the hand-made mark
	if !BrokerDown(&m.Snap, 2) || m.Run.Now() != 5_000 {
		t.Fatalf("seed %d: ] should replay the crash at 5s, now %dms", spec.Seed, m.Run.Now())
	}
}

// TestEngineScenariosOpen plays every built-in scenario a little at both
// golden sizes.
func TestEngineScenariosOpen(t *testing.T) {
	src := library{}
	for _, e := range src.BuiltIn() {
		spec, err := src.Load(e.Name)
		if err != nil {
			t.Fatalf("%s: %v", e.Name, err)
		}
		for _, sz := range [][2]int{{80, 24}, {160, 48}} {
			m := realScreen(t, spec, sz[0], sz[1], spec.DurationMs/2)
			if v := m.View(); len(v) == 0 {
				t.Fatalf("%s seed %d: empty view", e.Name, spec.Seed)
			}
		}
	}
}
