package sim

import "fmt"

// Why explains the event in one plain-English line for a learner. It is
// built from the event's facts on demand, never on the engine's hot path;
// the frequent types' sentences are written by AppendWhy (why_append.go).
func (e Event) Why() string {
	var buf [256]byte
	if b, ok := e.appendHotWhy(buf[:0]); ok {
		return string(b)
	}
	if f, ok := whyBroker(e); ok {
		return f
	}
	if f, ok := whyControl(e); ok {
		return f
	}
	if f, ok := whyReplication(e); ok {
		return f
	}
	if f, ok := whyProducer(e); ok {
		return f
	}
	if f, ok := whyGroup(e); ok {
		return f
	}
	if f, ok := whyConsumer(e); ok {
		return f
	}
	return string(e.Type)
}

// FormatMs writes a virtual duration the way a learner reads it: 250ms, 9s, 1m30s.
func FormatMs(ms int64) string {
	var buf [24]byte
	return string(AppendFormatMs(buf[:0], ms))
}

func tpName(e Event) string {
	var buf [64]byte
	return string(appendTP(buf[:0], &e))
}

// offsets writes the range [from, to) as "offset 4" or "offsets 4-9".
func offsets(from, to int64) string {
	var buf [48]byte
	return string(appendOffsets(buf[:0], from, to))
}

func plural(n int, one, many string) string {
	var buf [64]byte
	return string(appendPlural(buf[:0], n, one, many))
}

func whyBroker(e Event) (string, bool) {
	switch e.Type {
	case EvBrokerCrashed:
		return fmt.Sprintf("broker %d crashed while leading %s; the controller only acts once its session times out",
			e.Broker, plural(e.Count, "partition", "partitions")), true
	case EvBrokerRestarted:
		if e.Reason == ReasonSessionTimeout {
			return whyRestartUnregistered(e), true
		}
		if e.Text == MetadataZooKeeper {
			return fmt.Sprintf("broker %d restarted after %s down and registered in ZooKeeper; there is no controller yet, so it stays out of the ISRs until the next one takes it back", e.Broker, FormatMs(e.DurationMs)), true
		}
		if e.Text != "" {
			return fmt.Sprintf("broker %d restarted after %s down, but no controller is active to register it: it waits, fenced, until the quorum has one", e.Broker, FormatMs(e.DurationMs)), true
		}
		return fmt.Sprintf("broker %d restarted after %s down; it re-registers and catches up as a follower", e.Broker, FormatMs(e.DurationMs)), true
	case EvBrokerSlowed:
		return fmt.Sprintf("broker %d is slow: its fetches from leaders now take %s longer, so its replicas fall behind", e.Broker, FormatMs(e.DelayMs)), true
	case EvBrokerHealed:
		return fmt.Sprintf("broker %d is healthy again and fetches at full speed", e.Broker), true
	case EvAcksDropping:
		return fmt.Sprintf("broker %d will write the next %s it receives but lose the responses on the way back", e.Broker, plural(e.Count, "produce request", "produce requests")), true
	case EvTopicCreated:
		copies := "each partition has a single copy, on one broker"
		if e.ReplicationFactor > 1 {
			copies = fmt.Sprintf("each partition has %d copies, on different brokers", e.ReplicationFactor)
		}
		return fmt.Sprintf("topic %s created with %s and replication factor %d: %s",
			e.Topic, plural(e.Count, "partition", "partitions"), e.ReplicationFactor, copies), true
	case EvTopicDeleted:
		return fmt.Sprintf("topic %s deleted with all its records", e.Topic), true
	case EvPartitionsAdded:
		return fmt.Sprintf("%s grew from %d to %d partitions: once a producer's metadata refresh (metadata.max.age.ms) shows them, keys hash modulo %d, so some keys land on a different partition",
			e.Topic, e.PrevPartitions, e.Partitions, e.Partitions), true
	case EvTopicAltered:
		return fmt.Sprintf("topic %s config changed: %s", e.Topic, e.Text), true
	case EvNote:
		return e.Text, true
	}
	return "", false
}

