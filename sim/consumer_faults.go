package sim

import "fmt"

// What can happen to a consumer from outside: crashes, restarts, a clean
// close, a stall (pause), and new consumers joining.

// crashMember stops a consumer dead: no commit, no LeaveGroup. What it had
// processed stays processed; the coordinator notices after session.timeout.ms.
func (s *Sim) crashMember(g *group, m *member, why string) {
	if m.state == MemberCrashed || m.state == MemberClosed {
		return
	}
	done := s.processedSoFar(g, m)
	s.creditProcessed(g, m, done)
	uncommitted := s.uncommittedProcessed(g, m)
	// Records it fetched, never processed, yet already committed past: with
	// commit-before-processing these will never be read again.
	skipped := 0
	for _, r := range m.buffer[done:] {
		if c, ok := g.committed.get(s.tpid(r.tp)); ok && r.offset < c {
			skipped++
		}
	}
	if g.cfg.Commit == CommitTransactional {
		uncommitted, skipped = 0, 0
	}
	m.state = MemberCrashed
	m.processing = false
	m.gen++
	g.history.crashes = append(g.history.crashes, crashRec{member: m.name, gen: m.genSynced, atMs: s.nowMs})
	s.emit(&Event{Type: EvConsumerCrashed, Group: g.cfg.ID, Member: m.name, Gen: m.genSynced, Count: uncommitted,
		RecordsSkipped: int32(skipped), Text: why, TimeoutMs: g.cfg.SessionTimeoutMs, Reason: Reason(g.cfg.Commit)})
	m.buffer = nil
	m.pendingCommit = nil
	if !m.inGroup || (m.joined && g.state == GroupPreparingRebalance) {
		// A member whose JoinGroup is pending counts as alive
		// (MemberMetadata.hasSatisfiedHeartbeat); its session timer starts
		// when the join completes (see completeJoin).
		return
	}
	// Heartbeats stop; the coordinator gives up session.timeout.ms after the
	// last one.
	last := s.nowMs
	if iv := g.cfg.HeartbeatIntervalMs; iv > 0 {
		last = s.nowMs - (s.nowMs-m.joinedAtMs)%iv
	}
	m.sessionDueMs = max(last+g.cfg.SessionTimeoutMs, s.nowMs)
	s.schedule(m.sessionDueMs-s.nowMs, memberItem(itSessionCheck, g, m, m.gen))
}

// uncommittedProcessed counts records the member processed beyond its
// group's committed offsets: the ones another member will process again.
func (s *Sim) uncommittedProcessed(g *group, m *member) int {
	n := 0
	name := g.history.nameIndex(m.name)
	for _, tp := range m.assigned {
		id := s.tpid(tp)
		c, ok := g.committed.get(id)
		pos := m.positions.at(id)
		if !ok {
			c = -1
		}
		for i := g.history.processed.Len() - 1; i >= 0; i-- {
			pr := g.history.processed.At(i)
			if pr.tp != id || pr.member != name {
				continue
			}
			lo := max(pr.from, c)
			hi := min(pr.to, pos)
			if hi > lo {
				n += int(hi - lo)
			}
			if pr.from <= c {
				break
			}
		}
	}
	return n
}

// sessionExpired: the coordinator heard nothing for session.timeout.ms.
func (s *Sim) sessionExpired(it item) {
	g := s.groups[it.groupIdx()]
	m := g.members[it.memberIdx()]
	if it.gen != m.gen || !m.inGroup {
		return
	}
	switch {
	case m.state == MemberCrashed:
		s.removeMember(g, m, ReasonSessionTimeout)
	case m.state == MemberPaused:
		s.pollTimerDue(g, m)
	}
}

