package sim

import (
	"fmt"
	"strings"
)

func whyGroup(e Event) (string, bool) {
	switch e.Type {
	case EvMemberJoined:
		if e.Reason == ReasonStaticRejoin {
			return fmt.Sprintf("%s rejoined group %s under its group.instance.id: the coordinator still held that static member, so it swaps in the new member id and keeps its place (KIP-345)", e.Member, e.Group), true
		}
		return fmt.Sprintf("%s sent JoinGroup to group %s's coordinator, broker %d", e.Member, e.Group, e.Broker), true
	case EvRebalanceStarted:
		return whyRebalanceStarted(e), true
	case EvRebalanceDone:
		if e.Reason == ReasonDeadClient {
			return fmt.Sprintf("group %s finished the join phase of generation %d with %s, but its leader %s has crashed: the member list went to a dead client, so no assignment comes; the others wait (CompletingRebalance) until the coordinator removes %s after session.timeout.ms=%s",
				e.Group, e.Gen, plural(e.Count, "member", "members"), e.Member, e.Member, FormatMs(e.TimeoutMs)), true
		}
		if e.Count == 0 {
			return fmt.Sprintf("group %s is Empty (generation %d): no members left; its committed offsets stay", e.Group, e.Gen), true
		}
		return fmt.Sprintf("group %s is Stable at generation %d with %s; leader %s computed the assignment with the %s assignor",
			e.Group, e.Gen, plural(e.Count, "member", "members"), e.Member, e.Text), true
	case EvAssigned:
		return whyAssigned(e), true
	case EvRevoked:
		if e.Reason == ReasonCooperative {
			return fmt.Sprintf("%s gave up %s so it can move to another member; it keeps the rest and goes on consuming (cooperative)", e.Member, e.Text), true
		}
		if e.Reason == ReasonPartitionsLost {
			return fmt.Sprintf("%s found on its next poll() that it is no longer in group %s: it gives up %s as lost (onPartitionsLost), without committing, and joins again as a new member",
				e.Member, e.Group, e.Text), true
		}
		return fmt.Sprintf("%s revoked all its partitions (%s) before rejoining: an eager rebalance stops everyone", e.Member, e.Text), true
	case EvMemberLeft:
		if e.Reason == ReasonStatic {
			return fmt.Sprintf("%s closed without LeaveGroup, as static members do: the coordinator keeps its partitions (%s) for it until session.timeout.ms=%s runs out",
				e.Member, orNothing(e.Text), FormatMs(e.TimeoutMs)), true
		}
		if e.Reason == ReasonPollTimeout {
			return fmt.Sprintf("the coordinator took the LeaveGroup from %s's heartbeat thread: %s leaves group %s, which rebalances without it",
				e.Member, e.Member, e.Group), true
		}
		return fmt.Sprintf("%s left group %s with LeaveGroup (a clean close); its partitions are reassigned at once", e.Member, e.Group), true
	case EvMemberExpired:
		if e.Reason == ReasonRebalanceTimeout {
			return fmt.Sprintf("the coordinator removed %s from %s: it did not rejoin within the rebalance timeout (max.poll.interval.ms)", e.Member, e.Group), true
		}
		if e.CrashedInstance {
			return fmt.Sprintf("the coordinator removed %s's crashed instance from %s: no heartbeat for session.timeout.ms=%s; only now can its partitions go to someone else",
				e.Member, e.Group, FormatMs(e.TimeoutMs)), true
		}
		return fmt.Sprintf("the coordinator removed %s from %s: no heartbeat for session.timeout.ms=%s", e.Member, e.Group, FormatMs(e.TimeoutMs)), true
	case EvPollTimeout:
		return whyPollTimeout(e), true
	case EvCoordinatorMoved:
		return fmt.Sprintf("group %s's coordinator moved to broker %d, the new leader of __consumer_offsets-%d; the offsets survive because that topic is replicated",
			e.Group, e.Broker, e.OffsetsPartition), true
	}
	return "", false
}

