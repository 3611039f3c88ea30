package sim

// A live group's rebalance: PreparingRebalance until every member has
// rejoined (or the timeouts run out), then the next generation, and the
// timers that remove silent members.

// prepareRebalance moves the group to PreparingRebalance: every member
// must send JoinGroup again within the rebalance timeout (the largest
// max.poll.interval.ms among them). A group leaving Empty first waits
// group.initial.rebalance.delay.ms for more members.
func (s *Sim) prepareRebalance(eg *extGroup, why Reason, who string) {
	if eg.state == GroupCompletingRebalance {
		for _, m := range eg.members {
			s.answerSync(eg, m, "REBALANCE_IN_PROGRESS")
		}
	}
	fromEmpty := eg.state == GroupEmpty
	eg.state = GroupPreparingRebalance
	timeout := int64(0)
	for _, m := range eg.members {
		timeout = max(timeout, m.rebalanceMs)
	}
	eg.deadline = s.nowMs + timeout
	eg.delayUntil = 0
	if fromEmpty {
		eg.delayUntil = s.nowMs + min(s.cfg.Cluster.GroupInitialRebalanceDelayMs, timeout)
	}
	s.emit(&Event{Type: EvRebalanceStarted, Group: eg.id, Member: who, Reason: why})
	s.armGroupTimer(eg, max(eg.delayUntil, s.nowMs))
	s.armGroupTimer(eg, eg.deadline)
}

// armGroupTimer queues a check of the group's timers at ms unless an
// earlier one is queued.
func (s *Sim) armGroupTimer(eg *extGroup, ms int64) {
	if eg.timerAt >= 0 && eg.timerAt <= ms && eg.timerAt >= s.nowMs {
		return
	}
	eg.timerAt = ms
	s.schedule(ms-s.nowMs, externalGroupItem(s.extGroupIndex(eg), ms))
}

func (s *Sim) extGroupIndex(eg *extGroup) int {
	for i, g := range s.ext().groups {
		if g == eg {
			return i
		}
	}
	return -1
}

// externalGroupTimer: the join delay or rebalance timeout may have run
// out, or a member may have stopped heartbeating.
func (s *Sim) externalGroupTimer(it item) {
	eg := s.ext().groups[it.liveGroupIdx()]
	if it.armedAtMs() == eg.timerAt {
		eg.timerAt = -1
	}
	if eg.state == GroupPreparingRebalance {
		s.maybeCompleteExternalJoin(eg, s.nowMs >= eg.deadline)
	}
	s.expireSilentMembers(eg)
	s.armNextGroupTimer(eg)
}

func (s *Sim) armNextGroupTimer(eg *extGroup) {
	next := int64(-1)
	consider := func(ms int64) {
		if ms > s.nowMs && (next < 0 || ms < next) {
			next = ms
		}
	}
	if eg.state == GroupPreparingRebalance {
		consider(eg.delayUntil)
		consider(eg.deadline)
	}
	for _, m := range eg.members {
		if m.joinTicket == 0 {
			consider(m.lastSeenMs + m.sessionMs)
		}
	}
	if next >= 0 {
		s.armGroupTimer(eg, next)
	}
}

// expireSilentMembers removes members that sent nothing for
// session.timeout.ms (a member waiting in JoinGroup is kept alive by it).
func (s *Sim) expireSilentMembers(eg *extGroup) {
	var gone []string
	for _, m := range eg.members {
		if m.joinTicket == 0 && s.nowMs-m.lastSeenMs >= m.sessionMs {
			gone = append(gone, m.id)
			s.emit(&Event{Type: EvMemberExpired, Group: eg.id, Member: m.id, TimeoutMs: m.sessionMs})
		}
	}
	if len(gone) == 0 {
		return
	}
	for _, id := range gone {
		s.dropExternalMember(eg, id)
	}
	s.membersLeft(eg, ReasonSessionTimeout, gone[0])
}

func (s *Sim) dropExternalMember(eg *extGroup, id string) {
	for i, m := range eg.members {
		if m.id == id {
			s.answerSync(eg, m, "UNKNOWN_MEMBER_ID")
			eg.members = append(eg.members[:i:i], eg.members[i+1:]...)
			return
		}
	}
}