func whyReplication(e Event) (string, bool) {
	switch e.Type {
	case EvISRShrunk:
		if e.Reason == ReasonBrokerDown {
			return fmt.Sprintf("broker %d left the ISR of %s: its broker is down; ISR is now [%s]", e.Broker, tpName(e), e.Text), true
		}
		return fmt.Sprintf("broker %d left the ISR of %s: it is %s behind and has not caught up for %s (more than replica.lag.time.max.ms); ISR is now [%s]",
			e.Broker, tpName(e), plural(int(e.RecordsBehind), "record", "records"), FormatMs(e.DurationMs), e.Text), true
	case EvISRExpanded:
		return fmt.Sprintf("broker %d rejoined the ISR of %s: it caught up to the high watermark (its log ends at offset %d, the high watermark is %d); ISR is now [%s]",
			e.Broker, tpName(e), e.Offset, e.EndOffset, e.Text), true
	case EvISRChangePending:
		return whyISRPending(e), true
	case EvLeaderElected:
		if e.Unaware {
			return whyElection(e) + fmt.Sprintf("; but broker %d is down too: its session has not expired, so the controller still counts it as alive, and %s stays unavailable until it is fenced as well",
				e.Broker, tpName(e)), true
		}
		return whyElection(e), true
	case EvPartitionOffline:
		if e.Reason == ReasonUnclean {
			return fmt.Sprintf("%s is offline: no replica at all is alive (last ISR [%s]); unclean.leader.election.enable=true could pick any live replica, but there is none, so writes and reads fail until one returns",
				tpName(e), e.Text), true
		}
		return fmt.Sprintf("%s is offline: no in-sync replica is alive (ISR [%s]) and unclean.leader.election.enable=false, so writes and reads fail until one returns",
			tpName(e), e.Text), true
	case EvTruncated:
		return fmt.Sprintf("broker %d cut %s back to offset %d, discarding %s that the leader of epoch %d (broker %d) never had",
			e.Broker, tpName(e), e.Offset, plural(e.Count, "record", "records"), e.Epoch, e.Broker2), true
	case EvSegmentsDeleted:
		if e.Text == "active" {
			return fmt.Sprintf("%s deleted every segment of %s (%s), the active one too: it rolled a new, empty segment first, so the log now starts at its end, offset %d",
				e.Reason, tpName(e), offsets(e.Offset, e.EndOffset), e.EndOffset), true
		}
		return fmt.Sprintf("%s deleted old segments of %s (%s): the log now starts at offset %d",
			e.Reason, tpName(e), offsets(e.Offset, e.EndOffset), e.EndOffset), true
	case EvCompacted:
		s := fmt.Sprintf("the log cleaner compacted %s: %s removed because a newer record has the same key", tpName(e), plural(e.Count, "record", "records"))
		if e.Tombstones > 0 {
			s += fmt.Sprintf(" (%d of them tombstones past delete.retention.ms)", e.Tombstones)
		}
		return s, true
	}
	return "", false
}

func whyElection(e Event) string {
	switch {
	case e.Reason == ReasonPreferred:
		return fmt.Sprintf("leadership of %s moved back from broker %d to its preferred replica, broker %d (epoch %d): auto.leader.rebalance.enable keeps leaders spread over the brokers",
			tpName(e), e.Broker2, e.Broker, e.Epoch)
	case e.Reason == ReasonUnclean:
		return fmt.Sprintf("broker %d became leader of %s (epoch %d) by UNCLEAN election: no in-sync replica was alive, so it leads with only %d records and %s are lost",
			e.Broker, tpName(e), e.Epoch, e.Offset, plural(e.Count, "record", "records"))
	case e.Broker2 == 0 && e.Epoch <= 1 && e.Count == 0 && e.Offset == 0:
		return fmt.Sprintf("broker %d leads %s (epoch %d); ISR [%s]", e.Broker, tpName(e), e.Epoch, e.Text)
	case e.Count > 0:
		return fmt.Sprintf("broker %d is the new leader of %s (epoch %d), chosen from the ISR; %s past offset %d that no follower had copied will be truncated",
			e.Broker, tpName(e), e.Epoch, plural(e.Count, "record", "records"), e.Offset)
	case e.Broker2 == 0:
		return fmt.Sprintf("broker %d is back and leads %s again (epoch %d)", e.Broker, tpName(e), e.Epoch)
	default:
		return fmt.Sprintf("broker %d is the new leader of %s (epoch %d), chosen from the ISR [%s]: it has every acknowledged record",
			e.Broker, tpName(e), e.Epoch, e.Text)
	}
}

