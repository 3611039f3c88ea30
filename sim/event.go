package sim

// EventType names a kind of state change. The strings appear in JSON output
// and golden traces, so they are part of the contract.
type EventType string

// The event types, grouped by the part of Kafka that emits them.
const (
	// Brokers and the controller.
	EvBrokerCrashed     EventType = "broker-crashed"
	EvBrokerRestarted   EventType = "broker-restarted"
	EvBrokerSlowed      EventType = "broker-slowed"
	EvBrokerHealed      EventType = "broker-healed"
	EvBrokerFenced      EventType = "broker-fenced"
	EvBrokerUnfenced    EventType = "broker-unfenced"
	EvControllerElected EventType = "controller-elected"
	EvControllerLost    EventType = "controller-lost"
	EvAcksDropping      EventType = "acks-dropping"
	// Dedicated KRaft controller nodes ([cluster] controllers = N).
	EvControllerNodeCrashed   EventType = "controller-node-crashed"
	EvControllerNodeRestarted EventType = "controller-node-restarted"

	// Topics.
	EvTopicCreated    EventType = "topic-created"
	EvTopicDeleted    EventType = "topic-deleted"
	EvPartitionsAdded EventType = "partitions-added"
	EvTopicAltered    EventType = "topic-config-changed"

	// Replication.
	EvAppended    EventType = "records-appended"
	EvReplicated  EventType = "records-replicated"
	EvHWAdvanced  EventType = "high-watermark-advanced"
	EvISRShrunk   EventType = "isr-shrunk"
	EvISRExpanded EventType = "isr-expanded"
	// EvISRChangePending: a leader asked the controller to change the ISR
	// (AlterPartition) but no controller is active to answer.
	EvISRChangePending EventType = "isr-change-pending"
	EvLeaderElected    EventType = "leader-elected"
	EvPartitionOffline EventType = "partition-offline"
	EvTruncated        EventType = "log-truncated"
	EvSegmentsDeleted  EventType = "segments-deleted"
	EvCompacted        EventType = "log-compacted"

	// Producers.
	EvSent           EventType = "records-sent"
	EvProduceRequest EventType = "produce-request"
	EvAcked          EventType = "produce-acked"
	EvProduceFailed  EventType = "produce-failed"
	EvRetried        EventType = "produce-retried"
	EvDuplicateDrop  EventType = "duplicate-dropped"
	EvEpochBumped    EventType = "producer-epoch-bumped"
	EvAckLost        EventType = "ack-lost"
	EvProducerCrash  EventType = "producer-crashed"
	EvTxnCommitted   EventType = "transaction-committed"
	EvTxnAborted     EventType = "transaction-aborted"

	// Consumers and groups.
	EvMemberJoined      EventType = "member-joined"
	EvRebalanceStarted  EventType = "rebalance-started"
	EvRebalanceDone     EventType = "rebalance-completed"
	EvAssigned          EventType = "partitions-assigned"
	EvRevoked           EventType = "partitions-revoked"
	EvMemberLeft        EventType = "member-left"
	EvMemberExpired     EventType = "member-removed"
	EvConsumerCrashed   EventType = "consumer-crashed"
	EvConsumerRestarted EventType = "consumer-restarted"
	EvConsumerPaused    EventType = "consumer-paused"
	EvConsumerResumed   EventType = "consumer-resumed"
	EvFetched           EventType = "records-fetched"
	EvProcessed         EventType = "records-processed"
	EvCommitted         EventType = "offsets-committed"
	EvCommitFailed      EventType = "commit-failed"
	EvOffsetReset       EventType = "offset-reset"
	EvConsumerError     EventType = "consumer-error"
	EvCoordinatorMoved  EventType = "coordinator-moved"
	EvPollTimeout       EventType = "poll-timeout"        // the heartbeat thread saw poll() overdue (KIP-62)
	EvLogTruncationSeen EventType = "truncation-detected" // a consumer validated its position (KIP-320)
	EvAlert             EventType = "value-alert"         // a threshold consumer's alert-when held for a record

	// Narration from a scenario or lesson.
	EvNote EventType = "note"
)

