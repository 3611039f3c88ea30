package sim

import (
	"slices"
	"strconv"
)

// commitRetryBackoffMs is how soon commitSync tries again after the
// coordinator could not be reached (retry.backoff.ms).
const commitRetryBackoffMs = 100

// commitPositions commits the member's current positions (the next offset
// to read on each of its partitions). A commitSync that cannot get through
// yet is kept and retried before the next poll; it returns false then.
func (s *Sim) commitPositions(g *group, m *member, sync bool) bool {
	offs := s.commitScratch.list[:0]
	set := s.assignedIDs(m)
	for i, tp := range m.assigned {
		if pos, ok := m.positions.get(set.ids[i]); ok {
			offs = append(offs, tpOffset{tp: tp, id: set.ids[i], off: pos})
		}
	}
	s.commitScratch.list = offs
	if len(offs) == 0 {
		return true
	}
	if !set.sorted {
		offs = sortedOffsets(offs)
	}
	if s.deliverOffsets(g, m, offs, !sync) {
		return true
	}
	if !sync {
		return true
	}
	pending := make(map[TopicPartition]int64, len(offs))
	for _, o := range offs {
		pending[o.tp] = o.off
	}
	m.pendingCommit = pending
	return false
}

// deliverCommit is the OffsetCommit request of a map of offsets (a retried
// commitSync) at the coordinator. It reports false when the coordinator is
// unreachable.
func (s *Sim) deliverCommit(g *group, m *member, offs map[TopicPartition]int64, async bool) bool {
	list := s.commitScratch.list[:0]
	for tp, off := range offs {
		list = append(list, tpOffset{tp: tp, id: s.tpidAdd(tp), off: off})
	}
	s.commitScratch.list = list
	return s.deliverOffsets(g, m, sortedOffsets(list), async)
}

// deliverOffsets is the OffsetCommit request at the coordinator, with the
// offsets sorted by partition and each partition once. It reports false
// when the coordinator is unreachable.
func (s *Sim) deliverOffsets(g *group, m *member, offs []tpOffset, async bool) bool {
	coord := s.coordinator(g)
	if coord == 0 || !s.brokerUp(coord) {
		if m.pendingCommit == nil {
			s.emit(&Event{Type: EvCommitFailed, Group: g.cfg.ID, Member: m.name, Broker: coord,
				Err: "COORDINATOR_NOT_AVAILABLE", Text: asyncWord(async)})
		}
		return false
	}
	m.pendingCommit = nil
	if !m.inGroup || m.genSynced != g.generation || m.lostOnRejoin {
		why := ReasonNone
		if m.lostOnRejoin {
			why = ReasonPollTimeout
		}
		s.emit(&Event{Type: EvCommitFailed, Group: g.cfg.ID, Member: m.name, Gen: m.genSynced, GroupGen: int32(g.generation),
			Err: "CommitFailedException", Text: asyncWord(async), Reason: why, MemberRemoved: !m.inGroup})
		return true
	}
	b := s.commitScratch.text[:0]
	for _, o := range offs {
		if cur, ok := g.committed.get(o.id); ok && cur == o.off {
			continue
		}
		s.commitOffset(g, m, o.tp, o.id, o.off)
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(append(b, o.tp.Topic...), '-')
		b = append(strconv.AppendInt(b, int64(o.tp.Partition), 10), '=')
		b = strconv.AppendInt(b, o.off, 10)
	}
	s.commitScratch.text = b
	if len(b) > 0 {
		s.emit(&Event{Type: EvCommitted, Group: g.cfg.ID, Member: m.name, Gen: g.generation, Broker: coord,
			Text: string(b), Reason: Reason(g.cfg.Commit)})
	}
	return true
}

// tpOffset is one partition's offset in a commit.
type tpOffset struct {
	tp  TopicPartition
	id  int32 // tp's tpIndex id
	off int64
}

// sortedOffsets sorts offs by partition (already so when the assignment
// is sorted, the usual case) and keeps the last offset of a partition
// listed twice, as a map would.
func sortedOffsets(offs []tpOffset) []tpOffset {
	byTP := func(a, b tpOffset) int { return compareTP(a.tp, b.tp) }
	if !slices.IsSortedFunc(offs, byTP) {
		slices.SortStableFunc(offs, byTP)
	}
	out := offs[:0]
	for i, o := range offs {
		if i+1 < len(offs) && offs[i+1].tp == o.tp {
			continue
		}
		out = append(out, o)
	}
	return out
}

func asyncWord(async bool) string {
	if async {
		return "commitAsync"
	}
	return "commitSync"
}

// commitScratch is the working space of one commit, kept between commits
// so a member of a thousand partitions does not build a map and a slice
// each time. A clone starts without it.
type commitScratch struct {
	list []tpOffset
	text []byte // an event's text being written: poll's fetch, a commit
	// infos are the fetched records' ledger infos, copied by noteFetched.
	infos []recordInfo
	// counts are processed counts read ahead by touchProcCounts.
	counts []uint8
}
