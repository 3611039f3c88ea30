package lessons

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// TestSkeletonOfARunPlays: a run of offsets-restart where the learner
// crashed billing's consumer for good at 25s becomes a lesson skeleton
// and its scenario. The skeleton loads as it stands, has a stop after each
// fault, and its challenge, judged at the moment it was written, passes
// with its own solution (the run's faults) and fails without them.
func TestSkeletonOfARunPlays(t *testing.T) {
	sc, err := scenarios.Load("offsets-restart")
	if err != nil {
		t.Fatal(err)
	}
	run, err := sim.NewRun(sc.Config, sc.Timeline)
	if err != nil {
		t.Fatal(err)
	}
	run.RunUntil(25_000)
	if err := run.Apply(sim.Command{Kind: sim.CmdCrashConsumer, Group: "billing", Consumer: 1}); err != nil {
		t.Fatal(err)
	}
	run.RunUntil(42_000)
	exported, err := scenarios.ExportRun(sc, sc.Seed, run.Commands())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	md := Skeleton(SkeletonRun{Title: "Offsets and commits", Scenario: "my-run.toml", Timeline: sc.Timeline,
		Hand: run.Commands(), Snapshot: run.Sim().Snapshot()})
	for name, data := range map[string][]byte{"my-run.toml": exported.Data, "my-run.md": md} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	l, err := LoadFile(filepath.Join(dir, "my-run.md"))
	if err != nil {
		t.Fatalf("the skeleton does not load: %v\n%s", err, md)
	}
	var ats []int64
	for _, s := range l.Stops {
		ats = append(ats, s.AtMs)
	}
	if want := []int64{11_000, 21_000, 26_000, 41_000}; !slices.Equal(ats, want) {
		t.Errorf("stops at %v, want %v (after 10s crash, 20s restart, 25s hand crash, 40s note)", ats, want)
	}
	if !strings.Contains(l.Stops[2].Text, "At 25s: crash consumer 1 of group billing.") {
		t.Errorf("hand crash stop: %q", l.Stops[2].Text)
	}
	p, err := NewPlayer(l, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.StartChallenge(); err != nil {
		t.Fatal(err)
	}
	if ok, _ := p.CheckChallenge(); ok {
		t.Error("doing nothing passed the skeleton's challenge")
	}
	if err := p.Restart(); err != nil {
		t.Fatal(err)
	}
	if err := playSolution(p); err != nil {
		t.Fatal(err)
	}
	if ok, details := p.CheckChallenge(); !ok {
		t.Fatalf("the run's own faults fail the skeleton's challenge: %v\n%s", details, md)
	}
}
