package scenarios

import "kafkasim/sim"

// JSONFormatVersion is the "v" of the summary line of 'kafkasim run
// --json'. Bump it when a key is renamed or removed or changes meaning;
// docs/events.md describes the format.
const JSONFormatVersion = 1

// jsonNames are the JSON keys of an event type's facts. sim.Event keeps
// generic fields (Offset, EndOffset, Count, Epoch...) whose meaning
// depends on the type, such as the replication factor in Epoch of
// topic-created; the JSON names each for what it means in that type.
// An empty name keeps the generic one.
type jsonNames struct {
	broker2, offset, endOffset, count, epoch, text string
	// topicLevel marks an event about a whole topic: no partition key.
	topicLevel bool
	// offsetUnused marks a partition event whose Offset means nothing:
	// its key is left out when zero.
	offsetUnused bool
}

// eventJSONNames holds each type's names; a type not listed uses the
// generic ones.
var eventJSONNames = map[sim.EventType]jsonNames{
	sim.EvBrokerCrashed:           {broker2: "controller", count: "leaderships"},
	sim.EvBrokerRestarted:         {offset: "registration_left_ms", endOffset: "down_ms", text: "metadata"},
	sim.EvBrokerSlowed:            {endOffset: "fetch_delay_ms"},
	sim.EvBrokerFenced:            {broker2: "controller", offset: "session_timeout_ms", endOffset: "down_ms", text: "metadata"},
	sim.EvBrokerUnfenced:          {broker2: "controller", text: "metadata"},
	sim.EvControllerElected:       {offset: "first_voter", endOffset: "voters", count: "live_voters", epoch: "controller_epoch", text: "metadata"},
	sim.EvControllerLost:          {offset: "first_voter", endOffset: "voters", count: "live_voters", text: "metadata"},
	sim.EvAcksDropping:            {count: "requests"},
	sim.EvControllerNodeCrashed:   {broker2: "controller", endOffset: "voters", count: "live_voters"},
	sim.EvControllerNodeRestarted: {endOffset: "voters", count: "live_voters"},

	sim.EvTopicCreated:    {count: "partitions", epoch: "replication_factor", topicLevel: true},
	sim.EvTopicDeleted:    {topicLevel: true},
	sim.EvPartitionsAdded: {offset: "from_partitions", endOffset: "to_partitions", topicLevel: true},
	sim.EvTopicAltered:    {text: "config", topicLevel: true},

	sim.EvAppended:         {count: "records", epoch: "leader_epoch", text: "copy"},
	sim.EvReplicated:       {broker2: "leader", count: "records"},
	sim.EvHWAdvanced:       {offset: "from_hw", endOffset: "to_hw", count: "isr_size"},
	sim.EvISRShrunk:        {broker2: "leader", offset: "records_behind", endOffset: "lag_ms", count: "isr_size", text: "isr"},
	sim.EvISRExpanded:      {offset: "log_end_offset", endOffset: "hw", text: "isr"},
	sim.EvISRChangePending: {broker2: "leader", text: "isr", offsetUnused: true},
	sim.EvLeaderElected:    {broker2: "previous_leader", offset: "leader_log_end_offset", endOffset: "previous_log_end_offset", count: "records_lost", epoch: "leader_epoch", text: "isr"},
	sim.EvPartitionOffline: {text: "isr", offsetUnused: true},
	sim.EvTruncated:        {broker2: "leader", offset: "truncated_to", count: "records", epoch: "leader_epoch"},
	sim.EvSegmentsDeleted:  {endOffset: "log_start_offset", count: "records", text: "segments"},
	sim.EvCompacted:        {offset: "active_segment_base_offset", count: "records_removed", endOffset: "tombstones_removed"},

	sim.EvProduceRequest: {offset: "first_sequence", count: "records", epoch: "attempt"},
	sim.EvAcked:          {count: "records", epoch: "acks"},
	sim.EvRetried:        {offset: "first_sequence", endOffset: "backoff_ms", count: "records", epoch: "attempt", text: "retry"},
	sim.EvDuplicateDrop:  {offset: "first_sequence", endOffset: "last_sequence", count: "records", epoch: "producer_id"},
	sim.EvEpochBumped:    {offset: "sequence", epoch: "producer_epoch", text: "cause"},
	sim.EvAckLost:        {endOffset: "request_timeout_ms", count: "records"},
	sim.EvProducerCrash:  {count: "records_unacked"},
	sim.EvTxnCommitted:   {endOffset: "output_records", count: "input_records", epoch: "transaction", text: "output_topic"},
	sim.EvTxnAborted:     {endOffset: "output_records", count: "input_records", epoch: "transaction", text: "cause"},

	sim.EvMemberJoined:      {count: "partitions_kept", text: "member_id"},
	sim.EvRebalanceStarted:  {endOffset: "initial_rebalance_delay_ms"},
	sim.EvRebalanceDone:     {endOffset: "session_timeout_ms", count: "members", text: "assignor"},
	sim.EvAssigned:          {offset: "partitions_added", count: "partitions", text: "assigned"},
	sim.EvRevoked:           {count: "partitions", text: "revoked"},
	sim.EvMemberLeft:        {endOffset: "session_timeout_ms", count: "crashed_instance", text: "owned"},
	sim.EvMemberExpired:     {endOffset: "session_timeout_ms", count: "crashed_instance", text: "owned"},
	sim.EvConsumerCrashed:   {offset: "records_skipped", endOffset: "session_timeout_ms", count: "records_to_redo", text: "cause"},
	sim.EvConsumerRestarted: {endOffset: "session_timeout_ms", count: "new_instance", text: "member_id"},
	sim.EvConsumerPaused:    {endOffset: "max_poll_interval_ms"},
	sim.EvConsumerResumed:   {endOffset: "paused_ms", count: "still_member"},
	sim.EvFetched:           {count: "records", text: "fetched"},
	sim.EvProcessed:         {endOffset: "duplicates", count: "records", text: "processed"},
	sim.EvCommitted:         {text: "offsets"},
	sim.EvCommitFailed:      {count: "member_removed", epoch: "group_generation", text: "commit"},
	sim.EvOffsetReset:       {offset: "from_offset", endOffset: "to_offset", text: "auto_offset_reset"},
	sim.EvConsumerError:     {endOffset: "diverged_at"},
	sim.EvCoordinatorMoved:  {broker2: "previous_coordinator", offset: "offsets_partition"},
	sim.EvPollTimeout:       {offset: "since_poll_ms", endOffset: "max_poll_interval_ms", count: "records_left", text: "owned"},
	sim.EvLogTruncationSeen: {endOffset: "diverged_at", count: "reset_by_policy", epoch: "leader_epoch", text: "auto_offset_reset"},
	sim.EvAlert:             {count: "alerts_so_far", text: "condition"},
}

// namesFor returns the keys of e's facts, generic ones filled in. A few
// types use a field for one of two facts depending on the case.
func namesFor(e sim.Event) jsonNames {
	n := eventJSONNames[e.Type]
	switch {
	case e.Type == sim.EvProduceFailed && e.Reason == sim.ReasonManual: // the broker's refusal
		n = jsonNames{count: "isr_size", endOffset: "min_insync_replicas", offsetUnused: true}
	case e.Type == sim.EvProduceFailed: // the producer gave up on a batch
		n = jsonNames{count: "records", endOffset: "batch_age_ms", epoch: "attempts", offsetUnused: true}
	case e.Type == sim.EvAssigned && e.Reason == sim.ReasonDeadClient:
		n.endOffset = "session_timeout_ms"
	case e.Type == sim.EvAssigned:
		n.endOffset = "topic_partitions"
	}
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
	return n
}
