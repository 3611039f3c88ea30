package sim

import "testing"

// fetchWaitConfig: one broker, a producer of 1010-byte records at 10 a
// second from 4s (after the group's first rebalance), and one consumer
// with the given fetch.min.bytes and fetch.max.wait.ms.
func fetchWaitConfig(minBytes int, maxWaitMs int64) Config {
	c := Config{Seed: 1, Cluster: DefaultCluster(1)}
	c.Topics = []TopicConfig{DefaultTopic("readings", 1, 1)}
	p := DefaultProducer("sensor", "readings")
	p.RatePerSec, p.Count, p.StartMs = 10, 100, 4000
	p.Values = &ValueSpec{Kind: ValuesPayload, Bytes: 1000}
	c.Producers = []ProducerConfig{p}
	g := DefaultGroup("dash", "readings")
	g.Consumers, g.AutoOffsetReset = 1, "earliest"
	g.FetchMinBytes, g.FetchMaxWaitMs = minBytes, maxWaitMs
	c.Groups = []GroupConfig{g}
	return c
}

// fetches lists the fetch events of group g.
func fetches(s *Sim, g string) []Event {
	var out []Event
	for _, e := range s.Events() {
		if e.Type == EvFetched && e.Group == g {
			out = append(out, e)
		}
	}
	return out
}

// Rule: the leader holds a consumer's fetch until fetch.min.bytes are
// readable across its partitions, then answers at once
// (ReplicaManager.fetchMessages parks it in the fetch purgatory;
// DelayedFetch.tryComplete's case G completes it when accumulatedSize >=
// minBytes). 5000 bytes is five 1010-byte records: at 10 a second, one
// fetch of 5 every half second instead of one per record.
func TestFetchMinBytesGathersRecords(t *testing.T) {
	s := mustNew(t, fetchWaitConfig(5000, 5000))
	s.RunUntil(15000)
	fs := fetches(s, "dash")
	if len(fs) < 10 {
		t.Fatalf("want steady fetches, got %d:\n%s", len(fs), trace(s.Events()))
	}
	for i, e := range fs[1:] {
		if e.Count != 5 {
			t.Fatalf("fetch %d returned %d records; the broker answers once 5 x 1010 bytes >= 5000 are ready", i+1, e.Count)
		}
		if gap := e.AtMs - fs[i].AtMs; gap < 450 || gap > 550 {
			t.Fatalf("fetches %dms apart; five records take 500ms to arrive", gap)
		}
	}
	one := mustNew(t, fetchWaitConfig(1, 500))
	one.RunUntil(15000)
	if n := len(fetches(one, "dash")); n < 5*len(fs)-10 {
		t.Fatalf("fetch.min.bytes=1 made %d fetches, 5000 made %d: the default answers each record", n, len(fs))
	}
}

// Rule: fetch.max.wait.ms caps the hold: when fewer than fetch.min.bytes
// arrive in that time the broker answers with what it has
// (DelayedOperation's timeout, DelayedFetch.onExpiration then onComplete).
func TestFetchMaxWaitCapsTheHold(t *testing.T) {
	s := mustNew(t, fetchWaitConfig(1_000_000, 1000))
	s.RunUntil(15000)
	fs := fetches(s, "dash")
	if len(fs) < 5 {
		t.Fatalf("want fetches every fetch.max.wait.ms, got %d", len(fs))
	}
	for i, e := range fs[1 : len(fs)-1] {
		if gap := e.AtMs - fs[i].AtMs; gap < 950 || gap > 1050 {
			t.Fatalf("fetches %dms apart, want fetch.max.wait.ms=1000", gap)
		}
		if e.Count < 9 || e.Count > 11 {
			t.Fatalf("a fetch held 1s at 10 records/s returned %d records", e.Count)
		}
	}
	g := s.Snapshot().Groups[0].Flow
	if g.LatencyMaxMs > 1100 || g.LatencyAvgMs < 400 {
		t.Fatalf("records wait up to fetch.max.wait.ms to be read: avg %dms max %dms", g.LatencyAvgMs, g.LatencyMaxMs)
	}
}

// Rule: a fetch whose position lies on an older segment than the readable
// end is answered at once, whatever fetch.min.bytes says: the broker would
// otherwise compare file positions across segments (DelayedFetch case F).
func TestFetchOnAnOlderSegmentIsAnsweredAtOnce(t *testing.T) {
	c := fetchWaitConfig(1_000_000, 30000)
	c.Topics[0].SegmentBytes = 3000 // three records a segment
	s := mustNew(t, c)
	s.RunUntil(15000)
	fs := fetches(s, "dash")
	if len(fs) < 10 {
		t.Fatalf("with 3-record segments a consumer behind the active segment fetches at once; got %d fetches", len(fs))
	}
}
