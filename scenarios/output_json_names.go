package scenarios

import "kafkasim/sim"

// JSONFormatVersion is the "v" of the summary line of 'kafkasim run
// --json'. Bump it when a key is renamed or removed or changes meaning;
// docs/events.md describes the format.
const JSONFormatVersion = 2

// jsonNames are the JSON keys of an event type's facts. sim.Event keeps
// generic fields (Offset, EndOffset, Count, Epoch, Broker2, Text) whose
// meaning depends on the type, and named ones (DurationMs, TimeoutMs...)
// whose JSON key still says which duration or which timeout it is; the
// JSON names each for what it means in that type. An empty name keeps the
// generic one.
type jsonNames struct {
	broker2, offset, endOffset, count, epoch, text string
	duration, timeout, delay, attempt, partitions  string
	firstSeq                                       string
	// topicLevel marks an event about a whole topic: no partition key.
	topicLevel bool
	// offsetUnused marks a partition event whose Offset means nothing:
	// its key is left out when zero.
	offsetUnused bool
	// sequenced marks an event about a batch's sequence numbers: its
	// first sequence is written even when 0.
	sequenced bool
	// behindKept: records_behind is written even when 0.
	behindKept bool
}

// eventJSONNames holds each type's names; a type not listed uses the
// generic ones.
var eventJSONNames = map[sim.EventType]jsonNames{
	sim.EvBrokerCrashed:           {broker2: "controller", count: "leaderships"},
	sim.EvBrokerRestarted:         {delay: "registration_left_ms", duration: "down_ms", text: "metadata"},
	sim.EvBrokerSlowed:            {delay: "fetch_delay_ms"},
	sim.EvBrokerFenced:            {broker2: "controller", timeout: "session_timeout_ms", duration: "down_ms", text: "metadata"},
	sim.EvBrokerUnfenced:          {broker2: "controller", text: "metadata"},
	sim.EvControllerElected:       {count: "live_voters", epoch: "controller_epoch", text: "metadata"},
	sim.EvControllerLost:          {count: "live_voters", text: "metadata"},
	sim.EvAcksDropping:            {count: "requests"},
	sim.EvControllerNodeCrashed:   {broker2: "controller", count: "live_voters"},
	sim.EvControllerNodeRestarted: {count: "live_voters"},

	sim.EvTopicCreated:    {count: "partitions", topicLevel: true},
	sim.EvTopicDeleted:    {topicLevel: true},
	sim.EvPartitionsAdded: {partitions: "to_partitions", topicLevel: true},
	sim.EvTopicAltered:    {text: "config", topicLevel: true},

	sim.EvAppended:         {count: "records", epoch: "leader_epoch", text: "copy"},
	sim.EvReplicated:       {broker2: "leader", count: "records"},
	sim.EvHWAdvanced:       {offset: "from_hw", endOffset: "to_hw", count: "isr_size"},
	sim.EvISRShrunk:        {broker2: "leader", duration: "lag_ms", count: "isr_size", text: "isr", offsetUnused: true, behindKept: true},
	sim.EvISRExpanded:      {offset: "log_end_offset", endOffset: "hw", text: "isr"},
	sim.EvISRChangePending: {broker2: "leader", text: "isr", offsetUnused: true},
	sim.EvLeaderElected:    {broker2: "previous_leader", offset: "leader_log_end_offset", endOffset: "previous_log_end_offset", count: "records_lost", epoch: "leader_epoch", text: "isr"},
	sim.EvPartitionOffline: {text: "isr", offsetUnused: true},
	sim.EvTruncated:        {broker2: "leader", offset: "truncated_to", count: "records", epoch: "leader_epoch"},
	sim.EvSegmentsDeleted:  {endOffset: "log_start_offset", count: "records", text: "segments"},
	sim.EvCompacted:        {offset: "active_segment_base_offset", count: "records_removed"},

	sim.EvProduceRequest: {count: "records", offsetUnused: true, sequenced: true},
	sim.EvAcked:          {count: "records"},
	sim.EvProduceFailed:  {count: "records", duration: "batch_age_ms", attempt: "attempts", offsetUnused: true},
	sim.EvRetried:        {delay: "backoff_ms", count: "records", text: "retry", offsetUnused: true, sequenced: true},
	sim.EvDuplicateDrop:  {count: "records", offsetUnused: true, sequenced: true},
	sim.EvEpochBumped:    {firstSeq: "sequence", epoch: "producer_epoch", text: "cause", offsetUnused: true, sequenced: true},
	sim.EvAckLost:        {timeout: "request_timeout_ms", count: "records"},
	sim.EvProducerCrash:  {count: "records_unacked"},
	sim.EvTxnCommitted:   {count: "input_records", text: "output_topic"},
	sim.EvTxnAborted:     {count: "input_records", text: "cause"},

	sim.EvMemberJoined:      {count: "partitions_kept", text: "member_id"},
	sim.EvRebalanceStarted:  {delay: "initial_rebalance_delay_ms"},
	sim.EvRebalanceDone:     {timeout: "session_timeout_ms", count: "members", text: "assignor"},
	sim.EvAssigned:          {timeout: "session_timeout_ms", partitions: "topic_partitions", count: "partitions", text: "assigned"},
	sim.EvRevoked:           {count: "partitions", text: "revoked"},
	sim.EvMemberLeft:        {timeout: "session_timeout_ms", text: "owned"},
	sim.EvMemberExpired:     {timeout: "session_timeout_ms", text: "owned"},
	sim.EvConsumerCrashed:   {timeout: "session_timeout_ms", count: "records_to_redo", text: "cause"},
	sim.EvConsumerRestarted: {timeout: "session_timeout_ms", text: "member_id"},
	sim.EvConsumerPaused:    {timeout: "max_poll_interval_ms"},
	sim.EvConsumerResumed:   {duration: "paused_ms"},
	sim.EvFetched:           {count: "records", text: "fetched"},
	sim.EvProcessed:         {count: "records", text: "processed"},
	sim.EvCommitted:         {text: "offsets"},
	sim.EvCommitFailed:      {text: "commit"},
	sim.EvOffsetReset:       {offset: "from_offset", endOffset: "to_offset", text: "auto_offset_reset"},
	sim.EvConsumerError:     {endOffset: "diverged_at"},
	sim.EvCoordinatorMoved:  {broker2: "previous_coordinator"},
	sim.EvPollTimeout:       {duration: "since_poll_ms", timeout: "max_poll_interval_ms", count: "records_left", text: "owned"},
	sim.EvLogTruncationSeen: {endOffset: "diverged_at", epoch: "leader_epoch", text: "auto_offset_reset"},
	sim.EvAlert:             {count: "alerts_so_far", text: "condition"},
}

