package sim

// Static membership for live groups (KIP-345), as Kafka 3.9's classic
// GroupCoordinator keeps it: a member that sends group.instance.id is
// known by it. Joining again with no member id (a restarted process)
// replaces the old member id with a new one and keeps its assignment:
// in a Stable group whose protocol does not change there is no
// rebalance (updateStaticMemberAndRebalance). A request naming the
// instance with another member id is fenced (FENCED_INSTANCE_ID,
// validateCurrentMember), so a zombie of the old process cannot go on.

// staticMember is the member holding instance id, or nil.
func (eg *extGroup) staticMember(instanceID string) *extMember {
	for _, m := range eg.members {
		if m.instanceID == instanceID {
			return m
		}
	}
	return nil
}

// staticCheck is validateCurrentMember's instance half: "" when the
// request may go on (no instance id, or the instance is memberID).
func (eg *extGroup) staticCheck(memberID, instanceID string) string {
	if instanceID == "" || eg == nil {
		return ""
	}
	switch m := eg.staticMember(instanceID); {
	case m == nil:
		return "UNKNOWN_MEMBER_ID"
	case m.id != memberID:
		return "FENCED_INSTANCE_ID"
	}
	return ""
}

// staticJoin handles a JoinGroup with group.instance.id. done says it
// was answered (now, or parked: then answered is false); otherwise the
// dynamic path goes on with req, whose MemberID may now be set.
func (s *Sim) staticJoin(eg *extGroup, req *JoinRequest) (res JoinResult, answered, done bool) {
	if req.MemberID != "" {
		if code := eg.staticCheck(req.MemberID, req.InstanceID); code != "" {
			return JoinResult{Err: code, Generation: -1, MemberID: req.MemberID}, true, true
		}
		return JoinResult{}, false, false
	}
	// A new member id, from the instance id (GroupMetadata.generateMemberId);
	// a static member needs no MEMBER_ID_REQUIRED round (KIP-394).
	newID := req.InstanceID + "-" + s.uuid()
	old := eg.staticMember(req.InstanceID)
	if old == nil {
		req.MemberID = newID
		eg.pending = append(eg.pending, newID)
		return JoinResult{}, false, false
	}
	leader := eg.leader
	s.replaceStaticMember(eg, old, newID, req)
	switch eg.state {
	case GroupStable:
		if eg.selectProtocol() == eg.protocol {
			// No rebalance: the same generation, the old leader named so
			// a returning leader does not assign again, and SyncGroup
			// hands back the assignment the instance had.
			return JoinResult{Err: "NONE", Generation: eg.generation, ProtocolType: eg.protocolType, Protocol: eg.protocol,
				Leader: leader, MemberID: newID}, true, true
		}
		old.joinTicket = req.Ticket
		s.prepareRebalance(eg, ReasonJoin, newID)
	case GroupCompletingRebalance:
		// The leader may be assigning to the old member id: start over.
		old.joinTicket = req.Ticket
		s.prepareRebalance(eg, ReasonJoin, newID)
	default:
		old.joinTicket = req.Ticket
	}
	s.maybeCompleteExternalJoin(eg, false)
	return JoinResult{}, false, true
}

// replaceStaticMember gives the instance's member a new id
// (GroupMetadata.replaceStaticMember): a JoinGroup or SyncGroup the old
// id still waits on is answered FENCED_INSTANCE_ID, and leadership moves
// with the instance.
func (s *Sim) replaceStaticMember(eg *extGroup, m *extMember, newID string, req *JoinRequest) {
	if m.joinTicket != 0 {
		res := JoinResult{Err: "FENCED_INSTANCE_ID", Generation: -1, MemberID: m.id}
		s.reply(ExternalReply{Ticket: m.joinTicket, Join: &res})
		m.joinTicket = 0
	}
	s.answerSync(eg, m, "FENCED_INSTANCE_ID")
	s.emit(&Event{Type: EvNote, Group: eg.id, Member: newID, Text: "static member " + req.InstanceID + " of group " + eg.id +
		" joined again with a new member id (" + newID + ", was " + m.id + "): it keeps its partitions, and the old id is fenced (KIP-345)"})
	if eg.leader == m.id {
		eg.leader = newID
	}
	m.id, m.clientID, m.host = newID, req.ClientID, req.ClientHost
	m.sessionMs, m.rebalanceMs, m.protocols, m.topics = req.SessionMs, req.RebalanceMs, req.Protocols, req.Topics
	m.lastSeenMs = s.nowMs
	eg.subscribe(req.Topics)
}

// LeavingMember is one member a LeaveGroup names: by member id, or (v3+,
// KIP-345) by instance id with an empty member id.
type LeavingMember struct {
	MemberID, InstanceID string
}

// leavingID resolves a LeaveGroup entry to a member id, or an error.
func (eg *extGroup) leavingID(lm LeavingMember) (string, string) {
	if eg == nil {
		return "", "UNKNOWN_MEMBER_ID"
	}
	if lm.MemberID == "" && lm.InstanceID != "" {
		if m := eg.staticMember(lm.InstanceID); m != nil {
			return m.id, ""
		}
		return "", "UNKNOWN_MEMBER_ID"
	}
	if code := eg.staticCheck(lm.MemberID, lm.InstanceID); code != "" {
		return "", code
	}
	if eg.member(lm.MemberID) == nil {
		return "", "UNKNOWN_MEMBER_ID"
	}
	return lm.MemberID, ""
}
