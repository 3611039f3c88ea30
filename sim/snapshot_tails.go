package sim

import "slices"

// TailMarks says which kinds of record the tails of some logs hold: what
// a legend of the logs explains, known without copying every record.
type TailMarks struct {
	NullKey   bool // a record without a key
	Dup       bool // a second or later copy of a record (Copy > 1)
	Tombstone bool // a record with a null value
	Aborted   bool // a record of an aborted transaction
	Control   bool // a transaction marker
	Gap       bool // offsets missing between two records (compaction)
}

// shownTail is how many records of p's log a snapshot carries: tail when
// shows names it (or is nil), else none, with what the last tail records
// hold added to unshown.
func (s *Sim) shownTail(unshown *TailMarks, p *partition, tail int, shows func(string, int) bool) int {
	if shows == nil || shows(p.topicName, p.id) {
		return tail
	}
	s.markTail(unshown, p, tail)
	return 0
}

// markTail adds what the last tail records of p's shown log hold to m,
// reading each record as recordView does.
func (s *Sim) markTail(m *TailMarks, p *partition, tail int) {
	lr := p.shownReplica()
	next := int64(-1)
	for _, e := range lr.entries.All(max(lr.entries.Len()-tail, 0)) {
		m.Gap = m.Gap || (next >= 0 && e.offset > next)
		next = e.offset + 1
		if e.rec < 0 {
			m.Control = true
			continue
		}
		_, null := s.ledger.keyOf(e.rec)
		m.NullKey = m.NullKey || null
		m.Tombstone = m.Tombstone || s.ledger.valueIndex(e.rec) == valueNull
		m.Aborted = m.Aborted || p.isAborted(s, e)
		if !m.Dup && slices.Contains(s.ledger.extra[e.rec], e.offset) {
			m.Dup = s.recordView(p, e).Copy > 1 // rare: the view's own rule
		}
	}
}
