package sim

import "fmt"

// Records reads up to limitRecs records of a partition from offset from, as a
// consumer would: from the leader, below the high watermark (or, with
// readCommitted, below the last stable offset, skipping aborted records).
// Control markers are skipped. It also returns the offset to read next.
func (s *Sim) Records(topic string, partition int, from int64, limitRecs int, readCommitted bool) ([]RecordView, int64, error) {
	_, t := s.topicByName(topic)
	if t == nil {
		return nil, from, &UnknownTopicError{Topic: topic}
	}
	if partition < 0 || partition >= len(t.parts) {
		return nil, from, fmt.Errorf("partition %d of %s does not exist (it has %d)", partition, topic, len(t.parts))
	}
	p := t.parts[partition]
	lr := p.leaderRep()
	if lr == nil || !s.brokerUp(p.leader) {
		return nil, from, fmt.Errorf("%s has no leader (LEADER_NOT_AVAILABLE)", p.tp())
	}
	limit := p.hw
	if readCommitted {
		limit = p.lastStable()
	}
	from = max(from, lr.logStart)
	var out []RecordView
	next := from
	for i := lr.indexOf(from); i < lr.entries.Len() && len(out) < limitRecs; i++ {
		e := lr.entries.At(i)
		if e.offset >= limit {
			break
		}
		next = e.offset + 1
		if e.rec < 0 || (readCommitted && p.isAborted(s, e)) {
			continue
		}
		out = append(out, s.recordView(p, e))
	}
	return out, next, nil
}
