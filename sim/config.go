package sim

// Config is everything a run needs besides its seed and the commands given
// during it. Scenario files, the sandbox and lessons all build one of these.
type Config struct {
	Seed      uint64
	Cluster   ClusterConfig
	Topics    []TopicConfig
	Producers []ProducerConfig
	Groups    []GroupConfig
}

// Metadata modes: where the cluster keeps its metadata and who elects the controller.
const (
	MetadataKRaft     = "kraft"
	MetadataZooKeeper = "zookeeper"
)

// ClusterConfig holds the broker-level settings (server.properties).
type ClusterConfig struct {
	Brokers  int    // numbered 1..Brokers
	Metadata string // MetadataKRaft or MetadataZooKeeper
	// Controllers is how many dedicated KRaft controller nodes run
	// (process.roles=controller), numbered after the brokers. 0 is combined
	// mode: the first brokers are also the controller quorum's voters.
	Controllers int

	ReplicaLagTimeMaxMs           int64 // replica.lag.time.max.ms
	LogRetentionCheckIntervalMs   int64 // log.retention.check.interval.ms
	BrokerSessionTimeoutMs        int64 // broker.session.timeout.ms (KRaft)
	ZooKeeperSessionTimeoutMs     int64 // zookeeper.session.timeout.ms (ZooKeeper mode)
	DefaultReplicationFactor      int   // default.replication.factor
	NumPartitions                 int   // num.partitions (topics created without a count)
	GroupInitialRebalanceDelayMs  int64 // group.initial.rebalance.delay.ms
	OffsetsTopicPartitions        int   // offsets.topic.num.partitions
	OffsetsTopicReplicationFactor int   // offsets.topic.replication.factor
	AutoCreateTopics              bool  // auto.create.topics.enable
	AutoLeaderRebalance           bool  // auto.leader.rebalance.enable
	LeaderImbalanceCheckSeconds   int64 // leader.imbalance.check.interval.seconds
	LeaderImbalancePercent        int   // leader.imbalance.per.broker.percentage
	TransactionMaxTimeoutMs       int64 // transaction.max.timeout.ms: the longest transaction.timeout.ms accepted
	TxnAbortCheckIntervalMs       int64 // transaction.abort.timed.out.transaction.cleanup.interval.ms

	// NetworkDelayMs is the one-way latency between any two nodes. Not a Kafka
	// setting: the simulator's stand-in for the wire.
	NetworkDelayMs  int64
	LogSegmentBytes int64 // log.segment.bytes: the default segment.bytes of topics
}

// SessionTimeout is how long a crashed broker stays registered before the
// controller treats it as gone, and the property that sets it in this
// metadata mode.
func (c ClusterConfig) SessionTimeout() (ms int64, prop string) {
	if c.Metadata == MetadataZooKeeper {
		return c.ZooKeeperSessionTimeoutMs, "zookeeper.session.timeout.ms"
	}
	return c.BrokerSessionTimeoutMs, "broker.session.timeout.ms"
}

// Cleanup policies (cleanup.policy).
const (
	CleanupDelete  = "delete"
	CleanupCompact = "compact"
	CleanupBoth    = "compact,delete"
)

// TopicConfig is a topic's name, shape and topic-level configs.
type TopicConfig struct {
	Name              string
	Partitions        int
	ReplicationFactor int

	MinInsyncReplicas     int    // min.insync.replicas
	UncleanLeaderElection bool   // unclean.leader.election.enable
	RetentionMs           int64  // retention.ms, -1 = forever
	RetentionBytes        int64  // retention.bytes, -1 = no limit
	CleanupPolicy         string // cleanup.policy
	DeleteRetentionMs     int64  // delete.retention.ms (how long tombstones stay)
	SegmentMs             int64  // segment.ms
	SegmentBytes          int64  // segment.bytes
	// CompressionType is the topic's compression.type: "producer" keeps
	// each batch in the producer's codec, another codec recompresses.
	CompressionType string

	// ReplicaAssignment is kafka-topics --replica-assignment: partition i's
	// replicas (broker ids, the first preferred as leader). Nil means
	// Kafka's own placement.
	ReplicaAssignment [][]int
}

// Acks values (acks). AcksAll is Kafka's -1.
const (
	AcksNone   = 0
	AcksLeader = 1
	AcksAll    = -1
)

