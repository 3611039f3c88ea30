package sim

// Snapshot is a read-only copy of the whole cluster at one step. Everything in
// it is a fresh value or slice, sorted by id: a view may keep it, the engine
// never changes it afterwards.
type Snapshot struct {
	Step       int
	NowMs      int64
	Seed       uint64
	Metadata   string // MetadataKRaft or MetadataZooKeeper
	Controller int    // node id of the active controller, 0 = none

	Brokers []BrokerView
	// ControllerNodes are the dedicated KRaft controller nodes, numbered
	// after the brokers; empty in combined and ZooKeeper mode.
	ControllerNodes []ControllerNodeView
	Topics          []TopicView // internal topics (__consumer_offsets) excluded
	Producers       []ProducerView
	Groups          []GroupView
	Ledger          LedgerSummary
	// Unshown is what the tails SnapshotTails left out hold.
	Unshown TailMarks
}

// BrokerState is up, down or slow.
type BrokerState string

// The broker states.
const (
	BrokerUp   BrokerState = "up"
	BrokerDown BrokerState = "down"
	BrokerSlow BrokerState = "slow"
)

// BrokerView is one broker.
type BrokerView struct {
	ID     int
	State  BrokerState
	Fenced bool // the controller has not (yet) noticed it is back, or has fenced it
	// Registering: restarted, but its old session has not expired yet, so
	// it cannot register and serves nothing (State is BrokerDown).
	Registering bool
	SlowDelayMs int64 // extra delay on its follower fetches when slow
	DropAcks    int   // produce responses it will still drop
	Controller  bool  // it is the active controller
	Voter       bool  // KRaft: it is in the controller quorum
	Leaders     int   // partitions it leads
}

// ControllerNodeView is one dedicated KRaft controller node.
type ControllerNodeView struct {
	ID     int
	Up     bool
	Active bool // it is the active controller
}

// TopicView is one topic with its partitions.
type TopicView struct {
	Name       string
	ID         string // TopicId, as kafka-topics prints it
	Config     TopicConfig
	Partitions []PartitionView
}

// PartitionView is one partition: its replicas and the leader's log tail.
type PartitionView struct {
	Topic         string
	Partition     int
	Leader        int // broker id, 0 = offline
	LeaderEpoch   int
	Replicas      []int // replica list; the first is the preferred leader
	ISR           []int
	HighWatermark int64
	LogStart      int64 // the leader's log start offset
	LogEnd        int64 // the leader's log end offset (LEO)
	// LastStable is the last stable offset: read_committed consumers stop here.
	LastStable int64
	// SizeBytes is the shown replica's log size: its segments' bytes, as
	// stored (compressed).
	SizeBytes   int64
	ReplicaLogs []ReplicaView
	// Records is the tail of the leader's log (or, when offline, of the
	// replica with the longest log), oldest first.
	Records []RecordView
}

// ReplicaView is one replica of a partition.
type ReplicaView struct {
	Broker   int
	LEO      int64
	LogStart int64
	InSync   bool
	Online   bool // its broker is up
	Leader   bool
	LagMs    int64 // how long since it last caught up to the leader's end
	// Diverged: a follower's log stops matching the leader's at
	// DivergedAt, as OffsetsForLeaderEpoch answers it (KIP-101, KIP-279):
	// the offset it will truncate to on its next fetch.
	Diverged   bool
	DivergedAt int64
}

// RecordView is one record in a log.
type RecordView struct {
	Offset    int64
	RecordID  int    // the ledger's id of the send() it came from; -1 for control markers
	Producer  string // who sent it
	SendN     int    // the n-th send() of that producer, from 1
	Key       string
	NullKey   bool
	Value     string
	Tombstone bool // null value
	// Control is "COMMIT" or "ABORT" for a transaction marker, else "".
	Control string
	// Aborted is set on records of an aborted transaction.
	Aborted bool
	// Copy counts the copies of the same send() at or below this offset: 2
	// means this is a duplicate written by a retry.
	Copy        int
	LeaderEpoch int
	// TimestampMs is the record's CreateTime: when send() was called.
	TimestampMs int64
}