func whyConsumer(e Event) (string, bool) {
	switch e.Type {
	case EvConsumerCrashed:
		return whyConsumerCrashed(e), true
	case EvConsumerRestarted:
		if e.Reason == ReasonStaticRejoin {
			return fmt.Sprintf("%s of %s restarted with the same group.instance.id, within session.timeout.ms=%s of its last heartbeat: the coordinator still holds its membership", e.Member, e.Group, FormatMs(e.TimeoutMs)), true
		}
		if e.NewInstance {
			return fmt.Sprintf("%s of %s restarted as a new consumer instance, so a new member: the coordinator keeps the crashed one, and its partitions, until its session.timeout.ms=%s runs out", e.Member, e.Group, FormatMs(e.TimeoutMs)), true
		}
		return fmt.Sprintf("%s of %s restarted as a new consumer instance and will join the group again", e.Member, e.Group), true
	case EvConsumerPaused:
		return fmt.Sprintf("%s of %s stalled: it stopped calling poll(); heartbeats go on, but after max.poll.interval.ms=%s it leaves the group",
			e.Member, e.Group, FormatMs(e.TimeoutMs)), true
	case EvConsumerResumed:
		if !e.StillMember {
			return fmt.Sprintf("%s of %s woke up after %s; it was removed meanwhile, so its commits will fail and it must rejoin", e.Member, e.Group, FormatMs(e.DurationMs)), true
		}
		return fmt.Sprintf("%s of %s woke up after %s and carries on", e.Member, e.Group, FormatMs(e.DurationMs)), true
	case EvAlert:
		return fmt.Sprintf("%s of %s processed %s-%d@%d, value %s: the application raised alert %d (alert-when)",
			e.Member, e.Group, e.Topic, e.Partition, e.Offset, e.Text, e.Count), true
	case EvCommitFailed:
		return whyCommitFailed(e), true
	case EvOffsetReset:
		if e.Reason == ReasonOutOfRange {
			return fmt.Sprintf("%s's position %d in %s no longer exists (deleted or truncated): auto.offset.reset=%s moves it to %d",
				memberIn(e), e.Offset, tpName(e), e.Text, e.EndOffset), true
		}
		return fmt.Sprintf("%s has no committed offset for %s: auto.offset.reset=%s starts it at offset %d", memberIn(e), tpName(e), e.Text, e.EndOffset), true
	case EvLogTruncationSeen:
		return whyTruncationSeen(e), true
	case EvConsumerError:
		if e.Err == "LogTruncationException" {
			return fmt.Sprintf("%s's position %d in %s is past where the log diverged (%d), and auto.offset.reset=none: poll() throws LogTruncationException with divergent offset %d, leaving the choice to the application",
				memberIn(e), e.Offset, tpName(e), e.EndOffset, e.EndOffset), true
		}
		return fmt.Sprintf("%s has no valid offset for %s and auto.offset.reset=none: poll() throws %s", memberIn(e), tpName(e), e.Err), true
	}
	return "", false
}

// memberIn names a member with its group (see appendMemberIn).
func memberIn(e Event) string {
	var buf [64]byte
	return string(appendMemberIn(buf[:0], &e))
}

func orNothing(list string) string {
	if list == "" {
		return "no partitions"
	}
	return list
}

// whyAssigned explains what a member got in a generation, or why nothing.
func whyAssigned(e Event) string {
	if e.Reason == ReasonDeadClient {
		what := "nothing"
		if e.Count > 0 {
			what = e.Text + ", which nobody reads"
		}
		return fmt.Sprintf("the coordinator keeps generation %d's assignment for %s (%s), but %s crashed before it could collect it; the coordinator removes it after session.timeout.ms=%s",
			e.Gen, e.Member, what, e.Member, FormatMs(e.TimeoutMs))
	}
	if e.Reason == ReasonStaticRejoin {
		return fmt.Sprintf("%s gets back %s, what its group.instance.id owned before the restart: no rebalance, the other members carry on (generation %d)",
			e.Member, orNothing(e.Text), e.Gen)
	}
	if e.Count == 0 && e.Reason == ReasonCooperative {
		return fmt.Sprintf("%s gets nothing yet in generation %d: its partitions come in the second cooperative round, once their old owners have let go", e.Member, e.Gen)
	}
	if e.Count == 0 && e.Partitions > 0 {
		return fmt.Sprintf("%s got no partitions in generation %d: it is idle, because group %s has more consumers than its topics have partitions (%d)", e.Member, e.Gen, e.Group, e.Partitions)
	}
	if e.Count == 0 {
		return fmt.Sprintf("%s got no partitions in generation %d: the %s assignor gave them all to other members", e.Member, e.Gen, e.Reason)
	}
	return fmt.Sprintf("%s now owns %s (generation %d, %s)", memberIn(e), e.Text, e.Gen, e.Reason)
}

// whyPollTimeout explains a member's heartbeat thread giving up on poll() (KIP-62).
func whyPollTimeout(e Event) string {
	s := fmt.Sprintf("%s has not called poll() for %s, longer than max.poll.interval.ms=%s: its heartbeat thread concludes the application is stuck (consumer poll timeout has expired) and sends LeaveGroup",
		e.Member, FormatMs(e.DurationMs), FormatMs(e.TimeoutMs))
	if e.Reason == ReasonStatic {
		s = fmt.Sprintf("%s has not called poll() for %s, longer than max.poll.interval.ms=%s: a static member sends no LeaveGroup, so its heartbeat thread just stops; the coordinator keeps it until session.timeout.ms unless it polls again first",
			e.Member, FormatMs(e.DurationMs), FormatMs(e.TimeoutMs))
	}
	if e.Count > 0 {
		s += fmt.Sprintf("; it is still processing, %s to go, and will not find out until it commits", plural(e.Count, "record", "records"))
	}
	return s
}

