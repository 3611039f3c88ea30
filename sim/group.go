package sim

import (
	"fmt"
	"sort"
	"strconv"

	"kafkasim/internal/javahash"
)

// group is one consumer group: the coordinator's view (state, generation,
// members, committed offsets) and the consumers themselves.
type group struct {
	cfg        GroupConfig
	idx        int32
	state      GroupState
	generation int
	protocol   string
	leader     int // member index of the group leader, -1 = none
	members    []*member
	committed  map[TopicPartition]int64
	// committedEpoch is the leader epoch stored with each commit (KIP-320).
	committedEpoch map[TopicPartition]int32
	// rebalanceGen bumps on every rebalance start: stale group items are dropped.
	rebalanceGen int32
	joinDeadline int64
	// delayUntil: a group leaving Empty waits group.initial.rebalance.delay.ms
	// for more members before its rebalance completes.
	delayUntil int64
	// procCount[rec] is how many times a member finished processing rec
	// (chunks shared between checkpoints).
	procCount      chunks[uint8]
	processedTotal int // processing completions, repeats included
	history        groupHistory
	clientSeq      int
	// coord is the coordinator the members last knew.
	coord int
}

func (g *group) lastCoordinator() int { return g.coord }
func (g *group) setCoordinator(b int) { g.coord = b }

// groupHistory keeps what the ledger needs to explain a lost or duplicated
// record.
type groupHistory struct {
	processed []procRange
	commits   []commitRec
	resets    []resetRec
	crashes   []crashRec
}

type procRange struct {
	tp       TopicPartition
	from, to int64 // offsets [from, to)
	member   string
	gen      int
	atMs     int64
}

type commitRec struct {
	tp     TopicPartition
	offset int64
	member string
	gen    int
	atMs   int64
}

type resetRec struct {
	tp       TopicPartition
	from, to int64 // the position jumped from..to
	policy   string
	atMs     int64
}

type crashRec struct {
	member string
	gen    int
	atMs   int64
}

// groupByID finds a group; a deleted (Dead) id may have been created again,
// so the newest wins.
func (s *Sim) groupByID(id string) *group {
	for i := len(s.groups) - 1; i >= 0; i-- {
		if s.groups[i].cfg.ID == id {
			return s.groups[i]
		}
	}
	return nil
}

func (s *Sim) addGroup(cfg GroupConfig) error {
	if g := s.groupByID(cfg.ID); g != nil && g.state != GroupDead {
		return fmt.Errorf("group %q already exists", cfg.ID)
	}
	for _, t := range cfg.Topics {
		if _, tp := s.topicByName(t); tp == nil {
			return &UnknownTopicError{Topic: t}
		}
	}
	if len(cfg.Assignors) == 0 {
		cfg.Assignors = []string{AssignorRange, AssignorCooperativeSticky}
	}
	g := &group{cfg: cfg, idx: int32(len(s.groups)), state: GroupEmpty, leader: -1, committed: map[TopicPartition]int64{},
		committedEpoch: map[TopicPartition]int32{}}
	s.groups = append(s.groups, g)
	g.coord = s.coordinator(g)
	for i := 0; i < cfg.Consumers; i++ {
		s.newMember(g, cfg.StartMs)
	}
	return nil
}

// coordinator is the broker leading the group's __consumer_offsets
// partition: abs(groupId.hashCode()) % offsets.topic.num.partitions.
func (s *Sim) coordinator(g *group) int {
	n := s.cfg.Cluster.OffsetsTopicPartitions
	part := int(javahash.Abs(javahash.StringHash(g.cfg.ID)) % int32(n))
	rf := min(s.cfg.Cluster.OffsetsTopicReplicationFactor, len(s.brokers))
	// Its leader is the first replica the controller has not fenced.
	for _, b := range placeReplicas(len(s.brokers), rf, part, 0, 0) {
		if !s.broker(b).fenced {
			return b
		}
	}
	return 0
}

// OffsetsPartition is the __consumer_offsets partition that stores a group's
// offsets, as Kafka computes it.
func OffsetsPartition(groupID string, partitions int) int {
	return int(javahash.Abs(javahash.StringHash(groupID)) % int32(partitions))
}

// activeCount is how many members the coordinator counts.
func (g *group) activeCount() int {
	n := 0
	for _, m := range g.members {
		if m.inGroup {
			n++
		}
	}
	return n
}

// memberName is c1, c2... for the consumer at index i.
func memberName(i int) string { return "c" + strconv.Itoa(i+1) }

