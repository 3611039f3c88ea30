package sim

import (
	"fmt"
	"sort"
)

// The group coordinator's rebalance protocol (GroupCoordinator in Kafka):
// PreparingRebalance while members rejoin, with
// group.initial.rebalance.delay.ms for a new group and the rebalance
// timeout (max.poll.interval.ms) for stragglers; then the leader's
// assignment, CompletingRebalance, and Stable.

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
	s.emit(&Event{Type: EvRebalanceStarted, Group: g.cfg.ID, Gen: g.generation, Reason: why, Member: who,
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
		s.emit(&Event{Type: EvRebalanceDone, Group: g.cfg.ID, Gen: g.generation, Count: 0, Text: string(GroupEmpty)})
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
		s.emit(&Event{Type: EvRebalanceDone, Group: g.cfg.ID, Gen: g.generation, Count: len(ms),
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
	s.emit(&Event{Type: EvRebalanceDone, Group: g.cfg.ID, Gen: g.generation, Count: len(ms),
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
