package sim

// A consumer's position per partition: where it starts (the committed
// offset, or auto.offset.reset), how far it may read (the high watermark,
// or the last stable offset under read_committed), and waking it when
// there is more to read.

// initPosition starts a newly assigned partition at the committed offset,
// or where auto.offset.reset says when there is none.
func (s *Sim) initPosition(g *group, m *member, tp TopicPartition) {
	id := s.tpidAdd(tp)
	if off, ok := g.committed.get(id); ok {
		m.positions.set(id, off)
		// A committed offset with its leader epoch is validated before the
		// first fetch (seekUnvalidated), as after a leader change.
		last, known := g.committedEpoch.get(id)
		if !known {
			last = -1
		}
		m.fetchEpochs.set(id, fetchEpoch{last: last, validated: -1})
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
		s.emit(&Event{Type: EvConsumerError, Group: g.cfg.ID, Member: m.name, Topic: tp.Topic, Partition: tp.Partition,
			Reason: why, Offset: from, Err: "NoOffsetForPartitionException"})
		s.crashMember(g, m, "auto.offset.reset=none")
		return false
	}
	id := s.tpidAdd(tp)
	m.positions.set(id, to)
	m.fetchEpochs.set(id, fetchEpoch{last: -1, validated: int32(p.leaderEpoch)})
	g.history.resets = append(g.history.resets, resetRec{tp: tp, from: from, to: to, policy: g.cfg.AutoOffsetReset, atMs: s.nowMs})
	s.emit(&Event{Type: EvOffsetReset, Group: g.cfg.ID, Member: m.name, Topic: tp.Topic, Partition: tp.Partition,
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
	id := int32(-2) // looked up once some member may be waiting
	for _, g := range s.groups {
		for _, m := range g.members {
			if m.state != MemberActive || (m.processing && !g.cfg.AsyncProcessing) || m.pendingCommit != nil {
				continue
			}
			if id == -2 {
				// Given an id if it has none: an assigned partition may
				// have no state yet, and the set gives ids to all it holds.
				id = s.tpidAdd(p.tp())
			}
			if s.holds(m, id) {
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

// assignedSet is what poll, commit and the high watermark wake-up need to
// know of a member's assignment, built once per assignment rather than per
// record: each partition's tpIndex id, whether a partition is in it, and
// whether it is already in partition order.
type assignedSet struct {
	of     []TopicPartition // the assignment it was built from, kept alive
	ids    []int32          // ids[i] is of[i]'s id
	has    []bool           // by id
	sorted bool             // strictly: no partition twice
}

// assignedIDs is m's assignedSet, built again when the assignment is a new
// list. Assignments are replaced, never written in place, so the same array
// and length mean the same list; a new list gets a new set (never
// rewritten, so a clone may share it).
func (s *Sim) assignedIDs(m *member) *assignedSet {
	a, set := m.assigned, &m.assignedSet
	if len(set.of) == len(a) && (len(a) == 0 || &set.of[0] == &a[0]) {
		return set
	}
	ids := make([]int32, len(a))
	has := make([]bool, len(s.tpIDs.tps))
	sorted := true
	for i, tp := range a {
		ids[i] = s.tpidAdd(tp)
		if int(ids[i]) >= len(has) {
			has = append(has, make([]bool, int(ids[i])+1-len(has))...)
		}
		has[ids[i]] = true
		if i > 0 && compareTP(a[i-1], tp) >= 0 {
			sorted = false
		}
	}
	*set = assignedSet{of: a, ids: ids, has: has, sorted: sorted}
	return set
}

// holds reports whether m's assignment contains the partition of id.
func (s *Sim) holds(m *member, id int32) bool {
	if len(m.assigned) == 0 {
		return false
	}
	set := s.assignedIDs(m)
	return int(id) < len(set.has) && set.has[id]
}
