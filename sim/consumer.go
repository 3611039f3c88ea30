package sim

import (
	"fmt"
	"sort"
	"strconv"
)

// member is one KafkaConsumer in a group: its life (running, paused,
// crashed, closed), its place in the group, and its poll loop.
type member struct {
	idx      int
	name     string // c1, c2...
	clientID string
	memberID string
	state    MemberState
	// gen bumps whenever the member's queued items must go stale: a crash,
	// a restart, or a poll rescheduled earlier.
	gen int32
	// procGen does the same for the end of processing, which runs beside
	// the poll loop when processing is asynchronous.
	procGen int32

	inGroup    bool  // the coordinator counts it as a member
	joined     bool  // it has (re)joined during the current rebalance
	joinedAtMs int64 // when it first joined this membership
	rejoinAtMs int64 // when it learns a rebalance is under way
	genSynced  int   // the generation its assignment belongs to

	assigned  []TopicPartition
	owned     []TopicPartition // what it reports as owned when rejoining
	ownedGen  int
	positions map[TopicPartition]int64
	// fetchEpochs holds KIP-320 validation state beside each position.
	fetchEpochs map[TopicPartition]fetchEpoch
	cursor      int // which assigned partition poll starts from, for fairness

	buffer      []bufRec // records poll returned and it has not processed yet
	processing  bool
	procStartMs int64
	procDone    int // records of buffer already credited

	lastPollMs       int64
	lastAutoCommitMs int64
	// pendingCommit holds positions a commitSync still has to deliver.
	pendingCommit map[TopicPartition]int64
	txn           memberTxn
	// pausedFrom and pausedAtMs remember what a paused member was doing.
	pausedFrom MemberState
	pausedAtMs int64
	// lostOnRejoin: the heartbeat thread left the group for it (poll
	// timeout); its next poll() gives its partitions up as lost.
	lostOnRejoin bool
	// instanceID is group.instance.id for a static member (KIP-345).
	instanceID string
	// staticReturn: a restarted static member whose old membership the
	// coordinator still holds; its first poll() takes it over.
	staticReturn bool
	// ghost is the coordinator's record of a crashed instance that was
	// restarted as a new member: it holds its partitions until its
	// session expires. Commands and views skip it.
	ghost bool
	// sessionDueMs is when a crashed member's session runs out, once known.
	sessionDueMs int64
}

type bufRec struct {
	tp     TopicPartition
	offset int64
	rec    int32
}

func (s *Sim) newMember(g *group, startMs int64) *member {
	g.clientSeq++
	n := g.consumerCount()
	m := &member{idx: len(g.members), name: memberName(n), state: MemberJoining}
	if g.cfg.GroupInstanceID != "" {
		m.instanceID = g.cfg.GroupInstanceID + "-" + strconv.Itoa(n+1)
	}
	s.newIncarnation(g, m)
	g.members = append(g.members, m)
	s.schedule(max(startMs-s.nowMs, 0), memberItem(itConsumerPoll, g, m, m.gen))
	return m
}

// newIncarnation gives a (re)started consumer a fresh member id: a new
// KafkaConsumer instance gets a new one from the coordinator.
func (s *Sim) newIncarnation(g *group, m *member) {
	m.clientID = fmt.Sprintf("consumer-%s-%s", g.cfg.ID, m.name[1:])
	if g.cfg.ClientID != "" {
		m.clientID = g.cfg.ClientID
	}
	m.memberID = m.clientID + "-" + s.uuid()
	m.positions = map[TopicPartition]int64{}
	m.fetchEpochs = map[TopicPartition]fetchEpoch{}
	m.assigned, m.owned, m.buffer = nil, nil, nil
	m.processing, m.procDone = false, 0
	m.pendingCommit = nil
	m.txn = memberTxn{}
	m.lostOnRejoin = false
	m.staticReturn = false
	m.sessionDueMs = 0
	m.gen++
}

