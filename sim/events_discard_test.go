package sim

import "testing"

// A run that discards its events is the same run: the same digest, the
// same number of events, the same records acknowledged, and nothing kept.
func TestDiscardEventsKeepsTheRunAndItsDigest(t *testing.T) {
	c := basicConfig(7)
	c.Topics[0].Partitions = 6
	c.Producers[0].Count, c.Producers[0].RatePerSec = 0, 100
	kept, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	discarding := kept.Clone()
	discarding.DiscardEvents()
	kept.RunUntil(20_000)
	discarding.RunUntil(20_000)
	if got, want := discarding.Digest(), kept.Digest(); got != want {
		t.Fatalf("digest %s while discarding events, %s keeping them", got, want)
	}
	if got, want := discarding.EventCount(), kept.EventCount(); got != want || want < 1000 {
		t.Fatalf("%d events counted while discarding, %d kept", got, want)
	}
	if n := len(discarding.Events()) + len(discarding.EventsSince(0)); n != 0 {
		t.Fatalf("a discarding run returned %d events", n)
	}
	var acked int64
	for _, e := range kept.Events() {
		if e.Type == EvAcked {
			acked += int64(e.Count)
		}
	}
	if got := discarding.AckedRecords(); got != acked || acked == 0 {
		t.Fatalf("AckedRecords %d, the acked events count %d", got, acked)
	}
}

// A clone of a discarding run discards too, and still counts and hashes
// as the run it was cloned from.
func TestDiscardEventsHoldsInClones(t *testing.T) {
	c := basicConfig(7)
	c.Producers[0].Count, c.Producers[0].RatePerSec = 0, 100
	kept, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	discarding := kept.Clone()
	discarding.DiscardEvents()
	discarding.RunUntil(3_000)
	clone := discarding.Clone()
	kept.RunUntil(6_000)
	clone.RunUntil(6_000)
	if len(clone.Events()) != 0 {
		t.Fatalf("the clone of a discarding run kept %d events", len(clone.Events()))
	}
	if clone.Digest() != kept.Digest() || clone.EventCount() != kept.EventCount() {
		t.Fatalf("clone: %d events, digest %s; the run keeping them: %d, %s",
			clone.EventCount(), clone.Digest(), kept.EventCount(), kept.Digest())
	}
}
