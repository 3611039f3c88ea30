package sim

import (
	"math/rand/v2"
	"testing"
)

// A rangeEvent hashes as the Event it stands for: the same canonical bytes,
// whatever its facts, for each of the types it is used for.
func TestRangeEventHashesAsItsEvent(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	num := func() int64 { return rng.Int64N(1<<40) - 1<<20 }
	for _, typ := range []EventType{EvProduceRequest, EvAppended, EvAcked, EvReplicated, EvHWAdvanced} {
		for i := 0; i < 200; i++ {
			r := rangeEvent{typ: typ, producer: "p" + string(rune('a'+i%3)), topic: "orders", partition: int(rng.Int64N(2000)),
				broker: int(rng.Int64N(12)), broker2: int(rng.Int64N(12)), offset: num(), endOffset: num(),
				count: int(rng.Int64N(5000)), epoch: int(rng.Int64N(300)) - 2, text: []string{"", "duplicate"}[i%2]}
			if typ == EvProduceRequest {
				r.offset, r.endOffset, r.broker2, r.text = 0, 0, 0, ""
				r.firstSeq = int32(rng.Int64N(1<<20)) - 1
			}
			atMs := num() & (1<<40 - 1)
			e := r.event()
			e.AtMs = atMs
			if got, want := string(r.appendCanonical(nil, atMs)), string(e.appendCanonical(nil)); got != want {
				t.Fatalf("%s: hashed %q, its event %q", typ, got, want)
			}
		}
	}
}

// A run that keeps its events and one that discards them (and hashes the
// frequent ones from their facts) have the same digest and event count.
func TestRangeEventsKeepTheDigest(t *testing.T) {
	c := partitionsConfig(40)
	c.Producers[0].Count = 20000
	kept, _ := New(c)
	quiet, _ := New(c)
	quiet.DiscardEvents()
	for kept.Now() < 3000 && kept.Step() {
		quiet.Step()
		kept.ForgetEventsBefore(kept.EventCount())
	}
	if quiet.Now() != kept.Now() || kept.EventCount() < 1000 {
		t.Fatalf("the runs part or run short: %d and %d ms, %d events", kept.Now(), quiet.Now(), kept.EventCount())
	}
	if kept.Digest() != quiet.Digest() || kept.EventCount() != quiet.EventCount() {
		t.Fatalf("kept: %d events, digest %s; discarded: %d, %s", kept.EventCount(), kept.Digest(),
			quiet.EventCount(), quiet.Digest())
	}
}
