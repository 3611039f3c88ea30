package sim

import (
	"strings"
	"testing"
)

// staticGroupLive makes group g Stable at generation 1 with static
// members i1 (the leader's pick of partition 0) and i2, and returns their
// member ids by instance.
func staticGroupLive(t *testing.T, s *Sim) map[string]string {
	t.Helper()
	ids, leader := staticJoinPhase(t, s)
	s.ExternalSync(SyncRequest{Ticket: 10, Broker: s.GroupCoordinator("g"), Group: "g", MemberID: leader, Generation: 1,
		Assignments: map[string][]byte{ids["i1"]: []byte("a1"), ids["i2"]: []byte("a2")},
		Assigned:    map[string][]TopicPartition{ids["i1"]: {{"orders", 0}}, ids["i2"]: {{"orders", 1}, {"orders", 2}}}})
	s.TakeExternalReplies()
	return ids
}

// staticJoinPhase joins static members i1 and i2 to g and ends the join
// phase (CompletingRebalance); it returns their ids and the leader's.
func staticJoinPhase(t *testing.T, s *Sim) (map[string]string, string) {
	t.Helper()
	coord := s.GroupCoordinator("g")
	for ticket, inst := range []string{"i1", "i2"} {
		// JoinGroup v4+, but a static member gets no MEMBER_ID_REQUIRED round.
		_, now := s.ExternalJoin(JoinRequest{Ticket: int64(ticket + 1), Broker: coord, Group: "g", ClientID: "app", InstanceID: inst,
			ProtocolType: "consumer", Protocols: []GroupProtocol{{Name: "range"}}, SessionMs: 10000, RebalanceMs: 30000,
			Topics: []string{"orders"}, RequireKnownMember: true})
		if now {
			t.Fatalf("static member %s was answered at once", inst)
		}
	}
	s.RunUntil(s.Now() + 3000)
	ids := map[string]string{}
	leader := ""
	for _, r := range s.TakeExternalReplies() {
		ids[[]string{"i1", "i2"}[r.Ticket-1]] = r.Join.MemberID
		leader = r.Join.Leader
	}
	if !strings.HasPrefix(ids["i1"], "i1-") || !strings.HasPrefix(ids["i2"], "i2-") {
		t.Fatalf("member ids %v: a static member's id starts with its instance id (GroupMetadata.generateMemberId)", ids)
	}
	return ids, leader
}

// KIP-345 in the live coordinator (GroupCoordinator.doStaticNewMemberJoinGroup,
// updateStaticMemberAndRebalance, validateCurrentMember): a static member
// that joins again with no member id, in a Stable group, is answered at
// once with the same generation and a new member id, and SyncGroup gives
// it the assignment it had; the old id, and another member naming its
// instance, are fenced.
func TestLiveStaticMemberRejoinsWithoutRebalance(t *testing.T) {
	s := liveSim(t)
	coord := s.GroupCoordinator("g")
	ids := staticGroupLive(t, s)
	res, now := s.ExternalJoin(JoinRequest{Ticket: 20, Broker: coord, Group: "g", ClientID: "app", InstanceID: "i1",
		ProtocolType: "consumer", Protocols: []GroupProtocol{{Name: "range"}}, SessionMs: 10000, RebalanceMs: 30000,
		Topics: []string{"orders"}, RequireKnownMember: true})
	if !now || res.Err != "NONE" || res.Generation != 1 || res.MemberID == ids["i1"] || len(res.Members) != 0 {
		t.Fatalf("static rejoin: answered %v, %+v; want NONE at generation 1 with a new id and no member list", now, res)
	}
	sync, now := s.ExternalSync(SyncRequest{Ticket: 21, Broker: coord, Group: "g", MemberID: res.MemberID, InstanceID: "i1", Generation: 1})
	if !now || sync.Err != "NONE" || string(sync.Assignment) != "a1" {
		t.Fatalf("sync of the new id: %v %+v; want its old assignment a1 at once", now, sync)
	}
	if got := s.ExternalHeartbeat("g", ids["i1"], "i1", coord, 1); got != "FENCED_INSTANCE_ID" {
		t.Errorf("heartbeat of the replaced id: %s, want FENCED_INSTANCE_ID", got)
	}
	if got := s.ExternalHeartbeat("g", ids["i2"], "i1", coord, 1); got != "FENCED_INSTANCE_ID" {
		t.Errorf("i2's id naming instance i1: %s, want FENCED_INSTANCE_ID", got)
	}
	if got := s.ExternalHeartbeat("g", ids["i2"], "i9", coord, 1); got != "UNKNOWN_MEMBER_ID" {
		t.Errorf("an instance the group does not have: %s, want UNKNOWN_MEMBER_ID", got)
	}
	if got := s.ExternalHeartbeat("g", res.MemberID, "i1", coord, 1); got != "NONE" {
		t.Errorf("heartbeat of the new id: %s, want NONE (no rebalance)", got)
	}
}