// whyRebalanceStarted says what set a rebalance off.
func whyRebalanceStarted(e Event) string {
	s := fmt.Sprintf("group %s is rebalancing (PreparingRebalance)", e.Group)
	switch e.Reason {
	case ReasonJoin:
		s += fmt.Sprintf(": %s joined, so every member must rejoin", e.Member)
	case ReasonLeave:
		s += fmt.Sprintf(": %s left, so its partitions need new owners", e.Member)
	case ReasonSessionTimeout:
		s += fmt.Sprintf(": %s stopped heartbeating", e.Member)
	case ReasonPollTimeout:
		s += fmt.Sprintf(": %s left because it had not called poll() within max.poll.interval.ms", e.Member)
	case ReasonRebalanceTimeout:
		s += fmt.Sprintf(": %s did not rejoin within the rebalance timeout (max.poll.interval.ms)", e.Member)
	case ReasonNewPartitions:
		s += ": its topics' partitions changed"
	case ReasonCooperative:
		s += ": second cooperative round, to hand out the partitions just revoked"
	case ReasonStaticRejoin:
		s += fmt.Sprintf(": static member %s came back while an assignment was being handed out", e.Member)
	}
	if e.DelayMs > 0 {
		s += fmt.Sprintf("; the first rebalance waits group.initial.rebalance.delay.ms=%s for more members", FormatMs(e.DelayMs))
	}
	return s
}

// whyConsumerCrashed says what a crash costs: records redone, or skipped.
func whyConsumerCrashed(e Event) string {
	if e.Text != "" {
		return fmt.Sprintf("%s of %s stopped: %s", e.Member, e.Group, e.Text)
	}
	if e.Reason == Reason(CommitTransactional) {
		return fmt.Sprintf("%s of %s crashed mid-transaction: the transaction will be aborted and the next owner redoes the batch, so nothing is duplicated or lost",
			e.Member, e.Group)
	}
	var parts []string
	if e.Count > 0 {
		parts = append(parts, fmt.Sprintf("%s it processed lie past the committed offset and will be processed again by the next owner",
			plural(e.Count, "record", "records")))
	}
	if e.RecordsSkipped > 0 {
		parts = append(parts, fmt.Sprintf("%s already committed but never processed: nobody will read them again",
			plural(int(e.RecordsSkipped), "record it had fetched was", "records it had fetched were")))
	}
	if len(parts) == 0 {
		return fmt.Sprintf("%s of %s crashed; its committed offsets match what it processed, so nothing is repeated or skipped", e.Member, e.Group)
	}
	return fmt.Sprintf("%s of %s crashed: %s", e.Member, e.Group, strings.Join(parts, "; "))
}

// whyCommitFailed says why the coordinator refused a commit.
func whyCommitFailed(e Event) string {
	if e.Err == "CommitFailedException" && e.Reason == ReasonPollTimeout {
		return fmt.Sprintf("%s's %s failed with CommitFailedException: it left the group when its poll timeout expired, so it may not commit; the next owner starts from the last committed offset and processes these records again",
			e.Member, e.Text)
	}
	if e.Err == "CommitFailedException" && e.MemberRemoved {
		return fmt.Sprintf("%s's %s failed with CommitFailedException: the coordinator answered UNKNOWN_MEMBER_ID, because it removed %s from the group while it worked; its partitions are someone else's now",
			e.Member, e.Text, e.Member)
	}
	if e.Err == "CommitFailedException" {
		return fmt.Sprintf("%s's %s failed with CommitFailedException: the coordinator answered ILLEGAL_GENERATION, because the group moved on to generation %d while it worked; its partitions may be someone else's now",
			e.Member, e.Text, e.GroupGen)
	}
	return fmt.Sprintf("%s's %s failed: the group coordinator, broker %d, is not available (COORDINATOR_NOT_AVAILABLE)", e.Member, e.Text, e.Broker)
}

// whyTruncationSeen explains a consumer's position validation finding a truncated log (KIP-320).
func whyTruncationSeen(e Event) string {
	lost := e.Offset - e.EndOffset
	s := fmt.Sprintf("%s checked its position %d in %s with the new leader, broker %d (OffsetsForLeaderEpoch for leader epoch %d): that epoch ends at %d in the new leader's log, so the log was truncated under it: the %s it had read from %d on no longer exist (KIP-320)",
		e.Member, e.Offset, tpName(e), e.Broker, e.Epoch, e.EndOffset, plural(int(lost), "record", "records"), e.EndOffset)
	if e.NoResetPolicy {
		return s
	}
	return s + fmt.Sprintf("; it seeks back to %d, the first offset known to diverge, to read what the new leader wrote there (not auto.offset.reset=%s)", e.EndOffset, e.Text)
}
