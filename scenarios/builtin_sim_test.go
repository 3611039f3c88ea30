package scenarios

import (
	"testing"

	"kafkasim/sim"
)

// builtInSim loads the built-in scenario name and starts its run at its
// own seed.
func builtInSim(t *testing.T, name string) (*Scenario, *sim.Sim) {
	t.Helper()
	sc, err := Load(name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewSim(sc.Seed)
	if err != nil {
		t.Fatal(err)
	}
	return sc, s
}

// markedBuiltIns are the built-ins whose logs hold transaction markers,
// aborted records, compaction's tombstones, null keys and duplicates.
var markedBuiltIns = []string{"compaction", "exactly-once", "transaction-failover", "producer-retries", "keys", "unclean-election"}
