package sim

import (
	"fmt"
	"strconv"
	"strings"
)

// The table of properties: Kafka's names, Kafka 3.9's defaults, and where each
// lives in the config structs. DefaultCluster, DefaultTopic, DefaultProducer and
// DefaultGroup apply these defaults, so the two never disagree.

func asCluster(t any) *ClusterConfig   { return t.(*ClusterConfig) }
func asTopic(t any) *TopicConfig       { return t.(*TopicConfig) }
func asProducer(t any) *ProducerConfig { return t.(*ProducerConfig) }
func asGroup(t any) *GroupConfig       { return t.(*GroupConfig) }

func int64Prop(scope Scope, name, def, doc string, lo, hi int64, field func(any) *int64) propDef {
	return propDef{Prop: Prop{Name: name, Scope: scope, Default: def, Doc: doc},
		set: func(t any, v string) error {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return fmt.Errorf("not a whole number")
			}
			if n < lo || n > hi {
				return fmt.Errorf("must be between %d and %d", lo, hi)
			}
			*field(t) = n
			return nil
		},
		get: func(t any) string { return strconv.FormatInt(*field(t), 10) }}
}

func intProp(scope Scope, name, def, doc string, lo, hi int, field func(any) *int) propDef {
	return propDef{Prop: Prop{Name: name, Scope: scope, Default: def, Doc: doc},
		set: func(t any, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("not a whole number")
			}
			if n < lo || n > hi {
				return fmt.Errorf("must be between %d and %d", lo, hi)
			}
			*field(t) = n
			return nil
		},
		get: func(t any) string { return strconv.Itoa(*field(t)) }}
}

func boolProp(scope Scope, name, def, doc string, field func(any) *bool) propDef {
	return propDef{Prop: Prop{Name: name, Scope: scope, Default: def, Doc: doc},
		set: func(t any, v string) error {
			switch strings.ToLower(v) {
			case "true":
				*field(t) = true
			case "false":
				*field(t) = false
			default:
				return fmt.Errorf("must be true or false")
			}
			return nil
		},
		get: func(t any) string { return strconv.FormatBool(*field(t)) }}
}

func enumProp(scope Scope, name, def, doc string, allowed []string, field func(any) *string) propDef {
	return propDef{Prop: Prop{Name: name, Scope: scope, Default: def, Doc: doc},
		set: func(t any, v string) error {
			for _, a := range allowed {
				if v == a {
					*field(t) = v
					return nil
				}
			}
			return fmt.Errorf("must be one of %s", strings.Join(allowed, ", "))
		},
		get: func(t any) string { return *field(t) }}
}

const maxInt32 = 2147483647

