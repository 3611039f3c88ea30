package sim

import "sort"

// A consumer's side of a rebalance: JoinGroup, giving up partitions
// before rejoining (eager) or only those that move (cooperative), and
// taking the assignment the group leader computed
// (ConsumerCoordinator.onJoinComplete).

// join sends JoinGroup for a member the coordinator does not know.
func (s *Sim) join(g *group, m *member) {
	if m.lostOnRejoin {
		stored := m.assigned
		s.losePartitions(g, m)
		if m.inGroup {
			m.assigned = stored
			// A static member's poll timeout sent no LeaveGroup: the
			// coordinator still holds it, so it rejoins under its
			// group.instance.id.
			s.staticRejoin(g, m)
			return
		}
	}
	m.inGroup, m.joined = true, true
	m.joinedAtMs = s.nowMs
	m.state = MemberJoining
	m.lastAutoCommitMs = s.nowMs
	s.emit(&Event{Type: EvMemberJoined, Group: g.cfg.ID, Member: m.name, Text: m.memberID, Broker: s.coordinator(g), Gen: g.generation})
	if g.state == GroupPreparingRebalance {
		if g.delayUntil > s.nowMs {
			// Each join during the initial delay pushes the rebalance back
			// (group.initial.rebalance.delay.ms), up to the rebalance timeout.
			g.delayUntil = min(s.nowMs+s.cfg.Cluster.GroupInitialRebalanceDelayMs, g.joinDeadline)
			g.rebalanceGen++
			s.schedule(g.delayUntil-s.nowMs, groupItem(itJoinDelayOver, g, g.rebalanceGen))
			s.schedule(g.joinDeadline-s.nowMs, groupItem(itRebalanceTimeout, g, g.rebalanceGen))
			return
		}
		s.maybeCompleteJoin(g, false)
		return
	}
	s.startRebalance(g, ReasonJoin, m.name)
	s.maybeCompleteJoin(g, false)
}

// rejoin: the member learned of a rebalance. Eager protocols give up every
// partition first; cooperative-sticky keeps them and goes on consuming.
// It reports whether the member must wait for its new assignment.
func (s *Sim) rejoin(g *group, m *member) bool {
	m.joined = true
	cooperative := g.protocol == AssignorCooperativeSticky
	if !cooperative && len(m.assigned) > 0 {
		if g.cfg.Commit == CommitAuto {
			// The Java client commits before giving partitions up.
			s.commitPositions(g, m, true)
		}
		s.emit(&Event{Type: EvRevoked, Group: g.cfg.ID, Member: m.name, Gen: g.generation, Count: len(m.assigned),
			Text: tpList(m.assigned), Reason: ReasonNone})
		m.owned = m.assigned
		m.ownedGen = m.genSynced
		m.assigned = nil
	}
	if !cooperative {
		m.state = MemberRebalancing
	}
	s.maybeCompleteJoin(g, false)
	return !cooperative
}

// deliverAssignment is SyncGroup's answer reaching a member.
// secondRound says a cooperative follow-up rebalance will hand out more.
func (s *Sim) deliverAssignment(g *group, m *member, tps []TopicPartition, secondRound bool) {
	m.joined = false
	if m.state == MemberCrashed {
		// The coordinator stores the assignment, but its owner crashed with
		// its JoinGroup pending: nobody fetches these partitions until the
		// coordinator removes it after session.timeout.ms.
		m.assigned = append([]TopicPartition(nil), tps...)
		s.emit(&Event{Type: EvAssigned, Group: g.cfg.ID, Member: m.name, Gen: g.generation, Count: len(tps),
			Text: tpList(tps), Reason: ReasonDeadClient, TimeoutMs: g.cfg.SessionTimeoutMs})
		return
	}
	m.genSynced = g.generation
	var revoked, added []TopicPartition
	for _, tp := range m.assigned {
		if !containsTP(tps, tp) {
			revoked = append(revoked, tp)
		}
	}
	for _, tp := range tps {
		if !containsTP(m.assigned, tp) {
			added = append(added, tp)
		}
	}
	if len(revoked) > 0 {
		s.emit(&Event{Type: EvRevoked, Group: g.cfg.ID, Member: m.name, Gen: g.generation, Count: len(revoked),
			Text: tpList(revoked), Reason: ReasonCooperative})
		for _, tp := range revoked {
			m.positions.del(s.tpid(tp))
		}
	}
	m.assigned = append([]TopicPartition(nil), tps...)
	m.owned = m.assigned
	m.ownedGen = g.generation
	m.state = MemberActive
	if len(tps) == 0 {
		m.state = MemberIdle
	}
	why := Reason(g.protocol)
	if secondRound && len(tps) == 0 {
		why = ReasonCooperative
	}
	if m.staticReturn {
		why = ReasonStaticRejoin
		m.staticReturn = false
	}
	crowded := int64(0) // for an idle member: the partition count, when members outnumber partitions
	if total := len(s.groupTPs(g)); len(tps) == 0 && g.activeCount() > total {
		crowded = int64(total)
	}
	s.emit(&Event{Type: EvAssigned, Group: g.cfg.ID, Member: m.name, Gen: g.generation, Count: len(tps),
		Text: tpList(tps), PartitionsAdded: int32(len(added)), Reason: why, Partitions: int32(crowded)})
	for _, tp := range added {
		s.initPosition(g, m, tp)
	}
	if m.state != MemberCrashed && !m.processing {
		s.schedulePoll(g, m, 0)
	}
}

func containsTP(tps []TopicPartition, tp TopicPartition) bool {
	for _, x := range tps {
		if x == tp {
			return true
		}
	}
	return false
}

func sortTPs(tps []TopicPartition) {
	sort.Slice(tps, func(i, j int) bool { return lessTP(tps[i], tps[j]) })
}
