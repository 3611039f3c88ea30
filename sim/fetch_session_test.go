package sim

import "testing"

// idleClusterConfig is a cluster of three brokers with one topic of n
// partitions, RF 3, and no clients.
func idleClusterConfig(n int) Config {
	c := Config{Seed: 1, Cluster: DefaultCluster(3)}
	c.Topics = []TopicConfig{DefaultTopic("idle", n, 3)}
	return c
}

// fetchSteps runs s to untilMs and counts the steps that were follower
// fetch traffic.
func fetchSteps(s *Sim, untilMs int64) int {
	n := 0
	for s.queue.Len() > 0 && s.NextAt() <= untilMs {
		switch s.queue.peek().kind {
		case itFetchArrive, itFetchResponse, itFetchWait:
			n++
		}
		s.Step()
	}
	return n
}

// A follower fetches every partition it follows from one leader in one
// request (num.replica.fetchers=1: AbstractFetcherManager.getFetcherId;
// AbstractFetcherThread.maybeFetch; KIP-227 fetch sessions), and an empty
// request waits replica.fetch.wait.max.ms at the leader: so an idle cluster
// does the same fetch work for 300 partitions as for 3.
func TestFetchSessionIdlePartitionsCostNothing(t *testing.T) {
	const untilMs = 10_000
	few := fetchSteps(mustNew(t, idleClusterConfig(3)), untilMs)
	many := fetchSteps(mustNew(t, idleClusterConfig(300)), untilMs)
	// 6 follower-leader pairs, each a request, a wait and a response
	// per replica.fetch.wait.max.ms.
	pairs := 3 * 2
	bound := pairs * 3 * (untilMs/replicaFetchWaitMaxMs + 1)
	if few > bound || many > bound {
		t.Fatalf("fetch steps: %d for 3 partitions, %d for 300; want at most %d each", few, many, bound)
	}
	if many != few {
		t.Fatalf("fetch steps: %d for 300 partitions, %d for 3; want the same", many, few)
	}
}

// A parked request is answered as soon as one of its partitions has a
// record (replica.fetch.min.bytes=1: DelayedFetch.tryComplete), with what
// every partition of the session has then, not after
// replica.fetch.wait.max.ms.
func TestFetchSessionWakesOnFirstRecord(t *testing.T) {
	c := idleClusterConfig(30)
	p := DefaultProducer("writer", "idle")
	p.RatePerSec, p.Count = 1, 1
	p.StartMs = 2000 // every request parked by then
	p.Keys = []string{"k"}
	c.Producers = []ProducerConfig{p}
	s := mustNew(t, c)
	s.RunUntil(3000)
	var appended, replicated []Event
	for _, e := range s.Events() {
		switch e.Type {
		case EvAppended:
			appended = append(appended, e)
		case EvReplicated:
			replicated = append(replicated, e)
		}
	}
	if len(appended) != 1 || len(replicated) != 2 {
		t.Fatalf("appended %d, replicated %d; want 1 and 2\n%s", len(appended), len(replicated), trace(s.Events()))
	}
	// The parked requests answer at once: one network delay back.
	want := appended[0].AtMs + c.Cluster.NetworkDelayMs
	for _, e := range replicated {
		if e.AtMs != want || e.Partition != appended[0].Partition {
			t.Fatalf("replicated at %dms (partition %d), want %dms (partition %d)", e.AtMs, e.Partition, want, appended[0].Partition)
		}
	}
}
