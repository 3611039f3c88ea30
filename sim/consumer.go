package sim

import (
	"fmt"
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
	// startMs is when it was created to start: its first poll.
	startMs int64
	// gen bumps whenever the member's queued items must go stale: a crash,
	// a restart, or a poll rescheduled earlier.
	gen int32
	// procGen does the same for the end of processing, which runs beside
	// the poll loop when processing is asynchronous.
	procGen int32
	// fetchWaitUntil is when the broker answers a fetch it holds for
	// fetch.min.bytes, 0 when none is held. consumer_fetch_wait.go.
	fetchWaitUntil int64

	inGroup    bool  // the coordinator counts it as a member
	joined     bool  // it has (re)joined during the current rebalance
	joinedAtMs int64 // when it first joined this membership
	rejoinAtMs int64 // when it learns a rebalance is under way
	genSynced  int   // the generation its assignment belongs to

	assigned []TopicPartition
	owned    []TopicPartition // what it reports as owned when rejoining
	ownedGen int
	// positions is the next offset to read of each partition, by tpIndex id.
	positions tpTable[int64]
	// fetchEpochs holds KIP-320 validation state beside each position.
	fetchEpochs tpTable[fetchEpoch]
	cursor      int // which assigned partition poll starts from, for fairness
	// assignedSet answers "is this partition assigned?" (consumer_position.go).
	assignedSet assignedSet

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
	// topicIdx is tp's topic as an index, the record's own (a log holds
	// only its topic's records): counting it needs no ledger lookup.
	topicIdx int32
}

func (s *Sim) newMember(g *group, startMs int64) *member {
	g.clientSeq++
	n := g.consumerCount()
	m := &member{idx: len(g.members), name: memberName(n), state: MemberJoining, startMs: startMs}
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
	m.positions = tpTable[int64]{}
	m.fetchEpochs = tpTable[fetchEpoch]{}
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
	if s.holdFetch(g, m) {
		return
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
