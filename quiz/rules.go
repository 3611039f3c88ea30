package quiz

import "slices"

// The pure Kafka arithmetic the generators ask about. Each function states
// one of Kafka's rules (the high watermark of Partition.maybeIncrementLeaderHW,
// the min.insync.replicas check of Partition.appendRecordsToLeader, the
// leader election of PartitionChangeBuilder (KRaft), auto.offset.reset,
// retention by segment); the engine applies the same rules step by step,
// and the tests check these against hand-worked cases and brute force.

// lag is how far a group is behind on a partition: log end offset (as
// kafka-consumer-groups.sh shows it, the high watermark) minus the
// committed offset. A group that has committed nothing is behind by the
// whole log, which callers express by passing the log start offset.
func lag(logEndOffset, committedOffset int64) int64 {
	return max(logEndOffset-committedOffset, 0)
}

// highWatermark is the smallest log end offset among the in-sync
// replicas: everything below it is on every ISR member. leos maps broker
// id to that replica's log end offset.
func highWatermark(leos map[int]int64, isr []int) int64 {
	hw := int64(-1)
	for _, b := range isr {
		if leo := leos[b]; hw < 0 || leo < hw {
			hw = leo
		}
	}
	return max(hw, 0)
}

// offsetRange is the offsets first..last inclusive; empty when last < first.
type offsetRange struct{ first, last int64 }

// noOffsets is the empty range.
var noOffsets = offsetRange{first: 0, last: -1}

func (r offsetRange) count() int64 { return max(r.last-r.first+1, 0) }

// reprocessedAfterCrash: a consumer's group committed `committed`, the
// consumer processed through lastProcessed without committing again and
// crashed. Its replacement resumes at the committed offset (the next
// offset to read), so committed..lastProcessed are processed twice.
func reprocessedAfterCrash(committed, lastProcessed int64) (resumeAt int64, twice offsetRange) {
	return committed, offsetRange{committed, lastProcessed}
}

// lostAfterEarlyCommit: at-most-once. A consumer polled offsets up to
// polledLast, committed polledLast+1 before processing, processed through
// lastProcessed and crashed. The replacement resumes at polledLast+1, so
// lastProcessed+1..polledLast are never processed.
func lostAfterEarlyCommit(polledLast, lastProcessed int64) (resumeAt int64, lost offsetRange) {
	return polledLast + 1, offsetRange{lastProcessed + 1, polledLast}
}

// Outcomes of an acks=all write.
const (
	writeAccepted          = "accepted"
	writeNotEnoughReplicas = "NOT_ENOUGH_REPLICAS"
)

// acksAllOutcome is what a leader answers an acks=all write: refused while
// the ISR is smaller than min.insync.replicas, otherwise accepted once
// every ISR member has the record.
func acksAllOutcome(isrSize, minInsyncReplicas int) string {
	if isrSize < minInsyncReplicas {
		return writeNotEnoughReplicas
	}
	return writeAccepted
}

// electLeader is the controller's choice when a leader must be replaced:
// the first replica in replica-list order that is alive and in the ISR.
// With unclean election enabled and no such replica, the first live
// replica of any kind. ok is false when the partition goes offline.
func electLeader(replicas, isr []int, alive func(int) bool, unclean bool) (leader int, clean, ok bool) {
	for _, b := range replicas {
		if alive(b) && slices.Contains(isr, b) {
			return b, true, true
		}
	}
	if unclean {
		for _, b := range replicas {
			if alive(b) {
				return b, false, true
			}
		}
	}
	return 0, false, false
}

// lostOnFailover: the records a partition loses when a new leader with log
// end offset newLeaderLEO takes over from a leader whose log ended at
// oldLeaderLEO. Everything the new leader lacks is truncated away on the
// other replicas. With acks=1 these records may have been acknowledged.
func lostOnFailover(oldLeaderLEO, newLeaderLEO int64) offsetRange {
	return offsetRange{newLeaderLEO, oldLeaderLEO - 1}
}

// activeConsumers is how many members of a group get a partition of a
// single topic: one partition has one owner, so never more than the
// partition count.
func activeConsumers(partitions, consumers int) int {
	return min(partitions, consumers)
}

// segment is one file of a partition log.
type segment struct {
	baseOffset int64 // first offset in the segment
	newestMs   int64 // timestamp of its newest record
}

// logStartAfterRetention applies time retention as UnifiedLog's
// deletableSegments does: segments whose newest record is older than
// retentionMs are deleted from the oldest, stopping at the first that is
// not. The active (last) segment counts too: when it has expired as well,
// the log first rolls a new, empty active segment at the log end offset
// and then deletes every old one, so the log starts at logEnd. It returns
// the new log start offset. (The high watermark is taken to be the log
// end: every record is committed.)
func logStartAfterRetention(segments []segment, logEnd, nowMs, retentionMs int64) int64 {
	for _, s := range segments {
		if nowMs-s.newestMs <= retentionMs {
			return s.baseOffset
		}
	}
	return logEnd
}

// resumeOffset is where a consumer starts on a partition. A committed
// offset within [logStart, logEnd] wins; otherwise auto.offset.reset
// decides: earliest → log start, latest → log end. ok is false for "none"
// (the client raises an error instead).
func resumeOffset(committed, logStart, logEnd int64, hasCommitted bool, policy string) (offset int64, reset, ok bool) {
	if hasCommitted && committed >= logStart && committed <= logEnd {
		return committed, false, true
	}
	switch policy {
	case "earliest":
		return logStart, true, true
	case "latest":
		return logEnd, true, true
	}
	return 0, true, false
}
