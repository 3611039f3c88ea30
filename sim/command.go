package sim

// CommandKind names something a learner, a scenario timeline or the sandbox
// asks the simulation to do. The strings are the scenario file's `do` values.
type CommandKind string

// The commands the engine understands.
const (
	CmdCrashBroker   CommandKind = "crash-broker"
	CmdRestartBroker CommandKind = "restart-broker"
	// CmdCrashController and CmdRestartController stop and start a
	// dedicated KRaft controller node; Broker holds its node id.
	CmdCrashController   CommandKind = "crash-controller"
	CmdRestartController CommandKind = "restart-controller"
	CmdSlowBroker        CommandKind = "slow-broker"
	CmdDropAcks          CommandKind = "drop-acks"
	CmdCrashProducer     CommandKind = "crash-producer"
	CmdCrashConsumer     CommandKind = "crash-consumer"
	CmdRestartConsumer   CommandKind = "restart-consumer"
	CmdAddConsumer       CommandKind = "add-consumer"
	CmdCloseConsumer     CommandKind = "close-consumer"
	CmdPauseConsumer     CommandKind = "pause-consumer"
	CmdResumeConsumer    CommandKind = "resume-consumer"
	CmdAddPartitions     CommandKind = "add-partitions"
	CmdProduce           CommandKind = "produce"
	CmdNote              CommandKind = "note"
	// CmdClientRequest replays a request a live client sent (Request);
	// CmdAnswerFetch answers a Fetch that waited (client_request.go).
	CmdClientRequest CommandKind = "client-request"
	CmdAnswerFetch   CommandKind = "answer-fetch"

	// Commands the sandbox's Kafka CLI maps onto.
	CmdCreateTopic  CommandKind = "create-topic"
	CmdDeleteTopic  CommandKind = "delete-topic"
	CmdAlterTopic   CommandKind = "alter-topic-config"
	CmdAddProducer  CommandKind = "add-producer"
	CmdAddGroup     CommandKind = "add-group"
	CmdResetOffsets CommandKind = "reset-offsets"
	CmdDeleteGroup  CommandKind = "delete-group"
)

// Offset reset targets for CmdResetOffsets (kafka-consumer-groups --reset-offsets).
const (
	ResetToEarliest = "to-earliest"
	ResetToLatest   = "to-latest"
	ResetToOffset   = "to-offset"
	ResetShiftBy    = "shift-by"
)

// Command is one instruction to the engine. Only the fields its Kind uses are
// set; checkCommand (apply.go) rejects one naming something that does not
// exist. Commands are plain values so a run can be recorded, replayed and
// written back out as a scenario.
type Command struct {
	Kind CommandKind

	Broker   int    // 1-based broker id, or a controller node's id
	Producer string // producer id
	Group    string // group id
	Consumer int    // 1-based consumer index within the group (c1 = 1)
	Topic    string
	// Partitions is the new total for CmdAddPartitions and the count for CmdCreateTopic.
	Partitions int
	Partition  int // for CmdResetOffsets on one partition; -1 = all
	Count      int // CmdDropAcks: responses to drop; CmdProduce: records to send
	DelayMs    int64

	Key   *string // nil = null key
	Value *string // nil = tombstone (a null value)

	// TopicSpec carries a whole topic for CmdCreateTopic.
	TopicSpec *TopicConfig
	// ProducerSpec and GroupSpec carry whole clients for CmdAddProducer / CmdAddGroup.
	ProducerSpec *ProducerConfig
	GroupSpec    *GroupConfig
	// Configs are name=value pairs for CmdAlterTopic.
	Configs [][2]string
	// Reset is one of the Reset* targets, with Offset as its argument.
	Reset  string
	Offset int64

	// Say is narration shown when the command runs.
	Say string

	// Request is what a live client sent, for CmdClientRequest and
	// CmdAnswerFetch. Late runs the command after everything else due in
	// its millisecond, as on a live run (always so for those two).
	Request *ClientRequest
	Late    bool
}

// Scheduled is a command with the virtual time at which it runs.
type Scheduled struct {
	AtMs int64
	Cmd  Command
}

// Applied is a command as the engine recorded it: the step it ran at.
type Applied struct {
	Step int
	AtMs int64
	Cmd  Command
}