// namesFor returns the keys of e's facts, generic ones filled in. The
// broker's refusal of a write names its count differently from the
// producer giving up on a batch.
func namesFor(e *sim.Event) jsonNames {
	n, ok := filledJSONNames[e.Type]
	if !ok {
		n = genericJSONNames
	}
	if e.Type == sim.EvProduceFailed && e.Reason == sim.ReasonBrokerRefused {
		n.count = "isr_size"
	}
	return n
}

// filledJSONNames is eventJSONNames with the generic names filled in,
// made once rather than for every event written.
var filledJSONNames = func() map[sim.EventType]jsonNames {
	m := make(map[sim.EventType]jsonNames, len(eventJSONNames))
	for t, n := range eventJSONNames {
		m[t] = withGenericNames(n)
	}
	return m
}()

// genericJSONNames are the keys of a type eventJSONNames does not list.
var genericJSONNames = withGenericNames(jsonNames{})

// withGenericNames fills the names n leaves empty with the generic ones.
func withGenericNames(n jsonNames) jsonNames {
	def := func(s *string, generic string) {
		if *s == "" {
			*s = generic
		}
	}
	def(&n.broker2, "broker2")
	def(&n.offset, "offset")
	def(&n.endOffset, "end_offset")
	def(&n.count, "count")
	def(&n.epoch, "epoch")
	def(&n.text, "text")
	def(&n.duration, "duration_ms")
	def(&n.timeout, "timeout_ms")
	def(&n.delay, "delay_ms")
	def(&n.attempt, "attempt")
	def(&n.partitions, "partitions")
	def(&n.firstSeq, "first_sequence")
	return n
}