// membersLeft rebalances the group without the members that left, or
// empties it.
func (s *Sim) membersLeft(eg *extGroup, why Reason, who string) {
	if eg.state != GroupPreparingRebalance {
		s.prepareRebalance(eg, why, who)
	}
	s.maybeCompleteExternalJoin(eg, false)
}

// maybeCompleteExternalJoin ends the join phase once every member has
// rejoined (after the initial delay), or at the rebalance timeout, when
// the members that did not rejoin are removed.
func (s *Sim) maybeCompleteExternalJoin(eg *extGroup, timedOut bool) {
	if eg.state != GroupPreparingRebalance {
		return
	}
	all := true
	for _, m := range eg.members {
		all = all && m.joinTicket != 0
	}
	if !timedOut && (!all || s.nowMs < eg.delayUntil) {
		return
	}
	if timedOut {
		keep := eg.members[:0:0]
		for _, m := range eg.members {
			if m.joinTicket == 0 {
				s.emit(&Event{Type: EvMemberExpired, Group: eg.id, Member: m.id, Reason: ReasonRebalanceTimeout})
				continue
			}
			keep = append(keep, m)
		}
		eg.members = keep
	}
	s.completeExternalJoin(eg)
}

// completeExternalJoin starts the next generation: the protocol most
// members prefer among those all support, the leader (kept if still a
// member), and the answers to every waiting JoinGroup; only the leader
// gets the member list.
func (s *Sim) completeExternalJoin(eg *extGroup) {
	eg.generation++
	if len(eg.members) == 0 {
		eg.state, eg.leader, eg.protocol = GroupEmpty, "", ""
		s.emit(&Event{Type: EvRebalanceDone, Group: eg.id, Gen: eg.generation, Text: string(GroupEmpty)})
		return
	}
	eg.protocol = eg.selectProtocol()
	if eg.member(eg.leader) == nil {
		eg.leader = eg.members[0].id
	}
	eg.state = GroupCompletingRebalance
	for _, m := range eg.members {
		res := eg.joinResult(m)
		s.reply(ExternalReply{Ticket: m.joinTicket, Join: &res})
		m.joinTicket, m.lastSeenMs = 0, s.nowMs
		m.readUpTo = nil // what it owned stays its own until SyncGroup (readerOf)
	}
	s.armNextGroupTimer(eg)
}

// selectProtocol is GroupMetadata.selectProtocol: among the protocols every
// member supports, each member votes for the first in its own order; the
// most votes wins (ties go to the first member's preference).
func (eg *extGroup) selectProtocol() string {
	var candidates []string
	for _, p := range eg.members[0].protocols {
		all := true
		for _, m := range eg.members {
			all = all && m.supports(p.Name)
		}
		if all {
			candidates = append(candidates, p.Name)
		}
	}
	votes := make([]int, len(candidates))
	for _, m := range eg.members {
		for _, p := range m.protocols {
			if i := indexOf(candidates, p.Name); i >= 0 {
				votes[i]++
				break
			}
		}
	}
	best := 0
	for i := range candidates {
		if votes[i] > votes[best] {
			best = i
		}
	}
	if len(candidates) == 0 {
		return ""
	}
	return candidates[best]
}

func indexOf(xs []string, x string) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// joinResult is the current generation as a JoinGroup answer for m; the
// leader also gets every member's metadata for the chosen protocol.
func (eg *extGroup) joinResult(m *extMember) JoinResult {
	res := JoinResult{Err: "NONE", Generation: eg.generation, ProtocolType: eg.protocolType, Protocol: eg.protocol,
		Leader: eg.leader, MemberID: m.id}
	if m.id == eg.leader {
		for _, mm := range eg.members {
			res.Members = append(res.Members, GroupMemberInfo{MemberID: mm.id, InstanceID: mm.instanceID, ClientID: mm.clientID, ClientHost: mm.host,
				Metadata: mm.metadataFor(eg.protocol)})
		}
	}
	return res
}
