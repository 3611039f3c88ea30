package components

import (
	"testing"

	"kafkasim/sim"
)

// TestFaultMenuControllerNodes: dedicated controller nodes get their own
// crash and restart entries; a combined-mode cluster shows none, and a
// broker waiting to register is not offered a second restart.
func TestFaultMenuControllerNodes(t *testing.T) {
	snap := &sim.Snapshot{
		Brokers:         []sim.BrokerView{{ID: 1, State: sim.BrokerUp}, {ID: 2, State: sim.BrokerDown, Registering: true}},
		ControllerNodes: []sim.ControllerNodeView{{ID: 3, Up: true, Active: true}, {ID: 4}},
	}
	targets := map[string][]FaultTarget{}
	for _, k := range FaultKinds(snap) {
		targets[k.Label] = k.Targets
	}
	crash, restart := targets["Crash a controller node"], targets["Restart a controller node"]
	if len(crash) != 1 || crash[0].Cmd.Kind != sim.CmdCrashController || crash[0].Cmd.Broker != 3 {
		t.Fatalf("crash targets %+v", crash)
	}
	if len(restart) != 1 || restart[0].Cmd.Kind != sim.CmdRestartController || restart[0].Cmd.Broker != 4 {
		t.Fatalf("restart targets %+v", restart)
	}
	if n := len(targets["Restart a broker"]); n != 0 {
		t.Fatalf("a registering broker offered %d restarts", n)
	}
	snap.ControllerNodes = nil
	for _, k := range FaultKinds(snap) {
		if k.Label == "Crash a controller node" {
			t.Fatal("combined mode offers controller-node faults")
		}
	}
}