// startRebalance moves the group to PreparingRebalance: every member must
// rejoin before the new generation starts.
func (s *Sim) startRebalance(g *group, why Reason, who string) {
	if g.state == GroupPreparingRebalance {
		return
	}
	wasEmpty := g.state == GroupEmpty
	g.state = GroupPreparingRebalance
	g.rebalanceGen++
	delay := int64(0)
	if wasEmpty {
		delay = s.cfg.Cluster.GroupInitialRebalanceDelayMs
	}
	g.joinDeadline = s.nowMs + g.cfg.MaxPollIntervalMs
	g.delayUntil = s.nowMs + delay
	s.emit(Event{Type: EvRebalanceStarted, Group: g.cfg.ID, Gen: g.generation, Reason: why, Member: who,
		Broker: s.coordinator(g), DelayMs: delay})
	for _, m := range g.members {
		if m.inGroup && !m.joined {
			// Members hear of the rebalance in their next heartbeat.
			m.rejoinAtMs = s.nowMs + m.untilNextHeartbeat(s.nowMs, g.cfg.HeartbeatIntervalMs)
		}
	}
	s.schedule(delay, groupItem(itJoinDelayOver, g, g.rebalanceGen))
	s.schedule(g.cfg.MaxPollIntervalMs, groupItem(itRebalanceTimeout, g, g.rebalanceGen))
}

// groupTick: the join phase may be complete (everyone rejoined, or the
// rebalance timeout ran out).
func (s *Sim) groupTick(it item) {
	g := s.groups[it.groupIdx()]
	if it.gen != g.rebalanceGen || g.state != GroupPreparingRebalance {
		return
	}
	if it.kind == itRebalanceTimeout {
		// Rebalance timeout: members that never rejoined are dropped.
		for _, m := range g.members {
			if m.inGroup && !m.joined {
				s.removeMember(g, m, ReasonRebalanceTimeout)
			}
		}
	}
	s.maybeCompleteJoin(g, it.kind == itRebalanceTimeout)
}

// maybeCompleteJoin finishes the join phase once every member has rejoined
// and the initial delay is over.
func (s *Sim) maybeCompleteJoin(g *group, force bool) {
	if g.state != GroupPreparingRebalance {
		return
	}
	active := 0
	for _, m := range g.members {
		if m.inGroup {
			active++
			if !m.joined && !force {
				return
			}
		}
	}
	if active == 0 {
		g.state = GroupEmpty
		g.leader = -1
		g.generation++
		s.emit(Event{Type: EvRebalanceDone, Group: g.cfg.ID, Gen: g.generation, Count: 0, Text: string(GroupEmpty)})
		return
	}
	if !force && s.nowMs < g.delayUntil {
		return
	}
	s.completeJoin(g)
}

// completeJoin starts the new generation: the leader member computes the
// assignment with the chosen assignor and the coordinator hands it out.
func (s *Sim) completeJoin(g *group) {
	g.generation++
	g.state = GroupCompletingRebalance
	var ms []*member
	for _, m := range g.members {
		if m.inGroup {
			ms = append(ms, m)
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].memberID < ms[j].memberID })
	if g.leader < 0 || !g.members[g.leader].inGroup {
		// The coordinator makes the first member to join the leader.
		first := ms[0]
		for _, m := range ms {
			if m.joinedAtMs < first.joinedAtMs {
				first = m
			}
		}
		g.leader = first.idx
	}
	g.protocol = g.cfg.Assignors[0]
	// The coordinator starts every member's session timer as it answers the
	// JoinGroups (onCompleteJoin); a crashed member never heartbeats again.
	for _, m := range ms {
		if m.state == MemberCrashed {
			m.sessionDueMs = s.nowMs + g.cfg.SessionTimeoutMs
			s.schedule(g.cfg.SessionTimeoutMs, memberItem(itSessionCheck, g, m, m.gen))
		}
	}
	if leader := g.members[g.leader]; leader.state == MemberCrashed {
		// The member list went to a dead client: no SyncGroup with an
		// assignment will come, and the others wait in CompletingRebalance
		// until the coordinator removes the leader.
		s.emit(Event{Type: EvRebalanceDone, Group: g.cfg.ID, Gen: g.generation, Count: len(ms),
			Member: leader.name, Text: g.protocol, Broker: s.coordinator(g), Reason: ReasonDeadClient, TimeoutMs: g.cfg.SessionTimeoutMs})
		return
	}
	parts := map[string]int{}
	for _, t := range g.cfg.Topics {
		if _, tp := s.topicByName(t); tp != nil {
			parts[t] = len(tp.parts)
		}
	}
	in := make([]AssignMember, len(ms))
	for i, m := range ms {
		in[i] = AssignMember{ID: m.memberID, Topics: g.cfg.Topics, Owned: m.owned, Generation: m.ownedGen}
	}
	out, err := Assign(g.protocol, parts, in)
	if err != nil {
		panic(fmt.Sprintf("assignor %s failed for group %s: %v", g.protocol, g.cfg.ID, err))
	}
	s.emit(Event{Type: EvRebalanceDone, Group: g.cfg.ID, Gen: g.generation, Count: len(ms),
		Member: g.members[g.leader].name, Text: g.protocol, Broker: s.coordinator(g)})
	// Cooperative-sticky withholds partitions that must be revoked first.
	withheld := g.protocol == AssignorCooperativeSticky && countTPs(parts) > len(flatten(out))
	for _, m := range ms {
		s.deliverAssignment(g, m, out[m.memberID], withheld)
	}
	g.state = GroupStable
	if withheld {
		// Cooperative: partitions that had to be revoked first are handed
		// out in a second rebalance, once their old owners let go.
		s.startRebalance(g, ReasonCooperative, "")
	}
}

