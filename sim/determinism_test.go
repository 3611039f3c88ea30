package sim

import "testing"

func runDigest(t *testing.T, seed uint64, untilMs int64) string {
	s := mustNew(t, basicConfig(seed))
	if err := s.Schedule(4000, Command{Kind: CmdCrashBroker, Broker: 2}); err != nil {
		t.Fatal(err)
	}
	if err := s.Schedule(5000, Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1}); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(untilMs)
	return s.Digest()
}

func TestSameSeedSameDigest(t *testing.T) {
	for _, seed := range []uint64{1, 2, 99} {
		a, b := runDigest(t, seed, 20000), runDigest(t, seed, 20000)
		if a != b {
			t.Fatalf("seed %d: digests differ: %s vs %s", seed, a, b)
		}
	}
}

func TestDifferentSeedsDiffer(t *testing.T) {
	seen := map[string]uint64{}
	for seed := uint64(1); seed <= 8; seed++ {
		d := runDigest(t, seed, 20000)
		if prev, ok := seen[d]; ok {
			t.Fatalf("seeds %d and %d gave the same stream", prev, seed)
		}
		seen[d] = seed
	}
}

func TestRunSeekReplaysHandCommands(t *testing.T) {
	cfg := basicConfig(5)
	r, err := NewRun(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.RunUntil(4000)
	if err := r.Apply(Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 2}); err != nil {
		t.Fatal(err)
	}
	r.RunUntil(20000)
	endStep, want := r.Sim().StepCount(), r.Sim().Digest()
	for _, back := range []int{0, 7, endStep / 2, endStep - 1} {
		r.Seek(back)
		if got := r.Sim().StepCount(); got != back {
			t.Fatalf("seek %d landed on %d", back, got)
		}
		r.Seek(endStep)
		if got := r.Sim().Digest(); got != want {
			t.Fatalf("after seeking back to %d and forward again, digest %s, want %s", back, got, want)
		}
	}
	// Branching: a new command after stepping back forgets the old future.
	r.Seek(10)
	if err := r.Apply(Command{Kind: CmdCrashBroker, Broker: 1}); err != nil {
		t.Fatal(err)
	}
	if n := len(r.Commands()); n != 1 || r.Commands()[0].Cmd.Kind != CmdCrashBroker {
		t.Fatalf("commands after branching: %+v", r.Commands())
	}
}

func TestCloneIsIndependent(t *testing.T) {
	s := mustNew(t, basicConfig(3))
	s.RunUntil(5000)
	c := s.Clone()
	s.RunUntil(15000)
	c.RunUntil(15000)
	if s.Digest() != c.Digest() {
		t.Fatalf("clone diverged: %s vs %s", s.Digest(), c.Digest())
	}
	if err := checkInvariants(c); err != nil {
		t.Fatal(err)
	}
}

func TestReplayedCommandKeepsItsTime(t *testing.T) {
	r, err := NewRun(basicConfig(5), nil)
	if err != nil {
		t.Fatal(err)
	}
	r.RunUntil(4321) // the clock moves past the last step
	if err := r.Apply(Command{Kind: CmdCrashBroker, Broker: 3}); err != nil {
		t.Fatal(err)
	}
	r.RunUntil(9000)
	want := r.Sim().Digest()
	r.Seek(3)
	r.RunUntil(9000)
	if got := r.Sim().Digest(); got != want {
		t.Fatalf("replay differs: %s vs %s", got, want)
	}
	for _, e := range r.Sim().Events() {
		if e.Type == EvBrokerCrashed && e.AtMs != 4321 {
			t.Fatalf("replayed crash at %d, want 4321", e.AtMs)
		}
	}
}

func TestScheduleAcceptsConsumersAddedLater(t *testing.T) {
	s := mustNew(t, basicConfig(1))
	if err := s.Schedule(1000, Command{Kind: CmdAddConsumer, Group: "billing"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Schedule(9000, Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 3}); err != nil {
		t.Fatalf("crashing c3, which an earlier entry adds: %v", err)
	}
	s.RunUntil(10000)
	if countEvents(s, EvConsumerCrashed, nil) != 1 {
		t.Fatalf("c3 should have crashed")
	}
}