// ProducerView is one producer.
type ProducerView struct {
	ID            string
	Topic         string
	Config        ProducerConfig
	Crashed       bool
	ProducerID    int64 // PID, when idempotent or transactional
	ProducerEpoch int
	Sent          int
	Acked         int
	Failed        int
	InFlight      int // records sent but neither acked nor failed
	Retries       int
	Batches       []BatchView // batches on the wire or waiting to be retried
	// Sequences is the next sequence number per partition (idempotent).
	Sequences []PartitionSeq
	Flow      ProducerFlow // requests and bytes (flow_view.go)
}

// PartitionSeq is a producer's next sequence number for one partition.
type PartitionSeq struct {
	Partition int
	NextSeq   int
}

// BatchView is a produce batch in flight.
type BatchView struct {
	Partition int
	Records   int
	FirstSeq  int // -1 without idempotence
	Attempt   int // 1 on the first try
	Leader    int // where it was sent
	SentAtMs  int64
	State     string // "waiting", "in-flight", "backoff"
}

// GroupState is a classic consumer group's state.
type GroupState string

// The group states, as the coordinator names them.
const (
	GroupEmpty               GroupState = "Empty"
	GroupPreparingRebalance  GroupState = "PreparingRebalance"
	GroupCompletingRebalance GroupState = "CompletingRebalance"
	GroupStable              GroupState = "Stable"
	GroupDead                GroupState = "Dead"
)

// GroupView is one consumer group.
type GroupView struct {
	ID          string
	Config      GroupConfig
	State       GroupState
	Generation  int
	Protocol    string // the assignor in use
	Coordinator int    // broker id
	Members     []MemberView
	Offsets     []GroupOffset // every partition of its topics
	Flow        GroupFlow     // fetches, bytes, latency, alerts (flow_view.go)
}

// MemberState is what a consumer in a group is doing.
type MemberState string

// The member states.
const (
	MemberJoining     MemberState = "joining"
	MemberActive      MemberState = "active"
	MemberIdle        MemberState = "idle" // in the group, no partitions
	MemberPaused      MemberState = "paused"
	MemberCrashed     MemberState = "crashed"
	MemberClosed      MemberState = "closed"
	MemberRebalancing MemberState = "rebalancing"
)

// MemberView is one consumer of a group.
type MemberView struct {
	Name     string // c1, c2...
	MemberID string // as the coordinator knows it, e.g. "c1-3f2a..."
	ClientID string
	State    MemberState
	Leader   bool // the group leader member, which computes the assignment
	Assigned []TopicPartition
	// Processing is the record it is working on now, if any.
	Processing *TopicPartitionOffset
	Buffered   int // records returned by poll and not yet processed
	// StartsAtMs is when a consumer that has not started yet will make
	// its first poll (and JoinGroup); 0 once it has started.
	StartsAtMs int64
}

// TopicPartitionOffset names one record by where it sits.
type TopicPartitionOffset struct {
	Topic     string
	Partition int
	Offset    int64
}

// GroupOffset is a group's progress on one partition.
type GroupOffset struct {
	Topic     string
	Partition int
	Committed int64 // -1 = no committed offset
	Position  int64 // the owner's position, -1 without an owner
	Owner     string
	LogEnd    int64 // the partition's high watermark, as kafka-consumer-groups shows it
	Lag       int64 // LogEnd - Committed, -1 without a committed offset
}

// LedgerSummary counts what happened to every record sent.
type LedgerSummary struct {
	Producers     []ProducerLedger
	Groups        []GroupLedger
	LogDuplicates int // extra copies of one send() in the logs
}

// ProducerLedger counts one producer's records.
type ProducerLedger struct {
	ID       string
	Sent     int
	Acked    int
	Failed   int
	InFlight int // counted from the producer's batches: Sent = Acked + Failed + InFlight
}

// GroupLedger is one group's delivery outcome. Every record that was
// acknowledged (for acks=0, sent) or that the group processed at least
// once falls in exactly one of ExactlyOnce, Duplicated, Lost, Skipped and
// Pending. Lost records are what Kafka's guarantees are about (an
// acknowledged record destroyed, or committed past before processing);
// skipped ones the group chose not to read (it started at the end of the
// log, or compaction kept a newer value of the key).
type GroupLedger struct {
	ID          string
	Processed   int // processing completions, counting repeats
	ExactlyOnce int
	Duplicated  int
	Lost        int
	Skipped     int
	Pending     int
}