func countTPs(parts map[string]int) int {
	n := 0
	for _, c := range parts {
		n += c
	}
	return n
}

func flatten(m map[string][]TopicPartition) []TopicPartition {
	var out []TopicPartition
	for _, v := range m {
		out = append(out, v...)
	}
	return out
}

// removeMember takes a member out of the group and rebalances the rest.
func (s *Sim) removeMember(g *group, m *member, why Reason) {
	if !m.inGroup {
		return
	}
	m.inGroup = false
	m.joined = false
	ev := EvMemberLeft // LeaveGroup: a clean close, or the heartbeat thread on a poll timeout
	if why == ReasonSessionTimeout || why == ReasonRebalanceTimeout {
		ev = EvMemberExpired
	}
	s.emit(Event{Type: ev, Group: g.cfg.ID, Member: m.name, Reason: why, Gen: g.generation,
		Text: tpList(m.assigned), TimeoutMs: g.cfg.SessionTimeoutMs, Count: boolInt(m.ghost)})
	s.abortMemberTxn(g, m)
	m.assigned = nil
	if g.leader == m.idx {
		g.leader = -1
	}
	s.startRebalance(g, why, m.name)
	s.maybeCompleteJoin(g, false)
}

// commitOffset stores a committed offset at the coordinator.
func (s *Sim) commitOffset(g *group, m *member, tp TopicPartition, off int64) {
	g.committed[tp] = off
	g.committedEpoch[tp] = committedEpochFor(m, tp, off)
	g.history.commits = append(g.history.commits, commitRec{tp: tp, offset: off, member: m.name, gen: g.generation, atMs: s.nowMs})
}

// groupTPs lists every partition of the group's topics, sorted.
func (s *Sim) groupTPs(g *group) []TopicPartition {
	var out []TopicPartition
	for _, t := range g.cfg.Topics {
		if _, tp := s.topicByName(t); tp != nil {
			for _, p := range tp.parts {
				out = append(out, p.tp())
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return lessTP(out[i], out[j]) })
	return out
}

// partitionsChangedForGroups: a topic grew (or vanished), so groups
// subscribed to it rebalance, as the consumers' metadata refresh notices.
func (s *Sim) partitionsChangedForGroups(topic string) {
	for _, p := range s.producers {
		if p.topicIdx >= 0 && s.topics[p.topicIdx].cfg.Name == topic {
			p.syncPartitions(len(s.topics[p.topicIdx].parts))
		}
	}
	for _, g := range s.groups {
		for _, t := range g.cfg.Topics {
			// A deleted (Dead) group stays dead; an Empty one has nobody to rebalance.
			if t == topic && g.state != GroupEmpty && g.state != GroupDead {
				s.startRebalance(g, ReasonNewPartitions, "")
			}
		}
	}
}

// coordinatorsMoved: a broker was fenced; groups it coordinated now have a
// new coordinator, which loads their offsets from __consumer_offsets.
func (s *Sim) coordinatorsMoved() {
	for _, g := range s.groups {
		if g.state == GroupDead {
			continue
		}
		c := s.coordinator(g)
		if c != g.lastCoordinator() {
			s.emit(Event{Type: EvCoordinatorMoved, Group: g.cfg.ID, Broker: c, Broker2: g.lastCoordinator(),
				Offset: int64(OffsetsPartition(g.cfg.ID, s.cfg.Cluster.OffsetsTopicPartitions))})
			g.setCoordinator(c)
		}
	}
}

func tpList(tps []TopicPartition) string {
	var b []byte
	for i, tp := range tps {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, tp.String()...)
	}
	return string(b)
}
