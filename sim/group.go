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
	// committed is the committed offset of each partition, by tpIndex id.
	committed tpTable[int64]
	// committedEpoch is the leader epoch stored with each commit (KIP-320).
	committedEpoch tpTable[int32]
	// rebalanceGen bumps on every rebalance start: stale group items are dropped.
	rebalanceGen int32
	joinDeadline int64
	// delayUntil: a group leaving Empty waits group.initial.rebalance.delay.ms
	// for more members before its rebalance completes.
	delayUntil int64
	// procCount[rec] is how many times a member finished processing rec
	// (chunks shared between checkpoints).
	procCount      chunks[uint8]
	tally          groupTally // the ledger's counts kept between counts
	processedTotal int        // processing completions, repeats included
	history        groupHistory
	clientSeq      int
	// coord is the coordinator the members last knew.
	coord int
	// offsetsReps are the replicas of the group's __consumer_offsets
	// partition, for offsetsRepsKey's partition count, replication factor
	// and broker count.
	offsetsReps    []int
	offsetsRepsKey [3]int
	// flow counts fetches and alerts (consumer_fetch_wait.go).
	flow flowStats
}

func (g *group) lastCoordinator() int { return g.coord }
func (g *group) setCoordinator(b int) { g.coord = b }

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
	if cfg.AlertWhen != "" {
		if _, err := ParseAlertRule(cfg.AlertWhen); err != nil {
			return fmt.Errorf("group %q alert-when: %v", cfg.ID, err)
		}
	}
	g := &group{cfg: cfg, idx: int32(len(s.groups)), state: GroupEmpty, leader: -1}
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
	rf := min(s.cfg.Cluster.OffsetsTopicReplicationFactor, len(s.brokers))
	if key := [3]int{n, rf, len(s.brokers)}; g.offsetsReps == nil || g.offsetsRepsKey != key {
		// Asked on every commit: placed once, again only if the cluster
		// grows. The list is replaced, never written, so clones share it.
		part := int(javahash.Abs(javahash.StringHash(g.cfg.ID)) % int32(n))
		g.offsetsReps, g.offsetsRepsKey = placeReplicas(len(s.brokers), rf, part, 0, 0), key
	}
	// Its leader is the first replica the controller has not fenced.
	for _, b := range g.offsetsReps {
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
	s.emit(&Event{Type: ev, Group: g.cfg.ID, Member: m.name, Reason: why, Gen: g.generation,
		Text: tpList(m.assigned), TimeoutMs: g.cfg.SessionTimeoutMs, CrashedInstance: m.ghost})
	m.assigned = nil
	if g.leader == m.idx {
		g.leader = -1
	}
	s.startRebalance(g, why, m.name)
	s.maybeCompleteJoin(g, false)
}

// commitOffset stores a committed offset at the coordinator.
func (s *Sim) commitOffset(g *group, m *member, tp TopicPartition, id int32, off int64) {
	g.committed.set(id, off)
	g.committedEpoch.set(id, committedEpochFor(m, id, off))
	s.addCommit(g, id, off, m.name, g.generation)
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

// coordinatorsMoved: a broker was fenced; groups it coordinated now have a
// new coordinator, which loads their offsets from __consumer_offsets.
func (s *Sim) coordinatorsMoved() {
	for _, g := range s.groups {
		if g.state == GroupDead {
			continue
		}
		c := s.coordinator(g)
		if c != g.lastCoordinator() {
			s.emit(&Event{Type: EvCoordinatorMoved, Group: g.cfg.ID, Broker: c, Broker2: g.lastCoordinator(),
				OffsetsPartition: int32(OffsetsPartition(g.cfg.ID, s.cfg.Cluster.OffsetsTopicPartitions))})
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