// uuid makes a random UUID string from the group stream.
func (s *Sim) uuid() string {
	a, b := s.rngGroup.Uint64(), s.rngGroup.Uint64()
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", uint32(a>>32), uint16(a>>16), uint16(a)&0x0fff|0x4000,
		uint16(b>>48)&0x3fff|0x8000, b&0xffffffffffff)
}

func (m *member) untilNextHeartbeat(now, intervalMs int64) int64 {
	if intervalMs <= 0 {
		return 0
	}
	return intervalMs - (now-m.joinedAtMs)%intervalMs
}

// memberAt is consumer c<i>, counting only live consumers, not ghosts.
func (s *Sim) memberAt(g *group, i int) *member {
	for _, m := range g.members {
		if m.ghost {
			continue
		}
		if i--; i == 0 {
			return m
		}
	}
	return nil
}

// consumerCount is how many consumers (c1..cN) the group has had.
func (g *group) consumerCount() int {
	n := 0
	for _, m := range g.members {
		if !m.ghost {
			n++
		}
	}
	return n
}

func (s *Sim) schedulePoll(g *group, m *member, delayMs int64) {
	m.gen++
	s.schedule(delayMs, memberItem(itConsumerPoll, g, m, m.gen))
}

// poll is one call of KafkaConsumer.poll(): join or rejoin the group if
// needed, auto-commit, then fetch records to process.
func (s *Sim) poll(it item) {
	g := s.groups[it.groupIdx()]
	m := g.members[it.memberIdx()]
	if it.gen != m.gen || m.state == MemberCrashed || m.state == MemberClosed || m.state == MemberPaused {
		return
	}
	m.lastPollMs = s.nowMs
	if m.pendingCommit != nil && !s.deliverCommit(g, m, m.pendingCommit, false) {
		s.schedulePoll(g, m, commitRetryBackoffMs)
		return
	}
	if m.staticReturn {
		s.staticRejoin(g, m)
		return
	}
	if !m.inGroup || m.lostOnRejoin {
		s.join(g, m)
		return
	}
	if g.state == GroupPreparingRebalance && !m.joined && s.nowMs >= m.rejoinAtMs {
		if s.rejoin(g, m) {
			return
		}
	}
	if m.state == MemberJoining || m.state == MemberRebalancing {
		return // it waits for its assignment
	}
	if g.cfg.Commit == CommitAuto && s.nowMs-m.lastAutoCommitMs >= g.cfg.AutoCommitIntervalMs {
		m.lastAutoCommitMs = s.nowMs
		s.commitPositions(g, m, false)
	}
	if s.fetch(g, m) {
		s.startProcessing(g, m)
		return
	}
	wait := g.cfg.FetchMaxWaitMs
	if g.state == GroupPreparingRebalance && !m.joined && m.rejoinAtMs > s.nowMs {
		wait = min(wait, m.rejoinAtMs-s.nowMs)
	}
	s.schedulePoll(g, m, max(wait, 1))
}

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
	s.emit(Event{Type: EvMemberJoined, Group: g.cfg.ID, Member: m.name, Text: m.memberID, Broker: s.coordinator(g), Gen: g.generation})
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
		s.emit(Event{Type: EvRevoked, Group: g.cfg.ID, Member: m.name, Gen: g.generation, Count: len(m.assigned),
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
		s.emit(Event{Type: EvAssigned, Group: g.cfg.ID, Member: m.name, Gen: g.generation, Count: len(tps),
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
		s.emit(Event{Type: EvRevoked, Group: g.cfg.ID, Member: m.name, Gen: g.generation, Count: len(revoked),
			Text: tpList(revoked), Reason: ReasonCooperative})
		for _, tp := range revoked {
			delete(m.positions, tp)
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
	s.emit(Event{Type: EvAssigned, Group: g.cfg.ID, Member: m.name, Gen: g.generation, Count: len(tps),
		Text: tpList(tps), Offset: int64(len(added)), Reason: why, Partitions: int32(crowded)})
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

// initPosition starts a newly assigned partition at the committed offset,
// or where auto.offset.reset says when there is none.
func (s *Sim) initPosition(g *group, m *member, tp TopicPartition) {
	if off, ok := g.committed[tp]; ok {
		m.positions[tp] = off
		// A committed offset with its leader epoch is validated before the
		// first fetch (seekUnvalidated), as after a leader change.
		last, known := g.committedEpoch[tp]
		if !known {
			last = -1
		}
		m.fetchEpochs[tp] = fetchEpoch{last: last, validated: -1}
		return
	}
	s.resetPosition(g, m, tp, ReasonNoOffset, -1)
}

// resetPosition applies auto.offset.reset. It reports false for "none",
// which stops the consumer with an error.
func (s *Sim) resetPosition(g *group, m *member, tp TopicPartition, why Reason, from int64) bool {
	_, t := s.topicByName(tp.Topic)
	if t == nil || tp.Partition >= len(t.parts) {
		return false
	}
	p := t.parts[tp.Partition]
	var to int64
	switch g.cfg.AutoOffsetReset {
	case "earliest":
		to = s.logStartOf(p)
	case "latest":
		to = s.readLimit(g, p)
	default:
		s.emit(Event{Type: EvConsumerError, Group: g.cfg.ID, Member: m.name, Topic: tp.Topic, Partition: tp.Partition,
			Reason: why, Offset: from, Err: "NoOffsetForPartitionException"})
		s.crashMember(g, m, "auto.offset.reset=none")
		return false
	}
	m.positions[tp] = to
	m.fetchEpochs[tp] = fetchEpoch{last: -1, validated: p.leaderEpoch}
	g.history.resets = append(g.history.resets, resetRec{tp: tp, from: from, to: to, policy: g.cfg.AutoOffsetReset, atMs: s.nowMs})
	s.emit(Event{Type: EvOffsetReset, Group: g.cfg.ID, Member: m.name, Topic: tp.Topic, Partition: tp.Partition,
		Reason: why, Offset: from, EndOffset: to, Text: g.cfg.AutoOffsetReset})
	return true
}

// logStartOf is the leader's log start offset (or any replica's when offline).
func (s *Sim) logStartOf(p *partition) int64 {
	if r := p.leaderRep(); r != nil {
		return r.logStart
	}
	return p.reps[0].logStart
}

// readLimit is how far a consumer of the group may read: the high
// watermark, or for read_committed the last stable offset.
func (s *Sim) readLimit(g *group, p *partition) int64 {
	if g.cfg.IsolationLevel == "read_committed" {
		return p.lastStable()
	}
	return p.hw
}

// lastStable is the LSO: the high watermark, or the first offset of the
// oldest transaction still open, whichever is lower.
func (p *partition) lastStable() int64 {
	lso := p.hw
	for _, t := range p.openTxns {
		lso = min(lso, t.first)
	}
	return lso
}

// hwAdvancedForConsumers wakes consumers waiting in an empty poll on p.
func (s *Sim) hwAdvancedForConsumers(p *partition) {
	tp := p.tp()
	for _, g := range s.groups {
		for _, m := range g.members {
			if m.state == MemberActive && (!m.processing || g.cfg.AsyncProcessing) && m.pendingCommit == nil && containsTP(m.assigned, tp) {
				s.schedulePoll(g, m, s.cfg.Cluster.NetworkDelayMs)
			}
		}
	}
}

// leaderMovedForConsumers: consumers fetch from the new leader; nothing to
// do but wake them, since their positions carry over.
func (s *Sim) leaderMovedForConsumers(p *partition) {
	s.leadersChangedForProducers()
	s.hwAdvancedForConsumers(p)
}

// brokerCrashedConsumers: nothing happens to consumers at once; they find
// out through failed fetches and the coordinator moving.
func (s *Sim) brokerCrashedConsumers(int) {}

func sortTPs(tps []TopicPartition) {
	sort.Slice(tps, func(i, j int) bool { return lessTP(tps[i], tps[j]) })
}
