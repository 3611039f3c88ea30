package sim

import (
	"strings"
	"testing"
)

func groupConfig(seed uint64, consumers int, assignor string) Config {
	c := basicConfig(seed)
	c.Topics[0].Partitions = 6
	c.Groups[0].Consumers = consumers
	c.Groups[0].Assignors = []string{assignor}
	c.Producers[0].Count = 0
	return c
}

// assignment returns each live member's partitions, as "c1=orders-0,orders-1".
func assignment(s *Sim) map[string]string {
	out := map[string]string{}
	for _, m := range s.groups[0].members {
		if m.inGroup {
			out[m.name] = tpList(m.assigned)
		}
	}
	return out
}

func countEvents(s *Sim, typ EventType, match func(Event) bool) int {
	n := 0
	for _, e := range s.Events() {
		if e.Type == typ && (match == nil || match(e)) {
			n++
		}
	}
	return n
}

func TestRebalanceOnJoinLeaveAndCrash(t *testing.T) {
	s := mustNew(t, groupConfig(1, 2, AssignorRange))
	s.RunUntil(5000)
	g := s.groups[0]
	if g.state != GroupStable || g.generation != 1 {
		t.Fatalf("after start: %s generation %d", g.state, g.generation)
	}
	if a := assignment(s); len(strings.Split(a["c1"], ",")) != 3 || len(strings.Split(a["c2"], ",")) != 3 {
		t.Fatalf("range over 6 partitions and 2 members: %v", a)
	}
	_ = s.Apply(Command{Kind: CmdAddConsumer, Group: "billing"})
	s.RunUntil(12000)
	if g.generation != 2 || len(assignment(s)) != 3 {
		t.Fatalf("after a join: generation %d, assignment %v", g.generation, assignment(s))
	}
	_ = s.Apply(Command{Kind: CmdCloseConsumer, Group: "billing", Consumer: 3})
	// The others hear of the rebalance in their next heartbeat (3s).
	s.RunUntil(16000)
	if g.generation != 3 {
		t.Fatalf("a clean close (LeaveGroup) should rebalance within a heartbeat: generation %d", g.generation)
	}
	_ = s.Apply(Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 2})
	s.RunUntil(22000)
	if g.generation != 3 {
		t.Fatalf("a crash is noticed only after session.timeout.ms (10s): generation %d already", g.generation)
	}
	s.RunUntil(35000)
	if g.generation != 4 || assignment(s)["c1"] != "orders-0,orders-1,orders-2,orders-3,orders-4,orders-5" {
		t.Fatalf("after the session timeout: generation %d, %v", g.generation, assignment(s))
	}
	if n := countEvents(s, EvMemberExpired, func(e Event) bool { return e.Reason == ReasonSessionTimeout }); n != 1 {
		t.Fatalf("want one member-removed by session timeout, got %d", n)
	}
}

func TestAddPartitionsRebalances(t *testing.T) {
	// The group notices the new partitions at its next metadata refresh
	// (metadata.max.age.ms, 2s here): see metadata_test.go.
	c := groupConfig(1, 2, AssignorRoundRobin)
	c.Groups[0].MetadataMaxAgeMs = 2000
	s := mustNew(t, c)
	s.RunUntil(5000)
	_ = s.Apply(Command{Kind: CmdAddPartitions, Topic: "orders", Partitions: 8})
	s.RunUntil(12000)
	a := assignment(s)
	if n := len(strings.Split(a["c1"], ",")) + len(strings.Split(a["c2"], ",")); n != 8 {
		t.Fatalf("after growing to 8 partitions: %v", a)
	}
}

func TestEagerRevokesEverythingCooperativeOnlyWhatMoves(t *testing.T) {
	revoked := func(assignor string) (count int, rounds int) {
		s := mustNew(t, groupConfig(1, 2, assignor))
		s.RunUntil(5000)
		before := s.groups[0].generation
		_ = s.Apply(Command{Kind: CmdAddConsumer, Group: "billing"})
		s.RunUntil(20000)
		for _, e := range s.Events() {
			if e.Type == EvRevoked {
				count += e.Count
			}
		}
		return count, s.groups[0].generation - before
	}
	eager, eagerRounds := revoked(AssignorSticky)
	coop, coopRounds := revoked(AssignorCooperativeSticky)
	if eager != 6 || eagerRounds != 1 {
		t.Errorf("eager sticky: %d partitions revoked in %d rebalances; want all 6 in one", eager, eagerRounds)
	}
	if coop != 2 || coopRounds != 2 {
		t.Errorf("cooperative-sticky: %d partitions revoked in %d rebalances; want the 2 that move, in two", coop, coopRounds)
	}
}

func TestMoreConsumersThanPartitionsLeavesOneIdle(t *testing.T) {
	c := groupConfig(1, 4, AssignorRange)
	c.Topics[0].Partitions = 3
	s := mustNew(t, c)
	s.RunUntil(6000)
	idle := 0
	for _, m := range s.Snapshot().Groups[0].Members {
		if m.State == MemberIdle {
			idle++
		}
	}
	if idle != 1 {
		t.Fatalf("3 partitions, 4 consumers: %d idle, want 1", idle)
	}
}

func TestPausedConsumerLeavesAfterMaxPollInterval(t *testing.T) {
	c := groupConfig(1, 2, AssignorRange)
	c.Groups[0].MaxPollIntervalMs = 8000
	s := mustNew(t, c)
	s.RunUntil(5000)
	_ = s.Apply(Command{Kind: CmdPauseConsumer, Group: "billing", Consumer: 1})
	s.RunUntil(20000)
	// The heartbeat thread sends LeaveGroup for it (KIP-62).
	if n := countEvents(s, EvMemberLeft, func(e Event) bool { return e.Reason == ReasonPollTimeout }); n != 1 {
		t.Fatalf("a stalled consumer should leave after max.poll.interval.ms: %d removals\n%s", n, trace(s.Events()))
	}
}
