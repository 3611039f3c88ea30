package sim

// Restarts and static membership (KIP-345).
//
// A restarted KafkaConsumer is a new member: it joins with no member id,
// and the coordinator still counts the crashed instance until its session
// expires (session.timeout.ms), so the rebalance the newcomer starts waits
// for that expiry and the old partitions stay unread meanwhile.
//
// A static member (group.instance.id set) is known by its instance id.
// Restarted within session.timeout.ms, its JoinGroup replaces the old
// member id (GroupCoordinator.updateStaticMemberAndRebalance): in a Stable
// group it gets its previous assignment back without a rebalance. A static
// member never sends LeaveGroup, not on close and not on a poll timeout
// (AbstractCoordinator.maybeLeaveGroup sends it only for dynamic members):
// the coordinator removes it only when its session expires.

// leaveGhost keeps the coordinator's record of a crashed instance that is
// being restarted as a new, dynamic member. The ghost takes the old
// membership (member id, partitions, session timer) to a new slot; m is
// then free for the new instance.
func (s *Sim) leaveGhost(g *group, m *member) {
	gh := *m
	gh.idx = len(g.members)
	gh.ghost = true
	gh.txn = memberTxn{} // the transactional producer went with the old process
	gh.gen = m.gen + 1
	gh.assigned = append([]TopicPartition(nil), m.assigned...)
	gh.positions = m.positions.clone()
	gh.fetchEpochs = m.fetchEpochs.clone()
	g.members = append(g.members, &gh)
	if g.leader == m.idx {
		g.leader = gh.idx
	}
	if gh.sessionDueMs > 0 {
		s.schedule(max(gh.sessionDueMs-s.nowMs, 0), memberItem(itSessionCheck, g, &gh, gh.gen))
	}
	m.inGroup, m.joined = false, false
}

// staticRejoin is a static member's JoinGroup while the coordinator still
// holds its instance id: the new member id replaces the old one.
func (s *Sim) staticRejoin(g *group, m *member) {
	m.staticReturn = true
	m.inGroup = true
	m.joinedAtMs = s.nowMs
	m.lastAutoCommitMs = s.nowMs
	m.state = MemberJoining
	stored := m.assigned // what the coordinator holds for this instance
	m.assigned = nil
	s.emit(&Event{Type: EvMemberJoined, Group: g.cfg.ID, Member: m.name, Text: m.memberID, Broker: s.coordinator(g),
		Gen: g.generation, Reason: ReasonStaticRejoin, Count: len(stored)})
	switch g.state {
	case GroupStable:
		// Same protocol, same assignment: SyncGroup hands back what the
		// instance owned, and nobody else rebalances.
		s.deliverAssignment(g, m, stored, false)
	case GroupPreparingRebalance:
		m.staticReturn = false
		m.joined = true
		s.maybeCompleteJoin(g, false)
	default:
		// CompletingRebalance: the leader may have assigned the old member
		// id, so the coordinator starts another rebalance.
		m.staticReturn = false
		m.joined = true
		s.startRebalance(g, ReasonStaticRejoin, m.name)
		s.maybeCompleteJoin(g, false)
	}
}

// stopHeartbeats: a static member that stopped without LeaveGroup (close,
// poll timeout) is removed when its session runs out, unless it rejoins
// first.
func (s *Sim) stopHeartbeats(g *group, m *member) {
	m.sessionDueMs = s.nowMs + g.cfg.SessionTimeoutMs
	s.schedule(g.cfg.SessionTimeoutMs, memberItem(itStaticSession, g, m, 0))
}

// staticSessionDue checks a static member whose heartbeats stopped.
func (s *Sim) staticSessionDue(g *group, m *member) {
	silent := m.state == MemberClosed || m.state == MemberCrashed || m.lostOnRejoin
	if m.inGroup && silent && !m.staticReturn && s.nowMs >= m.sessionDueMs {
		s.removeMember(g, m, ReasonSessionTimeout)
	}
}
