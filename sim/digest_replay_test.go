package sim

import "testing"

// A run that computes its digest on demand gives the digest a run hashing
// as it goes gives, after commands given between steps and at later
// clock times, a step back to a checkpoint, a fork and more steps; and it
// hashed nothing while it played.
func TestDigestOnDemandIsTheRunsDigest(t *testing.T) {
	eager, eagerFork := playWithCommands(t, false)
	lazy, lazyFork := playWithCommands(t, true)
	if len(lazy.checkpoints) == 0 {
		t.Fatal("no checkpoint taken: the step back replayed from the start only")
	}
	if lazy.sim.digest != nil || lazyFork.sim.digest != nil {
		t.Fatal("a run with its digest on demand kept a hash")
	}
	if got, want := lazy.Sim().Digest(), eager.Sim().Digest(); got != want {
		t.Fatalf("digest on demand %s, hashing as it went %s", got, want)
	}
	if got, want := lazyFork.Sim().Digest(), eagerFork.Sim().Digest(); got != want {
		t.Fatalf("the fork's digest on demand %s, hashing as it went %s", got, want)
	}
	if lazy.Sim().EventCount() != eager.Sim().EventCount() {
		t.Fatalf("%d events on demand, %d hashing", lazy.Sim().EventCount(), eager.Sim().EventCount())
	}
}

func playWithCommands(t *testing.T, onDemand bool) (*Run, *Run) {
	t.Helper()
	r, err := NewRun(busyConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if onDemand {
		r.DigestOnDemand()
	}
	apply := func(cmd Command) {
		if err := r.Apply(cmd); err != nil {
			t.Fatal(err)
		}
	}
	r.RunUntil(5_003) // the clock moves past the last step: the command runs later than it
	apply(Command{Kind: CmdCrashBroker, Broker: 2})
	r.RunUntil(9_000)
	apply(Command{Kind: CmdRestartBroker, Broker: 2})
	r.RunUntil(20_000)
	r.Seek(r.Sim().StepCount() / 2)
	fork := r.Fork()
	fork.RunUntil(25_000)
	r.RunUntil(30_000)
	return r, fork
}