func (s *Sim) restartMember(g *group, m *member) error {
	if m.state != MemberCrashed && m.state != MemberClosed {
		return fmt.Errorf("consumer %s of group %s is running: crash or close it first", m.name, g.cfg.ID)
	}
	wasIn := m.inGroup
	if m.txn.open {
		// The new instance's initTransactions() uses the same
		// transactional.id: it bumps the epoch, fencing the old instance,
		// and the coordinator aborts what the old one left open.
		s.abortTxn(g, m, "the restarted instance's initTransactions() fenced the old one")
	}
	static := wasIn && m.instanceID != ""
	stored := m.assigned
	if wasIn && !static {
		s.leaveGhost(g, m)
	}
	s.newIncarnation(g, m)
	m.inGroup = false
	m.state = MemberJoining
	if static {
		// The coordinator still holds this group.instance.id and its
		// assignment; the first poll() takes them over.
		m.inGroup, m.staticReturn, m.assigned = true, true, stored
	}
	why := ReasonNone
	if static {
		why = ReasonStaticRejoin
	}
	s.emit(&Event{Type: EvConsumerRestarted, Group: g.cfg.ID, Member: m.name, Text: m.memberID, NewInstance: wasIn,
		Reason: why, TimeoutMs: g.cfg.SessionTimeoutMs})
	s.schedulePoll(g, m, 0)
	return nil
}

// closeMember is consumer.close(): commit if auto-commit is on, then
// LeaveGroup so the group rebalances at once.
func (s *Sim) closeMember(g *group, m *member) error {
	if m.state == MemberCrashed || m.state == MemberClosed {
		return fmt.Errorf("consumer %s of group %s is not running", m.name, g.cfg.ID)
	}
	done := s.processedSoFar(g, m)
	s.creditProcessed(g, m, done)
	s.abortMemberTxn(g, m)
	if g.cfg.Commit == CommitAuto || g.cfg.Commit == CommitAfterProcessing {
		// A clean shutdown finishes the current record and commits what
		// was processed.
		for _, r := range m.buffer[done:] {
			if id := s.tpid(r.tp); r.offset < m.positions.at(id) {
				m.positions.set(id, r.offset)
			}
		}
		s.commitPositions(g, m, true)
	}
	m.state = MemberClosed
	m.processing = false
	m.buffer = nil
	m.gen++
	if m.instanceID != "" && m.inGroup {
		// A static member sends no LeaveGroup: its partitions wait for it
		// until its session expires.
		s.emit(&Event{Type: EvMemberLeft, Group: g.cfg.ID, Member: m.name, Reason: ReasonStatic,
			Text: tpList(m.assigned), TimeoutMs: g.cfg.SessionTimeoutMs})
		s.stopHeartbeats(g, m)
		return nil
	}
	s.removeMember(g, m, ReasonLeave)
	return nil
}

// pauseMember stalls the application: it stops calling poll() (a long GC
// pause, a stuck call). Heartbeats go on from the background thread.
func (s *Sim) pauseMember(g *group, m *member) error {
	if m.state == MemberCrashed || m.state == MemberClosed || m.state == MemberPaused {
		return fmt.Errorf("consumer %s of group %s cannot be paused now (it is %s)", m.name, g.cfg.ID, m.state)
	}
	if g.cfg.Commit == CommitTransactional && m.processing {
		// What it processed before stalling was sent inside its transaction.
		s.creditProcessed(g, m, s.processedSoFar(g, m))
	}
	m.pausedFrom = m.state
	m.pausedAtMs = s.nowMs
	m.state = MemberPaused
	m.gen++
	s.emit(&Event{Type: EvConsumerPaused, Group: g.cfg.ID, Member: m.name, TimeoutMs: g.cfg.MaxPollIntervalMs})
	if m.inGroup {
		s.schedule(max(m.lastPollMs+g.cfg.MaxPollIntervalMs-s.nowMs, 0), memberItem(itSessionCheck, g, m, m.gen))
	}
	return nil
}

func (s *Sim) resumeMember(g *group, m *member) error {
	if m.state != MemberPaused {
		return fmt.Errorf("consumer %s of group %s is not paused", m.name, g.cfg.ID)
	}
	m.state = m.pausedFrom
	m.gen++
	s.emit(&Event{Type: EvConsumerResumed, Group: g.cfg.ID, Member: m.name, StillMember: m.inGroup, DurationMs: s.nowMs - m.pausedAtMs})
	if m.processing {
		// It picks up where it stalled.
		m.procStartMs += s.nowMs - m.pausedAtMs
		m.procGen++
		s.schedule(max(m.procStartMs+int64(len(m.buffer))*g.cfg.ProcessingMs-s.nowMs, 0),
			memberItem(itConsumerProcessed, g, m, m.procGen))
		s.schedulePollTimer(g, m)
		if g.cfg.AsyncProcessing {
			s.schedulePoll(g, m, 0)
		}
		return nil
	}
	s.schedulePoll(g, m, 0)
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
