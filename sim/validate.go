package sim

import "fmt"

// Limits that keep a run within a laptop's memory. Scenario files check the
// same numbers and say which one was hit.
const (
	MaxBrokers = 50
	// MaxControllers caps dedicated KRaft controller nodes; production
	// quorums have 3 or 5.
	MaxControllers = 9
	MaxPartitions  = 10000 // across all topics
	MaxConsumers   = 1000  // across all groups
	MaxProducers   = 1000
)

// ConfigError is a mistake in a Config: which part, and what is wrong.
type ConfigError struct {
	Where string // "topic orders", "group billing"...
	Msg   string
}

func (e *ConfigError) Error() string { return e.Where + ": " + e.Msg }

// validateConfig checks a configuration before a Sim is built, filling in
// defaults; it returns the first problem as a *ConfigError.
func validateConfig(cfg *Config) error {
	if err := validateCluster(&cfg.Cluster); err != nil {
		return err
	}
	if err := validateTopics(cfg); err != nil {
		return err
	}
	if len(cfg.Producers) > MaxProducers {
		return &ConfigError{"producers", fmt.Sprintf("%d producers; the limit is %d", len(cfg.Producers), MaxProducers)}
	}
	for i, p := range cfg.Producers {
		if p.RatePerSec < 0 || p.Count < 0 || p.BatchSizeBytes < 1 || p.MaxInFlight < 1 {
			return &ConfigError{"producer " + p.ID, "rate, count, batch.size and max.in.flight.requests.per.connection must be positive"}
		}
		if err := checkDeliveryTimeout(&p); err != nil {
			return err
		}
		if p.TransactionalID != "" {
			if err := checkTxnTimeout(&cfg.Cluster, "producer "+p.ID, &cfg.Producers[i].TransactionTimeoutMs); err != nil {
				return err
			}
		}
	}
	return validateGroups(cfg)
}

// validateCluster checks the [cluster] settings and fills in the metadata
// mode's default.
func validateCluster(c *ClusterConfig) error {
	if c.Brokers < 1 || c.Brokers > MaxBrokers {
		return &ConfigError{"cluster", fmt.Sprintf("brokers must be between 1 and %d, not %d", MaxBrokers, c.Brokers)}
	}
	switch c.Metadata {
	case "":
		c.Metadata = MetadataKRaft
	case MetadataKRaft, MetadataZooKeeper:
	default:
		return &ConfigError{"cluster", fmt.Sprintf("metadata must be %q or %q, not %q", MetadataKRaft, MetadataZooKeeper, c.Metadata)}
	}
	if c.Controllers < 0 || c.Controllers > MaxControllers {
		return &ConfigError{"cluster", fmt.Sprintf("controllers must be between 0 (combined mode) and %d, not %d", MaxControllers, c.Controllers)}
	}
	if c.Controllers > 0 && c.Metadata == MetadataZooKeeper {
		return &ConfigError{"cluster", "dedicated controllers are KRaft's: in ZooKeeper mode a broker is the controller"}
	}
	if c.NetworkDelayMs < 0 {
		return &ConfigError{"cluster", "network delay cannot be negative"}
	}
	if c.TransactionMaxTimeoutMs <= 0 {
		c.TransactionMaxTimeoutMs = defaultTxnMaxTimeoutMs
	}
	if c.TxnAbortCheckIntervalMs <= 0 {
		c.TxnAbortCheckIntervalMs = defaultTxnAbortCheckMs
	}
	return nil
}

// validateTopics checks each topic and the partition count in all.
func validateTopics(cfg *Config) error {
	parts := 0
	for i := range cfg.Topics {
		t := &cfg.Topics[i]
		parts += t.Partitions
		for j := 0; j < i; j++ {
			if cfg.Topics[j].Name == t.Name {
				return &ConfigError{"topic " + t.Name, "declared twice"}
			}
		}
		if t.ReplicaAssignment != nil {
			if err := checkAssignment(t.ReplicaAssignment, t.Partitions, cfg.Cluster.Brokers); err != nil {
				return &ConfigError{"topic " + t.Name, err.Error()}
			}
			if len(t.ReplicaAssignment[0]) != t.ReplicationFactor {
				return &ConfigError{"topic " + t.Name, fmt.Sprintf("the assignment has %d replicas a partition, but replication_factor is %d", len(t.ReplicaAssignment[0]), t.ReplicationFactor)}
			}
		}
		if t.SegmentBytes <= 0 || t.SegmentMs <= 0 {
			return &ConfigError{"topic " + t.Name, "segment.bytes and segment.ms must be positive"}
		}
		if t.MinInsyncReplicas > t.ReplicationFactor {
			// Kafka allows it, but then acks=all can never succeed; say so
			// early rather than let a scenario silently refuse every write.
			return &ConfigError{"topic " + t.Name, fmt.Sprintf("min.insync.replicas=%d is more than replication_factor %d: no acks=all write could ever succeed", t.MinInsyncReplicas, t.ReplicationFactor)}
		}
	}
	if parts > MaxPartitions {
		return &ConfigError{"topics", fmt.Sprintf("%d partitions in all; the limit is %d", parts, MaxPartitions)}
	}
	return nil
}

// validateGroups checks each group and the consumer count in all.
func validateGroups(cfg *Config) error {
	consumers := 0
	for i, g := range cfg.Groups {
		consumers += g.Consumers
		switch g.Commit {
		case CommitBeforeProcessing, CommitAfterProcessing, CommitAuto, CommitTransactional:
		default:
			return &ConfigError{"group " + g.ID, fmt.Sprintf("commit must be before-processing, after-processing, auto or transactional, not %q", g.Commit)}
		}
		for _, a := range g.Assignors {
			if _, ok := assignorName(a); !ok {
				return &ConfigError{"group " + g.ID, fmt.Sprintf("unknown assignor %q", a)}
			}
		}
		if g.ProcessingMs < 0 || g.MaxPollRecords < 1 {
			return &ConfigError{"group " + g.ID, "processing time cannot be negative and max.poll.records must be positive"}
		}
		if g.Commit == CommitTransactional {
			if err := checkTxnTimeout(&cfg.Cluster, "group "+g.ID, &cfg.Groups[i].TransactionTimeoutMs); err != nil {
				return err
			}
		}
		if g.Commit == CommitTransactional && g.OutputTopic != "" {
			found := false
			for _, t := range cfg.Topics {
				found = found || t.Name == g.OutputTopic
			}
			if !found {
				return &ConfigError{"group " + g.ID, fmt.Sprintf("output topic %q is not declared", g.OutputTopic)}
			}
		}
	}
	if consumers > MaxConsumers {
		return &ConfigError{"groups", fmt.Sprintf("%d consumers in all; the limit is %d", consumers, MaxConsumers)}
	}
	return nil
}