func buildPropDefs() []propDef {
	var defs []propDef
	add := func(d ...propDef) { defs = append(defs, d...) }
	const day, week = 86400000, 604800000

	// Broker (server.properties).
	add(
		int64Prop(ScopeBroker, "replica.lag.time.max.ms", "30000", "how long a follower may go without catching up before it leaves the ISR", 1, 1<<40,
			func(t any) *int64 { return &asCluster(t).ReplicaLagTimeMaxMs }),
		int64Prop(ScopeBroker, "log.retention.check.interval.ms", "300000", "how often brokers look for segments to delete", 1, 1<<40,
			func(t any) *int64 { return &asCluster(t).LogRetentionCheckIntervalMs }),
		int64Prop(ScopeBroker, "broker.session.timeout.ms", "9000", "how long the controller waits for a broker's heartbeat before fencing it", 1, 1<<40,
			func(t any) *int64 { return &asCluster(t).BrokerSessionTimeoutMs }),
		int64Prop(ScopeBroker, "zookeeper.session.timeout.ms", "18000", "ZooKeeper mode: how long a silent broker's session (and its /brokers/ids node) lives before the controller treats it as gone", 1, 1<<40,
			func(t any) *int64 { return &asCluster(t).ZooKeeperSessionTimeoutMs }),
		intProp(ScopeBroker, "default.replication.factor", "1", "replication factor of topics created without one", 1, 1000,
			func(t any) *int { return &asCluster(t).DefaultReplicationFactor }),
		intProp(ScopeBroker, "num.partitions", "1", "partition count of topics created without one", 1, 100000,
			func(t any) *int { return &asCluster(t).NumPartitions }),
		int64Prop(ScopeBroker, "group.initial.rebalance.delay.ms", "3000", "how long a new group waits for more members before its first rebalance", 0, 1<<40,
			func(t any) *int64 { return &asCluster(t).GroupInitialRebalanceDelayMs }),
		intProp(ScopeBroker, "offsets.topic.num.partitions", "50", "partitions of __consumer_offsets", 1, 1000,
			func(t any) *int { return &asCluster(t).OffsetsTopicPartitions }),
		intProp(ScopeBroker, "offsets.topic.replication.factor", "3", "replication factor of __consumer_offsets (capped at the broker count)", 1, 1000,
			func(t any) *int { return &asCluster(t).OffsetsTopicReplicationFactor }),
		boolProp(ScopeBroker, "auto.create.topics.enable", "true", "create a topic when a client first uses it",
			func(t any) *bool { return &asCluster(t).AutoCreateTopics }),
		boolProp(ScopeBroker, "auto.leader.rebalance.enable", "true", "move leadership back to each partition's preferred replica when brokers are out of balance",
			func(t any) *bool { return &asCluster(t).AutoLeaderRebalance }),
		int64Prop(ScopeBroker, "leader.imbalance.check.interval.seconds", "300", "how often the controller checks leader balance", 1, 1<<30,
			func(t any) *int64 { return &asCluster(t).LeaderImbalanceCheckSeconds }),
		intProp(ScopeBroker, "leader.imbalance.per.broker.percentage", "10", "how much of a broker's preferred leadership may sit elsewhere before it is moved back", 0, 100,
			func(t any) *int { return &asCluster(t).LeaderImbalancePercent }),
		int64Prop(ScopeBroker, "transaction.max.timeout.ms", "900000", "the longest transaction.timeout.ms a producer may ask for: a longer one is refused at initTransactions()", 1, maxInt32,
			func(t any) *int64 { return &asCluster(t).TransactionMaxTimeoutMs }),
		int64Prop(ScopeBroker, "transaction.abort.timed.out.transaction.cleanup.interval.ms", "10000", "how often the transaction coordinator looks for transactions open longer than their timeout", 1, maxInt32,
			func(t any) *int64 { return &asCluster(t).TxnAbortCheckIntervalMs }),
		int64Prop(ScopeBroker, "log.segment.bytes", "1073741824", "default segment size of topics", 100, 1<<40,
			func(t any) *int64 { return &asCluster(t).LogSegmentBytes }),
	)

	// Topic configs.
	add(
		intProp(ScopeTopic, "min.insync.replicas", "1", "with acks=all, the fewest in-sync replicas a write needs", 1, 1000,
			func(t any) *int { return &asTopic(t).MinInsyncReplicas }),
		boolProp(ScopeTopic, "unclean.leader.election.enable", "false", "let an out-of-sync replica become leader when no in-sync one is alive (can lose records)",
			func(t any) *bool { return &asTopic(t).UncleanLeaderElection }),
		int64Prop(ScopeTopic, "retention.ms", strconv.Itoa(week), "how long records are kept before their segment is deleted (-1 = forever)", -1, 1<<52,
			func(t any) *int64 { return &asTopic(t).RetentionMs }),
		int64Prop(ScopeTopic, "retention.bytes", "-1", "how large a partition may grow before old segments are deleted (-1 = no limit)", -1, 1<<52,
			func(t any) *int64 { return &asTopic(t).RetentionBytes }),
		enumProp(ScopeTopic, "cleanup.policy", CleanupDelete, "delete old segments, compact to the latest value per key, or both",
			[]string{CleanupDelete, CleanupCompact, CleanupBoth, "delete,compact"},
			func(t any) *string { return &asTopic(t).CleanupPolicy }),
		int64Prop(ScopeTopic, "delete.retention.ms", strconv.Itoa(day), "how long a compacted topic keeps tombstones", 0, 1<<52,
			func(t any) *int64 { return &asTopic(t).DeleteRetentionMs }),
		int64Prop(ScopeTopic, "segment.ms", strconv.Itoa(week), "roll a new segment after this long", 1, 1<<52,
			func(t any) *int64 { return &asTopic(t).SegmentMs }),
		int64Prop(ScopeTopic, "segment.bytes", "1073741824", "roll a new segment at this size", 14, 1<<40,
			func(t any) *int64 { return &asTopic(t).SegmentBytes }),
		enumProp(ScopeTopic, "compression.type", TopicCodecProducer, "the codec batches are stored in: producer keeps the producer's, another codec recompresses them",
			TopicCodecs, func(t any) *string { return &asTopic(t).CompressionType }),
	)

	// Producer configs.
	add(
		propDef{Prop: Prop{Name: "acks", Scope: ScopeProducer, Default: "all",
			Doc: "how many replicas must have a record before the send succeeds: 0, 1 or all"},
			set: func(t any, v string) error {
				switch v {
				case "all", "-1":
					asProducer(t).Acks = AcksAll
				case "0":
					asProducer(t).Acks = AcksNone
				case "1":
					asProducer(t).Acks = AcksLeader
				default:
					return fmt.Errorf("must be all, -1, 0 or 1")
				}
				return nil
			},
			get: func(t any) string { return AcksString(asProducer(t).Acks) }},
		boolProp(ScopeProducer, "enable.idempotence", "true", "give the producer an id and sequence numbers so retries cannot write a record twice",
			func(t any) *bool { return &asProducer(t).EnableIdempotence }),
		intProp(ScopeProducer, "retries", strconv.Itoa(maxInt32), "how many times a failed send is retried", 0, maxInt32,
			func(t any) *int { return &asProducer(t).Retries }),
		int64Prop(ScopeProducer, "retry.backoff.ms", "100", "pause before a retry", 0, 1<<40,
			func(t any) *int64 { return &asProducer(t).RetryBackoffMs }),
		int64Prop(ScopeProducer, "retry.backoff.max.ms", "1000", "the longest pause before a retry: the pause doubles per attempt up to this", 0, 1<<40,
			func(t any) *int64 { return &asProducer(t).RetryBackoffMaxMs }),
		int64Prop(ScopeProducer, "delivery.timeout.ms", "120000", "give up on a record this long after send()", 1, 1<<40,
			func(t any) *int64 { return &asProducer(t).DeliveryTimeoutMs }),
		int64Prop(ScopeProducer, "request.timeout.ms", "30000", "how long to wait for a broker's response", 1, 1<<40,
			func(t any) *int64 { return &asProducer(t).RequestTimeoutMs }),
		intProp(ScopeProducer, "max.in.flight.requests.per.connection", "5", "unanswered requests allowed per broker", 1, 1000,
			func(t any) *int { return &asProducer(t).MaxInFlight }),
		int64Prop(ScopeProducer, "linger.ms", "0", "wait this long for more records before sending a batch", 0, 1<<40,
			func(t any) *int64 { return &asProducer(t).LingerMs }),
		int64Prop(ScopeProducer, "metadata.max.age.ms", "300000", "how often the producer refreshes metadata, and so sees partitions added to its topic", 1, 1<<40,
			func(t any) *int64 { return &asProducer(t).MetadataMaxAgeMs }),
		intProp(ScopeProducer, "batch.size", "16384", "the most bytes of records in one batch", 1, 1<<30,
			func(t any) *int { return &asProducer(t).BatchSizeBytes }),
		enumProp(ScopeProducer, "compression.type", CodecNone, "compress each batch: smaller requests and logs, so more records fit in batch.size, paid for in CPU",
			ProducerCodecs, func(t any) *string { return &asProducer(t).CompressionType }),
		int64Prop(ScopeProducer, "transaction.timeout.ms", "60000", "the coordinator aborts a transaction left open longer than this and fences the producer", 1, maxInt32,
			func(t any) *int64 { return &asProducer(t).TransactionTimeoutMs }),
		propDef{Prop: Prop{Name: "transactional.id", Scope: ScopeProducer, Default: "",
			Doc: "a stable id that makes the producer transactional and fences older instances"},
			set: func(t any, v string) error { asProducer(t).TransactionalID = v; return nil },
			get: func(t any) string { return asProducer(t).TransactionalID }},
	)

	// Consumer configs.
	add(
		enumProp(ScopeConsumer, "auto.offset.reset", "latest", "where to start when the group has no committed offset: earliest, latest or none",
			[]string{"earliest", "latest", "none"},
			func(t any) *string { return &asGroup(t).AutoOffsetReset }),
		propDef{Prop: Prop{Name: "enable.auto.commit", Scope: ScopeConsumer, Default: "true",
			Doc: "commit the positions of returned records in the background of poll()"},
			set: func(t any, v string) error {
				switch strings.ToLower(v) {
				case "true":
					asGroup(t).Commit = CommitAuto
				case "false":
					if asGroup(t).Commit == CommitAuto {
						asGroup(t).Commit = CommitAfterProcessing
					}
				default:
					return fmt.Errorf("must be true or false")
				}
				return nil
			},
			get: func(t any) string { return strconv.FormatBool(asGroup(t).Commit == CommitAuto) }},
		int64Prop(ScopeConsumer, "auto.commit.interval.ms", "5000", "how often auto-commit runs", 1, 1<<40,
			func(t any) *int64 { return &asGroup(t).AutoCommitIntervalMs }),
		propDef{Prop: Prop{Name: "partition.assignment.strategy", Scope: ScopeConsumer, Default: "range,cooperative-sticky",
			Doc: "the assignors, in order of preference: range, roundrobin, sticky, cooperative-sticky"},
			set: func(t any, v string) error {
				var list []string
				for _, a := range strings.Split(v, ",") {
					name, ok := assignorName(strings.TrimSpace(a))
					if !ok {
						return fmt.Errorf("unknown assignor %q: use range, roundrobin, sticky or cooperative-sticky", strings.TrimSpace(a))
					}
					list = append(list, name)
				}
				asGroup(t).Assignors = list
				return nil
			},
			get: func(t any) string { return strings.Join(asGroup(t).Assignors, ",") }},
		int64Prop(ScopeConsumer, "session.timeout.ms", "45000", "how long the coordinator waits for heartbeats before removing a member", 1, 1<<40,
			func(t any) *int64 { return &asGroup(t).SessionTimeoutMs }),
		int64Prop(ScopeConsumer, "heartbeat.interval.ms", "3000", "how often a member heartbeats", 1, 1<<40,
			func(t any) *int64 { return &asGroup(t).HeartbeatIntervalMs }),
		int64Prop(ScopeConsumer, "max.poll.interval.ms", "300000", "the longest a member may go between polls before it leaves", 1, 1<<40,
			func(t any) *int64 { return &asGroup(t).MaxPollIntervalMs }),
		intProp(ScopeConsumer, "max.poll.records", "500", "the most records one poll() returns", 1, 1<<30,
			func(t any) *int { return &asGroup(t).MaxPollRecords }),
		int64Prop(ScopeConsumer, "metadata.max.age.ms", "300000", "how often consumers refresh metadata: a grown topic is rebalanced only then", 1, 1<<40,
			func(t any) *int64 { return &asGroup(t).MetadataMaxAgeMs }),
		int64Prop(ScopeConsumer, "fetch.max.wait.ms", "500", "how long a fetch waits for new records", 0, 1<<40,
			func(t any) *int64 { return &asGroup(t).FetchMaxWaitMs }),
		intProp(ScopeConsumer, "fetch.min.bytes", "1", "the broker holds a fetch until this many bytes are ready or fetch.max.wait.ms passes", 0, maxInt32,
			func(t any) *int { return &asGroup(t).FetchMinBytes }),
		propDef{Prop: Prop{Name: "group.instance.id", Scope: ScopeConsumer, Default: "",
			Doc: "static membership (KIP-345): consumer cN uses <value>-N; a restart within session.timeout.ms gets its partitions back without a rebalance"},
			set: func(t any, v string) error {
				// JoinGroupRequest.validateGroupInstanceId: Kafka's topic name rules.
				if !validInstanceID(v) {
					return fmt.Errorf("a group.instance.id takes letters, digits, '.', '_' and '-', up to 249 of them")
				}
				asGroup(t).GroupInstanceID = v
				return nil
			},
			get: func(t any) string { return asGroup(t).GroupInstanceID }},
		int64Prop(ScopeConsumer, "transaction.timeout.ms", "60000", "commit = transactional: the members' producers' transaction.timeout.ms; a transaction open longer is aborted and its producer fenced", 1, maxInt32,
			func(t any) *int64 { return &asGroup(t).TransactionTimeoutMs }),
		enumProp(ScopeConsumer, "isolation.level", "read_uncommitted", "read_committed hides records of open and aborted transactions",
			[]string{"read_uncommitted", "read_committed"},
			func(t any) *string { return &asGroup(t).IsolationLevel }),
	)
	return defs
}

