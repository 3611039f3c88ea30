package sim

import "strings"

// SyncGroup, Heartbeat and LeaveGroup for live groups.

// SyncRequest is a live SyncGroup. Only the leader's carries assignments;
// Assigned is the wire's reading of them (consumer protocol), for the
// ledger.
type SyncRequest struct {
	Ticket      int64
	Broker      int
	Group       string
	MemberID    string
	InstanceID  string // a static member's group.instance.id (SyncGroup v3+)
	Generation  int
	Assignments map[string][]byte
	Assigned    map[string][]TopicPartition
}

// SyncResult answers a SyncGroup.
type SyncResult struct {
	Err          string
	ProtocolType string
	Protocol     string
	Assignment   []byte
}

// memberCheck is the coordinator's check of a member id and generation.
func (s *Sim) memberCheck(group, memberID, instanceID string, broker, gen int) (*extGroup, *extMember, string) {
	if code := s.coordinatorCheck(group, broker); code != "" {
		return nil, nil, code
	}
	eg := s.ext().group(group)
	if eg == nil {
		return nil, nil, "UNKNOWN_MEMBER_ID"
	}
	m := eg.member(memberID)
	switch code := eg.staticCheck(memberID, instanceID); {
	case code != "":
		return eg, nil, code
	case m == nil:
		return eg, nil, "UNKNOWN_MEMBER_ID"
	case gen != eg.generation:
		return eg, m, "ILLEGAL_GENERATION"
	}
	m.lastSeenMs = s.nowMs
	return eg, m, ""
}

// ExternalSync handles a SyncGroup: followers wait for the leader's
// assignment; the leader's makes the group Stable and answers everyone.
func (s *Sim) ExternalSync(req SyncRequest) (SyncResult, bool) {
	eg, m, code := s.memberCheck(req.Group, req.MemberID, req.InstanceID, req.Broker, req.Generation)
	if code != "" {
		return SyncResult{Err: code}, true
	}
	switch eg.state {
	case GroupPreparingRebalance:
		return SyncResult{Err: "REBALANCE_IN_PROGRESS"}, true
	case GroupStable:
		return SyncResult{Err: "NONE", ProtocolType: eg.protocolType, Protocol: eg.protocol, Assignment: m.assignment}, true
	}
	m.syncTicket = req.Ticket
	if m.id != eg.leader {
		return SyncResult{}, false
	}
	eg.state = GroupStable
	s.emit(&Event{Type: EvRebalanceDone, Group: eg.id, Gen: eg.generation, Count: len(eg.members), Member: eg.leader,
		Text: eg.protocol})
	for _, mm := range eg.members {
		mm.assignment = req.Assignments[mm.id]
		mm.assigned = req.Assigned[mm.id]
		sortTPs(mm.assigned)
		s.emit(&Event{Type: EvAssigned, Group: eg.id, Member: mm.id, Gen: eg.generation, Count: len(mm.assigned),
			Text: tpList(mm.assigned), Reason: Reason(eg.protocol)})
		s.answerSync(eg, mm, "NONE")
	}
	return SyncResult{}, false
}

// answerSync answers a member's waiting SyncGroup, if it has one.
func (s *Sim) answerSync(eg *extGroup, m *extMember, code string) {
	if m.syncTicket == 0 {
		return
	}
	res := SyncResult{Err: code, ProtocolType: eg.protocolType, Protocol: eg.protocol}
	if code == "NONE" {
		res.Assignment = m.assignment
	}
	s.reply(ExternalReply{Ticket: m.syncTicket, Sync: &res})
	m.syncTicket = 0
}

// ExternalHeartbeat answers a Heartbeat (GroupCoordinator.handleHeartbeat):
// REBALANCE_IN_PROGRESS tells a member to rejoin.
func (s *Sim) ExternalHeartbeat(group, memberID, instanceID string, broker, gen int) string {
	eg, _, code := s.memberCheck(group, memberID, instanceID, broker, gen)
	if code != "" {
		return code
	}
	if eg.state == GroupPreparingRebalance {
		return "REBALANCE_IN_PROGRESS"
	}
	return "NONE"
}

// ExternalLeave handles a LeaveGroup: each member named leaves, and the
// group rebalances without them. It returns an error per member.
func (s *Sim) ExternalLeave(group string, broker int, leaving []LeavingMember) (string, []string) {
	if code := s.coordinatorCheck(group, broker); code != "" {
		return code, nil
	}
	eg := s.ext().group(group)
	codes := make([]string, len(leaving))
	var left []string
	for i, lm := range leaving {
		id, code := eg.leavingID(lm)
		if code != "" {
			codes[i] = code
			continue
		}
		codes[i] = "NONE"
		m := eg.member(id)
		if m.joinTicket != 0 {
			res := JoinResult{Err: "UNKNOWN_MEMBER_ID", Generation: -1, MemberID: id}
			s.reply(ExternalReply{Ticket: m.joinTicket, Join: &res})
		}
		s.emit(&Event{Type: EvMemberLeft, Group: group, Member: id, Text: tpList(m.assigned)})
		s.dropExternalMember(eg, id)
		left = append(left, id)
	}
	if len(left) > 0 {
		s.membersLeft(eg, ReasonLeave, strings.Join(left, ","))
	}
	return "NONE", codes
}
