package sim

import (
	"fmt"
	"strings"
	"testing"
)

// basicConfig is 3 brokers, one 3-partition topic with RF 3, a keyed
// producer and one group: the shape most engine tests start from.
func basicConfig(seed uint64) Config {
	c := Config{Seed: seed, Cluster: DefaultCluster(3)}
	c.Cluster.BrokerSessionTimeoutMs = 6000
	c.Cluster.ReplicaLagTimeMaxMs = 10000
	t := DefaultTopic("orders", 3, 3)
	t.MinInsyncReplicas = 2
	c.Topics = []TopicConfig{t}
	p := DefaultProducer("order-service", "orders")
	p.RatePerSec = 20
	p.Count = 100
	p.Keys = []string{"user-1", "user-2", "user-3", "user-4"}
	p.RequestTimeoutMs = 2000
	c.Producers = []ProducerConfig{p}
	g := DefaultGroup("billing", "orders")
	g.Consumers = 2
	g.ProcessingMs = 20
	g.Commit = CommitAfterProcessing
	g.AutoOffsetReset = "earliest"
	g.SessionTimeoutMs = 10000
	c.Groups = []GroupConfig{g}
	return c
}

func mustNew(t testing.TB, c Config) *Sim {
	t.Helper()
	s, err := New(c)
	if err != nil {
		t.Fatalf("seed %d: New: %v", c.Seed, err)
	}
	return s
}

// trace renders events as "time type why" lines, for failure messages.
func trace(evs []Event) string {
	var b strings.Builder
	for _, e := range evs {
		fmt.Fprintf(&b, "%7d %-24s %s\n", e.AtMs, e.Type, e.Why())
	}
	return b.String()
}