func whyProducer(e Event) (string, bool) {
	switch e.Type {
	case EvProduceFailed:
		if e.Reason == ReasonBrokerRefused {
			return fmt.Sprintf("broker %d refused a write to %s with %s: %s in sync, but min.insync.replicas=%d",
				e.Broker, tpName(e), e.Err, plural(e.Count, "replica is", "replicas are"), e.MinISR), true
		}
		if e.Err == "TimeoutException" {
			// The Java client's own words (Sender.sendProducerData).
			return fmt.Sprintf("%s gave up: TimeoutException: Expiring %d record(s) for %s:%d ms has passed since batch creation (delivery.timeout.ms); the application's callback sees the error",
				e.Producer, e.Count, tpName(e), e.DurationMs), true
		}
		switch e.Err {
		case "INVALID_PRODUCER_EPOCH":
			return fmt.Sprintf("%s's write of %s to %s was refused with INVALID_PRODUCER_EPOCH: a newer epoch of its producer id fenced it (a restarted instance or the coordinator's abort); it is not retried",
				e.Producer, plural(e.Count, "record", "records"), tpName(e)), true
		case "INVALID_RECORD":
			return fmt.Sprintf("%s's write of %s to %s was refused with INVALID_RECORD: a compacted topic needs a key on every record; it is not retried",
				e.Producer, plural(e.Count, "record", "records"), tpName(e)), true
		}
		return fmt.Sprintf("%s gave up on %s for %s after %s: %s (retries or delivery.timeout.ms ran out); the application's callback sees the error",
			e.Producer, plural(e.Count, "record", "records"), tpName(e), plural(int(e.Attempt), "attempt", "attempts"), e.Err), true
	case EvRetried:
		return whyRetried(e), true
	case EvEpochBumped:
		if e.Text == "gap" {
			return fmt.Sprintf("%s bumped its producer epoch to %d: the leader of %s no longer has records up to sequence %d that were acknowledged (a leader without them was elected), so it numbers its unanswered batches for %s from sequence 0 in the new epoch",
				e.Producer, e.Epoch, tpName(e), e.FirstSeq-1, tpName(e)), true
		}
		return fmt.Sprintf("%s bumped its producer epoch to %d: batches it had sent to %s failed without an ack (its acks stop short of sequence %d), so it cannot tell which the leader wrote; it numbers %s from sequence 0 again in the new epoch, and batches already sent keep their numbers",
			e.Producer, e.Epoch, tpName(e), e.FirstSeq, tpName(e)), true
	case EvDuplicateDrop:
		return fmt.Sprintf("leader broker %d recognised the retried batch (producer id %d, sequence %d-%d) as one it already wrote and did not write it again: idempotence at work",
			e.Broker, e.ProducerID, e.FirstSeq, e.LastSeq), true
	case EvAckLost:
		return fmt.Sprintf("broker %d wrote %s to %s, but the response to %s was lost; the producer waits request.timeout.ms=%s and then retries",
			e.Broker, plural(e.Count, "record", "records"), tpName(e), e.Producer, FormatMs(e.TimeoutMs)), true
	case EvProducerCrash:
		return fmt.Sprintf("producer %s crashed: %s it had not yet got acks for are failed (some may still be in the log)",
			e.Producer, plural(e.Count, "record", "records")), true
	case EvTxnCommitted, EvTxnAborted:
		if e.Member == "" {
			return liveTxnWhy(e), true
		}
		if e.Type == EvTxnAborted {
			return fmt.Sprintf("%s of %s: transaction aborted (%s); its %s stay in the log but read_committed consumers skip them, and its offsets were never committed",
				e.Member, e.Group, e.Text, plural(int(e.OutputRecords), "output record", "output records")), true
		}
		return fmt.Sprintf("%s of %s committed its transaction: %s processed, %s to %s and the offsets became visible together",
			e.Member, e.Group, plural(e.Count, "input record", "input records"), plural(int(e.OutputRecords), "output record", "output records"), e.Text), true
	}
	return "", false
}

func whyRetried(e Event) string {
	s := fmt.Sprintf("%s retries %s for %s after %s (attempt %d", e.Producer, plural(e.Count, "record", "records"), tpName(e), e.Err, e.Attempt)
	if e.DelayMs > 0 {
		s += ", after a " + FormatMs(e.DelayMs) + " backoff"
	}
	s += ")"
	switch e.Text {
	case "out-of-order":
		return s + ": the leader expects an earlier sequence number first; this batch waits for the batches before it to be written or to fail"
	case "out-of-order-gap":
		return s + ": the leader's log no longer has the records just before this batch (a new leader was elected without them), so the producer bumps its epoch and numbers the partition's unanswered batches again from 0"
	case "idempotent":
		return s + ": same producer id and sequence numbers, so the leader can spot a copy it already wrote"
	}
	return s + ": without idempotence, if the first attempt was written this writes the records again"
}
