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
	offs := s.commitScratch.offsets
	if offs == nil {
		offs = make(map[TopicPartition]int64, len(m.assigned))
	}
	clear(offs)
	s.commitScratch.offsets = offs
	for _, tp := range m.assigned {
		if pos, ok := m.positions[tp]; ok {
			offs[tp] = pos
		}
	}
	if len(offs) == 0 {
		return true
	}
	if s.deliverCommit(g, m, offs, !sync) {
		return true
	}
	if sync {
		m.pendingCommit = offs
		s.commitScratch.offsets = nil // kept: the next commit takes a new map
		return false
	}
	return true
}

// deliverCommit is the OffsetCommit request at the coordinator. It reports
// false when the coordinator is unreachable.
func (s *Sim) deliverCommit(g *group, m *member, offs map[TopicPartition]int64, async bool) bool {
	coord := s.coordinator(g)
	if coord == 0 || !s.brokerUp(coord) {
		if m.pendingCommit == nil {
			s.emit(Event{Type: EvCommitFailed, Group: g.cfg.ID, Member: m.name, Broker: coord,
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
		s.emit(Event{Type: EvCommitFailed, Group: g.cfg.ID, Member: m.name, Gen: m.genSynced, GroupGen: int32(g.generation),
			Err: "CommitFailedException", Text: asyncWord(async), Reason: why, MemberRemoved: !m.inGroup})
		return true
	}
	tps := s.commitScratch.tps[:0]
	for tp := range offs {
		tps = append(tps, tp)
	}
	slices.SortFunc(tps, compareTP) // sort.Slice's reflection costs with a thousand partitions
	s.commitScratch.tps = tps
	var b []byte
	for _, tp := range tps {
		off := offs[tp]
		if cur, ok := g.committed[tp]; ok && cur == off {
			continue
		}
		s.commitOffset(g, m, tp, off)
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(append(b, tp.Topic...), '-')
		b = append(strconv.AppendInt(b, int64(tp.Partition), 10), '=')
		b = strconv.AppendInt(b, off, 10)
	}
	if len(b) > 0 {
		s.emit(Event{Type: EvCommitted, Group: g.cfg.ID, Member: m.name, Gen: g.generation, Broker: coord,
			Text: string(b), Reason: Reason(g.cfg.Commit)})
	}
	return true
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
	offsets map[TopicPartition]int64
	tps     []TopicPartition
}
