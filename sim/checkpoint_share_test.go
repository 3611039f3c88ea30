package sim

import (
	"runtime"
	"testing"
)

// Checkpoints share the ledger, the batch list and the logs: taking many of
// them costs a small part of the state each, not a copy of it. (The TUI's
// step back restores the nearest checkpoint; with full copies a long run
// held gigabytes.)
func TestCheckpointsShareMemory(t *testing.T) {
	c := benchConfig(4)
	c.Producers[0].Count = 100_000
	s := mustNew(t, c)
	for s.Step() && s.groups[0].processedTotal < 100_000 {
	}
	before := heapInUse()
	state := before // everything live is this run's state, and less
	const n = 32
	keep := make([]*Sim, 0, n)
	for range n {
		for i := 0; i < 200 && s.Step(); i++ { // a little progress between checkpoints
		}
		keep = append(keep, s.Clone())
	}
	grown := heapInUse() - before
	runtime.KeepAlive(keep)
	if grown > n*state/8 {
		t.Fatalf("%d checkpoints grew the heap by %d bytes; the state is at most %d bytes: they do not share it", n, grown, state)
	}
	t.Logf("%d checkpoints: %d KB in all, state ≤ %d KB", n, grown>>10, state>>10)
}

// A checkpoint stays as it was while the run it came from goes on, and a
// run restored from it replays to the same digest.
func TestCheckpointUnchangedByLaterSteps(t *testing.T) {
	c := benchConfig(4)
	c.Producers[0].Count = 20_000
	s := mustNew(t, c)
	for i := 0; i < 30_000 && s.Step(); i++ {
	}
	cp := s.Clone()
	want := cp.Ledger()
	for i := 0; i < 30_000 && s.Step(); i++ {
	}
	if got := cp.Ledger(); got.Producers[0] != want.Producers[0] {
		t.Fatalf("the checkpoint changed: %+v, was %+v", got.Producers[0], want.Producers[0])
	}
	a := cp.Clone()
	for i := 0; i < 30_000 && a.Step(); i++ {
	}
	if a.Digest() != s.Digest() {
		t.Fatalf("a run restored from the checkpoint ends at digest %s, the original at %s", a.Digest(), s.Digest())
	}
}