// ProducerConfig describes one producer: what it sends and its client configs.
type ProducerConfig struct {
	ID    string
	Topic string
	// RatePerSec is how many send() calls it makes per virtual second; 0 means
	// it sends only when told to (Produce commands).
	RatePerSec int
	// Count stops it after that many sends; 0 means no limit.
	Count int
	// Keys are cycled through, one per send; empty means null keys.
	Keys []string
	// StartMs delays its first send.
	StartMs int64

	Acks              int    // acks
	EnableIdempotence bool   // enable.idempotence
	Retries           int    // retries
	RetryBackoffMs    int64  // retry.backoff.ms
	RetryBackoffMaxMs int64  // retry.backoff.max.ms (KIP-580)
	DeliveryTimeoutMs int64  // delivery.timeout.ms
	RequestTimeoutMs  int64  // request.timeout.ms
	MaxInFlight       int    // max.in.flight.requests.per.connection
	LingerMs          int64  // linger.ms
	BatchSizeBytes    int    // batch.size
	TransactionalID   string // transactional.id
	MetadataMaxAgeMs  int64  // metadata.max.age.ms: how often it refreshes metadata (sees new partitions)
	CompressionType   string // compression.type: none, gzip, snappy, lz4, zstd
	// Values makes up its record values (nil: "<id>#<n>"). values.go.
	Values *ValueSpec
	// TransactionTimeoutMs is transaction.timeout.ms: the coordinator
	// aborts a transaction open longer than this (txn_timeout.go).
	TransactionTimeoutMs int64
}

// Commit modes: when a group's consumers commit their offsets.
const (
	CommitBeforeProcessing = "before-processing" // at-most-once
	CommitAfterProcessing  = "after-processing"  // at-least-once
	CommitAuto             = "auto"              // enable.auto.commit=true
	CommitTransactional    = "transactional"     // exactly-once consume-transform-produce
)

// Assignor names (partition.assignment.strategy).
const (
	AssignorRange             = "range"
	AssignorRoundRobin        = "roundrobin"
	AssignorSticky            = "sticky"
	AssignorCooperativeSticky = "cooperative-sticky"
)

// GroupConfig describes one consumer group and the consumers started in it.
type GroupConfig struct {
	ID        string
	Topics    []string
	Consumers int   // started at the beginning, named c1..cN
	StartMs   int64 // when they start
	// ProcessingMs is how long a consumer spends on each record.
	ProcessingMs int64
	Commit       string // one of the Commit* modes
	// CommitAsync uses commitAsync instead of commitSync for manual commits.
	CommitAsync bool
	// AsyncProcessing hands records to a worker thread and goes straight
	// back to poll(): auto-commit can then commit records not yet processed.
	AsyncProcessing bool
	// OutputTopic is where a transactional group writes what it produces.
	OutputTopic string
	// TransactionTimeoutMs is the transaction.timeout.ms of a transactional
	// group's producers.
	TransactionTimeoutMs int64

	AutoOffsetReset      string   // auto.offset.reset: earliest | latest | none
	AutoCommitIntervalMs int64    // auto.commit.interval.ms
	Assignors            []string // partition.assignment.strategy, in preference order
	SessionTimeoutMs     int64    // session.timeout.ms
	HeartbeatIntervalMs  int64    // heartbeat.interval.ms
	MaxPollIntervalMs    int64    // max.poll.interval.ms
	MaxPollRecords       int      // max.poll.records
	FetchMaxWaitMs       int64    // fetch.max.wait.ms
	FetchMinBytes        int      // fetch.min.bytes
	IsolationLevel       string   // isolation.level: read_uncommitted | read_committed

	// MetadataMaxAgeMs is metadata.max.age.ms: the consumers refresh their
	// metadata this often, so a grown topic is noticed (and rebalanced)
	// only at the next refresh.
	MetadataMaxAgeMs int64

	// ClientID is the consumers' client.id; empty gives the Java default
	// "consumer-<group>-<n>". The console consumer sets "console-consumer".
	ClientID string

	// GroupInstanceID makes the consumers static members (KIP-345):
	// consumer cN uses group.instance.id "<GroupInstanceID>-N".
	GroupInstanceID string

	// AlertWhen is a threshold consumer's condition, such as "value > 30":
	// each record processed that meets it raises an alert (alerts.go).
	AlertWhen string
}