func validInstanceID(v string) bool {
	if v == "" {
		return true // not a static member
	}
	if v == "." || v == ".." || len(v) > 249 {
		return false
	}
	for _, r := range v {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// assignorName accepts Kafka's short names and the Java class names.
func assignorName(s string) (string, bool) {
	switch s {
	case AssignorRange, "org.apache.kafka.clients.consumer.RangeAssignor":
		return AssignorRange, true
	case AssignorRoundRobin, "org.apache.kafka.clients.consumer.RoundRobinAssignor":
		return AssignorRoundRobin, true
	case AssignorSticky, "org.apache.kafka.clients.consumer.StickyAssignor":
		return AssignorSticky, true
	case AssignorCooperativeSticky, "org.apache.kafka.clients.consumer.CooperativeStickyAssignor":
		return AssignorCooperativeSticky, true
	}
	return "", false
}

// AcksString writes acks as Kafka configs do: "all", "0" or "1".
func AcksString(acks int) string {
	switch acks {
	case AcksAll:
		return "all"
	default:
		return strconv.Itoa(acks)
	}
}

func applyDefaults(scope Scope, target any) {
	for _, d := range propDefs {
		if d.Scope == scope {
			if err := d.set(target, d.Default); err != nil {
				panic("bad default for " + d.Name + ": " + err.Error())
			}
		}
	}
}

// DefaultCluster is a cluster of n brokers with Kafka's default broker configs.
func DefaultCluster(brokers int) ClusterConfig {
	c := ClusterConfig{Brokers: brokers, Metadata: MetadataKRaft, NetworkDelayMs: 2}
	applyDefaults(ScopeBroker, &c)
	return c
}

// DefaultTopic is a topic with Kafka's default topic configs.
func DefaultTopic(name string, partitions, replicationFactor int) TopicConfig {
	t := TopicConfig{Name: name, Partitions: partitions, ReplicationFactor: replicationFactor}
	applyDefaults(ScopeTopic, &t)
	return t
}

// DefaultProducer is a producer with the Java client's default configs.
func DefaultProducer(id, topic string) ProducerConfig {
	p := ProducerConfig{ID: id, Topic: topic}
	applyDefaults(ScopeProducer, &p)
	return p
}

// DefaultGroup is a group whose consumers use the Java client's default configs
// (so enable.auto.commit=true: Commit is CommitAuto).
func DefaultGroup(id string, topics ...string) GroupConfig {
	g := GroupConfig{ID: id, Topics: topics, Consumers: 1, Commit: CommitAuto}
	applyDefaults(ScopeConsumer, &g)
	g.Commit = CommitAuto
	return g
}