// Event is one state change, with the facts needed to explain it. Fields a
// type does not use are zero. Why() turns the facts into a sentence.
type Event struct {
	Seq  int // position in the run's event stream, from 0
	Step int // the engine step that emitted it
	AtMs int64
	Type EventType

	Broker    int // the broker it concerns (1-based), 0 = none
	Broker2   int // a second broker: the old leader, the coordinator...
	Topic     string
	Partition int // meaningful when Topic is set
	Producer  string
	Group     string
	Member    string // consumer name within the group: "c1"

	Offset    int64 // first offset of a range, or the offset
	EndOffset int64 // one past the last offset of a range, or a second offset
	Count     int
	Epoch     int // leader epoch, producer epoch, or controller epoch
	Gen       int // group generation

	// Facts only some types carry, each named for what it is
	// (docs/events.md lists which type has which).
	DurationMs int64 // how long something lasted: down, paused, lagging, a batch's age
	TimeoutMs  int64 // the configured limit that applies: session.timeout.ms, max.poll.interval.ms, request.timeout.ms
	DelayMs    int64 // a wait: added fetch delay, retry backoff, initial rebalance delay, time to registration
	ProducerID int64 // the idempotent producer's id

	Attempt           int32 // which send of a batch, from 1; on produce-failed, the attempts made
	Acks              int32 // the producer's acks setting (AcksAll is -1)
	ReplicationFactor int32
	MinISR            int32 // the topic's min.insync.replicas
	Voters            int32 // controller quorum voters (controller.quorum.voters)
	FirstVoter        int32 // the id of the first voter
	FirstSeq          int32 // a batch's first sequence number (-1: not idempotent)
	LastSeq           int32 // a batch's last sequence number
	Partitions        int32 // the topic's partition count now
	PrevPartitions    int32 // the topic's partition count before
	Duplicates        int32 // records among Count processed before
	Tombstones        int32 // tombstones among Count removed
	OutputRecords     int32 // records a transaction wrote
	Txn               int32 // the transaction's number within its producer
	GroupGen          int32 // the group's generation, when Gen is the member's
	RecordsBehind     int32 // isr-shrunk: how far the follower was behind the leader
	RecordsSkipped    int32 // consumer-crashed: fetched and committed, never processed
	PartitionsAdded   int32 // partitions-assigned: how many are new to the member
	OffsetsPartition  int32 // the __consumer_offsets partition that holds the group

	StillMember     bool // consumer-resumed: it is still in the group
	NewInstance     bool // consumer-restarted: the coordinator still holds the crashed instance
	CrashedInstance bool // member-left/-removed: the crashed instance of a restarted consumer
	MemberRemoved   bool // commit-failed: the coordinator had removed the member
	NoResetPolicy   bool // truncation-detected: auto.offset.reset=none, so poll() throws
	// Unaware: Broker is down but still registered, so the controller acted
	// as if it were alive (a leader elected before its session expired).
	// It sits with the other flags: between two strings it would pad.
	Unaware bool

	Err    string // Kafka error name: NOT_ENOUGH_REPLICAS, ...
	Reason Reason // why it happened, when there are several possible causes
	Text   string // free text: narration, partition lists
}

// Reason distinguishes the causes behind one event type.
type Reason string

// The reasons events carry.
const (
	ReasonNone             Reason = ""
	ReasonLagging          Reason = "lagging"      // ISR: the follower fell behind
	ReasonBrokerDown       Reason = "broker-down"  // ISR / leader: the broker died
	ReasonCaughtUp         Reason = "caught-up"    // ISR expand
	ReasonClean            Reason = "clean"        // election from the ISR
	ReasonUnclean          Reason = "unclean"      // election outside the ISR
	ReasonPreferred        Reason = "preferred"    // the preferred replica came back
	ReasonNewTopic         Reason = "new-topic"    // first leader of a new partition
	ReasonRetention        Reason = "retention-ms" // retention by time
	ReasonRetentionSize    Reason = "retention-bytes"
	ReasonTimeout          Reason = "timeout"
	ReasonDisconnect       Reason = "disconnect"
	ReasonSessionTimeout   Reason = "session-timeout"
	ReasonPollTimeout      Reason = "max-poll-interval"
	ReasonJoin             Reason = "join"
	ReasonLeave            Reason = "leave"
	ReasonNewPartitions    Reason = "new-partitions"
	ReasonCooperative      Reason = "cooperative-second-round"
	ReasonNoOffset         Reason = "no-committed-offset"
	ReasonOutOfRange       Reason = "out-of-range"
	ReasonManual           Reason = "manual"            // an operator's command (an offset reset)
	ReasonBrokerRefused    Reason = "broker-refused"    // produce-failed: the leader refused the write
	ReasonRebalanceTimeout Reason = "rebalance-timeout" // did not rejoin in time
	ReasonPartitionsLost   Reason = "partitions-lost"   // onPartitionsLost: the member was out of the group
	ReasonDeadClient       Reason = "dead-client"       // the answer went to a crashed consumer
	ReasonStaticRejoin     Reason = "static-rejoin"     // KIP-345: same group.instance.id, no rebalance
	ReasonStatic           Reason = "static-member"     // KIP-345: a static member sends no LeaveGroup
)
