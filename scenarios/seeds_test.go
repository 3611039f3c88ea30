package scenarios

import (
	"io"
	"os"
	"strings"
	"testing"
)

// sweepSeeds runs a built-in on seeds 1..100 and returns the seeds on
// which an expectation fails.
func sweepSeeds(t *testing.T, name string) []uint64 {
	t.Helper()
	sc, err := Load(name)
	if err != nil {
		t.Fatal(err)
	}
	var failed []uint64
	for seed := uint64(1); seed <= 100; seed++ {
		res, err := Run(sc, RunOptions{Seed: seed, HasSeed: true, Quiet: true}, io.Discard)
		if err != nil {
			t.Fatalf("%s seed %d: %v", name, seed, err)
		}
		if !res.OK() {
			failed = append(failed, seed)
		}
	}
	return failed
}

// The scenarios whose lesson depends on where replicas sit pin it with
// replicas = [[...]], so their expectations (and narration) hold on every
// seed, not only their own. acks failed on 59 of 100 seeds and
// unclean-election on 85 before.
func TestPinnedScenariosHoldOnEverySeed(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 200 scenarios")
	}
	for _, name := range []string{"acks", "unclean-election"} {
		if failed := sweepSeeds(t, name); len(failed) > 0 {
			t.Errorf("%s fails on %d of 100 seeds: %v", name, len(failed), failed)
		}
	}
}

// Every built-in on seeds 1..100. Long: KAFKASIM_LONG=1.
func TestBuiltInsHoldOnEverySeed(t *testing.T) {
	if os.Getenv("KAFKASIM_LONG") == "" {
		t.Skip("set KAFKASIM_LONG=1")
	}
	var bad []string
	for _, name := range Names() {
		if failed := sweepSeeds(t, name); len(failed) > 0 {
			bad = append(bad, name)
			t.Errorf("%s fails on %d of 100 seeds: %v", name, len(failed), failed)
		}
	}
	t.Logf("failing: %s", strings.Join(bad, ", "))
}
