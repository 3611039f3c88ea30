package sim

// max.poll.interval.ms (KIP-62). The Java client's heartbeat thread keeps
// the member alive while the application works, but it also watches the
// poll timer: when poll() has not been called for max.poll.interval.ms
// (AbstractCoordinator.HeartbeatThread, "consumer poll timeout has
// expired") it leaves the group on the member's behalf
// (maybeLeaveGroup), resetting the member's generation. The group
// rebalances without it; its late commit fails with CommitFailedException,
// and on its next poll() it gives its partitions up as lost and joins again
// as a new member.

// schedulePollTimer arms the heartbeat thread's check for a batch whose
// processing will outlast max.poll.interval.ms. Asynchronous processing
// keeps polling, so its poll timer never runs out.
func (s *Sim) schedulePollTimer(g *group, m *member) {
	if g.cfg.AsyncProcessing || !m.inGroup {
		return
	}
	deadline := m.lastPollMs + g.cfg.MaxPollIntervalMs
	done := m.procStartMs + int64(len(m.buffer))*g.cfg.ProcessingMs
	if deadline < done {
		s.schedule(max(deadline-s.nowMs, 0), memberItem(itPollTimer, g, m, 0))
	}
}

// pollTimerDue is the heartbeat thread's check. It acts on what is true
// now, so a check armed for an earlier batch does nothing.
func (s *Sim) pollTimerDue(g *group, m *member) {
	stuck := m.state == MemberPaused || (m.processing && !g.cfg.AsyncProcessing)
	if !m.inGroup || !stuck || m.lostOnRejoin || m.state == MemberCrashed || m.state == MemberClosed {
		return
	}
	if s.nowMs-m.lastPollMs < g.cfg.MaxPollIntervalMs {
		return
	}
	s.pollTimeoutLeave(g, m)
}

// pollTimeoutLeave: the heartbeat thread sends LeaveGroup. The client keeps
// its assignment until its next poll(), where it finds its generation reset.
func (s *Sim) pollTimeoutLeave(g *group, m *member) {
	left := len(m.buffer) - s.processedSoFar(g, m)
	if !m.processing {
		left = 0
	}
	why := ReasonNone
	if m.instanceID != "" {
		why = ReasonStatic
	}
	s.emit(&Event{Type: EvPollTimeout, Group: g.cfg.ID, Member: m.name, DurationMs: s.nowMs - m.lastPollMs,
		TimeoutMs: g.cfg.MaxPollIntervalMs, Count: left, Text: tpList(m.assigned), Gen: m.genSynced, Reason: why})
	m.lostOnRejoin = true
	if m.instanceID != "" {
		// No LeaveGroup from a static member: its heartbeats stop and the
		// coordinator keeps it until session.timeout.ms.
		s.stopHeartbeats(g, m)
		return
	}
	kept := m.assigned
	s.removeMember(g, m, ReasonPollTimeout)
	m.assigned = kept
}

// losePartitions is the next poll() of a member whose generation was reset:
// onPartitionsLost, and a fresh member id for the new JoinGroup. With
// auto-commit it first tries to commit, which fails as well.
func (s *Sim) losePartitions(g *group, m *member) {
	m.lostOnRejoin = false
	if len(m.assigned) > 0 {
		if g.cfg.Commit == CommitAuto {
			s.commitPositions(g, m, false)
		}
		s.emit(&Event{Type: EvRevoked, Group: g.cfg.ID, Member: m.name, Gen: m.genSynced, Count: len(m.assigned),
			Text: tpList(m.assigned), Reason: ReasonPartitionsLost})
	}
	m.assigned, m.owned = nil, nil
	m.positions = tpTable[int64]{}
	m.memberID = m.clientID + "-" + s.uuid()
}
