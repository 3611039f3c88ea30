package cmdline

import (
	"kafkasim/sim"
	"kafkasim/ui/simrun"
)

// SandboxSpec is a free cluster: brokers (3 if 0), one replicated topic,
// one keyed producer and one consumer group, with Kafka's defaults.
func SandboxSpec(brokers int) simrun.Spec {
	if brokers <= 0 {
		brokers = 3
	}
	rf := min(brokers, 3)
	topic := sim.DefaultTopic("orders", 3, rf)
	topic.MinInsyncReplicas = min(2, rf)
	prod := sim.DefaultProducer("p1", "orders")
	prod.RatePerSec = 4
	prod.Keys = []string{"alice", "bob", "carol", "dave"}
	group := sim.DefaultGroup("billing", "orders")
	group.Consumers = 2
	group.ProcessingMs = 100
	group.Commit = sim.CommitAfterProcessing
	// earliest, so records sent before the consumers join are read too.
	group.AutoOffsetReset = "earliest"
	cfg := sim.Config{
		Seed:      1,
		Cluster:   sim.DefaultCluster(brokers),
		Topics:    []sim.TopicConfig{topic},
		Producers: []sim.ProducerConfig{prod},
		Groups:    []sim.GroupConfig{group},
	}
	return simrun.Spec{
		Name:        "sandbox",
		Title:       "Sandbox",
		Description: "A free cluster: press f to break it.",
		Seed:        1,
		DurationMs:  120_000,
		Config:      cfg,
	}
}
