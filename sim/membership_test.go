package sim

import "testing"

// staticConfig: two consumers of a 6-partition topic, range, 10 s sessions.
func membershipConfig(seed uint64, instanceID string) Config {
	c := groupConfig(seed, 2, AssignorRange)
	c.Groups[0].GroupInstanceID = instanceID
	return c
}

func firstAt(s *Sim, typ EventType, after int64, match func(Event) bool) int64 {
	for _, e := range s.Events() {
		if e.Type == typ && e.AtMs >= after && (match == nil || match(e)) {
			return e.AtMs
		}
	}
	return -1
}

// A restarted consumer instance without group.instance.id is a new member.
// The coordinator keeps the crashed instance until its session expires
// (MemberMetadata / GroupCoordinator.onExpireHeartbeat), so the rebalance
// the newcomer starts completes only then, and the crashed instance's
// partitions are read by nobody until that moment.
func TestRestartedDynamicConsumerWaitsForOldSession(t *testing.T) {
	s := mustNew(t, membershipConfig(3, ""))
	s.RunUntil(10_000)
	g := s.groups[0]
	old := append([]TopicPartition(nil), g.members[0].assigned...)
	oldID := g.members[0].memberID
	_ = s.Apply(Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1})
	s.RunUntil(12_000)
	_ = s.Apply(Command{Kind: CmdRestartConsumer, Group: "billing", Consumer: 1})
	s.RunUntil(40_000)
	expired := firstAt(s, EvMemberExpired, 10_000, func(e Event) bool { return e.Member == "c1" && e.CrashedInstance })
	if expired < 10_000+g.cfg.SessionTimeoutMs-g.cfg.HeartbeatIntervalMs || expired > 10_000+g.cfg.SessionTimeoutMs {
		t.Fatalf("the crashed instance should be removed session.timeout.ms after its last heartbeat, got %d\n%s", expired, trace(s.Events()))
	}
	done := firstAt(s, EvRebalanceDone, 12_000, nil)
	if done < expired {
		t.Fatalf("the rebalance completed at %d, before the old instance's session expired at %d\n%s", done, expired, trace(s.Events()))
	}
	for _, e := range s.Events() {
		if e.Type == EvFetched && e.AtMs > 10_000 && e.AtMs < expired {
			for _, tp := range old {
				if containsTP(g.members[1].assigned, tp) && e.Member == "c2" && e.Gen > 1 {
					t.Fatalf("%s was read at %d, before the old owner's session expired\n%s", tp, e.AtMs, trace(s.Events()))
				}
			}
		}
	}
	if g.members[0].memberID == oldID || g.consumerCount() != 2 {
		t.Fatalf("the restarted c1 should be a new member id among 2 consumers: %s, %d", g.members[0].memberID, g.consumerCount())
	}
	if a := assignment(s); len(a["c1"]) == 0 || len(a["c2"]) == 0 {
		t.Fatalf("after the rebalance both consumers own partitions: %v", a)
	}
}

// A static member (group.instance.id) restarted within session.timeout.ms
// takes its old membership over: the coordinator swaps the member id and,
// the group being Stable, answers with its previous assignment — no
// rebalance (GroupCoordinator.updateStaticMemberAndRebalance, KIP-345).
func TestStaticMemberRestartKeepsItsPartitions(t *testing.T) {
	s := mustNew(t, membershipConfig(3, "billing-worker"))
	s.RunUntil(10_000)
	g := s.groups[0]
	gen := g.generation
	before := tpList(g.members[0].assigned)
	_ = s.Apply(Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1})
	s.RunUntil(14_000)
	_ = s.Apply(Command{Kind: CmdRestartConsumer, Group: "billing", Consumer: 1})
	s.RunUntil(40_000)
	if n := countEvents(s, EvRebalanceStarted, func(e Event) bool { return e.AtMs > 10_000 }); n != 0 || g.generation != gen {
		t.Fatalf("a static member's restart should not rebalance: %d rebalances, generation %d→%d\n%s", n, gen, g.generation, trace(s.Events()))
	}
	if n := countEvents(s, EvAssigned, func(e Event) bool { return e.Reason == ReasonStaticRejoin && e.Text == before }); n != 1 {
		t.Fatalf("c1 should get %s back as a returning static member\n%s", before, trace(s.Events()))
	}
	if firstAt(s, EvProcessed, 14_000, func(e Event) bool { return e.Member == "c1" }) < 0 {
		t.Fatalf("the returning static member should consume again\n%s", trace(s.Events()))
	}
}

// Static members send no LeaveGroup on close (maybeLeaveGroup is for
// dynamic members only): the group rebalances when the session expires.
func TestStaticMemberCloseWaitsForSessionTimeout(t *testing.T) {
	s := mustNew(t, membershipConfig(3, "billing-worker"))
	s.RunUntil(10_000)
	g := s.groups[0]
	_ = s.Apply(Command{Kind: CmdCloseConsumer, Group: "billing", Consumer: 1})
	s.RunUntil(40_000)
	started := firstAt(s, EvRebalanceStarted, 10_000, nil)
	if started != 10_000+g.cfg.SessionTimeoutMs {
		t.Fatalf("rebalance at %d, want session.timeout.ms after the close (%d)\n%s", started, 10_000+g.cfg.SessionTimeoutMs, trace(s.Events()))
	}
	if a := assignment(s); len(a) != 1 || a["c2"] != "orders-0,orders-1,orders-2,orders-3,orders-4,orders-5" {
		t.Fatalf("after the session expired c2 owns everything: %v", a)
	}
}