// LeaveGroup v3+ may name a static member by instance id alone
// (GroupCoordinator.handleLeaveGroup): it leaves, the group rebalances;
// an instance it does not have is UNKNOWN_MEMBER_ID.
func TestLiveLeaveGroupByInstanceID(t *testing.T) {
	s := liveSim(t)
	coord := s.GroupCoordinator("g")
	staticGroupLive(t, s)
	top, codes := s.ExternalLeave("g", coord, []LeavingMember{{InstanceID: "i2"}, {InstanceID: "i9"}})
	if top != "NONE" || len(codes) != 2 || codes[0] != "NONE" || codes[1] != "UNKNOWN_MEMBER_ID" {
		t.Fatalf("leave by instance: %s %v; want NONE, [NONE UNKNOWN_MEMBER_ID]", top, codes)
	}
	eg := s.ext().group("g")
	if eg.state != GroupPreparingRebalance || len(eg.members) != 1 || eg.staticMember("i2") != nil {
		t.Errorf("after i2 left: %s with %d members; want PreparingRebalance with i1 alone", eg.state, len(eg.members))
	}
}

// A static member that restarts while the group waits for SyncGroup
// (CompletingRebalance) fences its old id's waiting SyncGroup and starts
// the rebalance again: the leader may be assigning to the old id
// (updateStaticMemberAndRebalance, GroupMetadata.replaceStaticMember).
func TestLiveStaticRejoinDuringSyncRebalancesAgain(t *testing.T) {
	s := liveSim(t)
	coord := s.GroupCoordinator("g")
	ids, leader := staticJoinPhase(t, s)
	follower := map[bool]string{true: "i2", false: "i1"}[leader == ids["i1"]]
	if _, now := s.ExternalSync(SyncRequest{Ticket: 30, Broker: coord, Group: "g", MemberID: ids[follower], Generation: 1}); now {
		t.Fatal("the follower's SyncGroup was answered before the leader's")
	}
	_, now := s.ExternalJoin(JoinRequest{Ticket: 31, Broker: coord, Group: "g", ClientID: "app", InstanceID: follower,
		ProtocolType: "consumer", Protocols: []GroupProtocol{{Name: "range"}}, SessionMs: 10000, RebalanceMs: 30000,
		Topics: []string{"orders"}})
	if now {
		t.Fatal("a static rejoin during CompletingRebalance was answered at once; it waits for the new rebalance")
	}
	var fenced bool
	for _, r := range s.TakeExternalReplies() {
		fenced = fenced || (r.Ticket == 30 && r.Sync.Err == "FENCED_INSTANCE_ID")
	}
	if eg := s.ext().group("g"); !fenced || eg.state != GroupPreparingRebalance {
		t.Errorf("old SyncGroup fenced %v, group %s; want fenced and PreparingRebalance", fenced, eg.state)
	}
}
