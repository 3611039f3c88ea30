package sim

import "testing"

// A consumer that crashes while its first JoinGroup is pending (during
// group.initial.rebalance.delay.ms) does nothing. The coordinator keeps it
// as a member awaiting join (MemberMetadata.hasSatisfiedHeartbeat), answers
// its JoinGroup to a dead client when the delay ends
// (GroupCoordinator.onCompleteJoin, which also starts every member's
// session timer), and removes it session.timeout.ms later. If it was the
// leader, no SyncGroup ever brings an assignment and the group waits for
// that removal.
func TestConsumerCrashedBeforeFirstAssignmentDoesNothing(t *testing.T) {
	for _, crashed := range []int{1, 2} { // c1 is the leader: it joined first
		c := basicConfig(7)
		c.Groups[0].Assignors = []string{AssignorRange}
		delay := c.Cluster.GroupInitialRebalanceDelayMs // 3 s
		session := c.Groups[0].SessionTimeoutMs         // 10 s
		s := mustNew(t, c)
		s.RunUntil(1000)
		name := memberName(crashed - 1)
		if err := s.Apply(Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: crashed}); err != nil {
			t.Fatal(err)
		}
		s.RunUntil(delay + session + 5000)
		evs := s.Events()
		removedAt := int64(-1)
		for _, e := range evs {
			if e.Member != name || e.AtMs <= 1000 {
				continue
			}
			switch e.Type {
			case EvFetched, EvProcessed, EvCommitted, EvOffsetReset:
				t.Fatalf("crashed %s: it is dead, yet %s at %d ms\n%s", name, e.Type, e.AtMs, trace(evs))
			case EvMemberExpired:
				removedAt = e.AtMs
			}
		}
		if removedAt != delay+session {
			t.Fatalf("crashed %s: removed at %d ms, want session.timeout.ms after the join completed (%d)\n%s",
				name, removedAt, delay+session, trace(evs))
		}
		survivor := s.groups[0].members[2-crashed]
		if len(survivor.assigned) != 3 || survivor.state != MemberActive {
			t.Fatalf("crashed %s: the survivor should own all 3 partitions after the removal: %s %v", name, survivor.state, survivor.assigned)
		}
		dead := countEvents(s, EvAssigned, func(e Event) bool { return e.Reason == ReasonDeadClient && e.Member == name })
		stuck := countEvents(s, EvRebalanceDone, func(e Event) bool { return e.Reason == ReasonDeadClient && e.Member == name })
		if crashed == 1 && stuck != 1 {
			t.Fatalf("a dead leader computes no assignment: want one dead-client rebalance event\n%s", trace(evs))
		}
		if crashed == 2 && dead != 1 {
			t.Fatalf("a dead follower's assignment is kept for it: want one dead-client assignment event\n%s", trace(evs))
		}
		if crashed == 1 {
			// Nobody consumed while the dead leader held the group up.
			for _, e := range evs {
				if e.Type == EvFetched && e.AtMs < removedAt {
					t.Fatalf("%s fetched at %d ms, before the dead leader was removed\n%s", e.Member, e.AtMs, trace(evs))
				}
			}
		}
	}
}
