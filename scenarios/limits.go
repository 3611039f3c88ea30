package scenarios

import "kafkasim/sim"

// Limits keep a scenario file from asking the machine for more than it has.
// Going over one is a clear error at load time, never an out-of-memory
// crash mid-run. They still allow large runs: ten million records, a
// thousand partitions and more.
//
// They are ceilings that hold whatever the budget; the cost model
// (cost.go) decides within them. Each is set from the model: MaxRecords
// keeps a run near 1.5 GB (about 150 bytes a record at replication factor
// 3 with one group, as the ten-million-record run measures), well under
// MaxMemoryBytes; MaxReplicas × MaxDurationMs is the most follower work a
// week's budget can buy; MaxDepth bounds the TOML before the decoder
// sees it. TestLimitsFollowTheCostModel checks that they agree.
const (
	// MaxFileBytes is the largest scenario file read.
	MaxFileBytes = 1 << 20
	// MaxTextBytes is the longest single string (title, description, say, key, value).
	MaxTextBytes = 64 << 10
	// MaxBrokers is the most brokers in a cluster: the engine's own limit.
	MaxBrokers = sim.MaxBrokers
	// MaxTopics is the most topics in a scenario.
	MaxTopics = 1000
	// MaxPartitions is the most partitions across all topics, counting the
	// ones add-partitions creates.
	MaxPartitions = sim.MaxPartitions
	// MaxReplicas is the most partition replicas (partitions × replication
	// factor, over all topics): each one is a log the engine keeps.
	MaxReplicas = 30_000
	// MaxProducers is the most producers in a scenario.
	MaxProducers = sim.MaxProducers
	// MaxGroups is the most consumer groups in a scenario.
	MaxGroups = 1000
	// MaxConsumers is the most consumers across all groups, counting the ones
	// add-consumer starts.
	MaxConsumers = sim.MaxConsumers
	// MaxRecords is the most records a run may send: each producer's count,
	// or rate × running time when it has no count, plus timeline produces.
	// At about 150 bytes each (cost model) they fit MaxMemoryBytes with room.
	MaxRecords = 10_000_000
	// MaxRatePerSec is the highest producer rate.
	MaxRatePerSec = 1_000_000
	// MaxKeys is the longest list of producer keys.
	MaxKeys = 10_000
	// MaxTimeline is the most timeline entries.
	MaxTimeline = 10_000
	// MaxExpects is the most expectations.
	MaxExpects = 1000
	// MaxDurationMs is the longest virtual duration anywhere: 30 days.
	MaxDurationMs = 30 * 24 * 3600 * 1000
)

// recordsFor estimates how many records a run of untilMs sends: the bound
// MaxRecords is checked against.
func (sc *Scenario) recordsFor(untilMs int64) int64 {
	var total int64
	for _, p := range sc.Config.Producers {
		total += producerRecords(p.RatePerSec, p.Count, p.StartMs, untilMs)
	}
	for _, s := range sc.Timeline {
		if s.AtMs <= untilMs && s.Cmd.Count > 0 && s.Cmd.Kind == "produce" {
			total += int64(s.Cmd.Count)
		}
	}
	return total
}

// producerRecords bounds one producer's sends: its count when set, else
// its rate over the time it runs (rounded up).
func producerRecords(rate, count int, startMs, untilMs int64) int64 {
	if count > 0 {
		return int64(count)
	}
	if rate <= 0 || untilMs <= startMs {
		return 0
	}
	return (int64(rate)*(untilMs-startMs) + 999) / 1000
}
