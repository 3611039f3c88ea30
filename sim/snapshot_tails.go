package sim

import (
	"slices"
	"sort"
)

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

// A LogWindow picks what a view draws of one log of snap: the offsets
// [from, to), of which the snapshot copies those among the log's last
// `tail` records, with the one just below from (so the view can tell a
// gap in the log from the start of what it holds). shown is false for a
// log the view does not lay out. It is asked once the rest of snap (the
// offsets, the groups) is in place, so a window can follow them.
type LogWindow func(snap *Snapshot, p *PartitionView) (from, to int64, shown bool)

// fillWindows copies into snap the records its views' windows ask for,
// and adds what the rest of each log's last tail records hold to
// snap.Unshown.
func (s *Sim) fillWindows(snap *Snapshot, tail int, window LogWindow) {
	ti := 0 // snap.Topics follows s.topics, less the deleted ones (SnapshotWindows)
	for _, t := range s.topics {
		if t.deleted {
			continue
		}
		views := snap.Topics[ti].Partitions
		ti++
		for pi, p := range t.parts {
			if from, to, shown := window(snap, &views[pi]); shown {
				s.copyWindow(&snap.Unshown, &views[pi], p, tail, from, to)
			} else {
				s.markTail(&snap.Unshown, p, tail)
			}
		}
	}
}

// copyWindow puts into pv the records of p's shown log in [from, to)
// among its last tail, and the one before from, and marks what the
// others of that tail hold in unshown.
func (s *Sim) copyWindow(unshown *TailMarks, pv *PartitionView, p *partition, tail int, from, to int64) {
	log := &p.shownReplica().entries
	n := log.Len()
	first := max(n-tail, 0)
	below := func(o int64) func(int) bool {
		return func(i int) bool { return log.At(first+i).offset >= o }
	}
	lo := first + sort.Search(n-first, below(from))
	hi := first + sort.Search(n-first, below(to))
	if lo > first {
		lo-- // the record before the window
	}
	s.markRange(unshown, p, log, first, lo, first)
	s.markRange(unshown, p, log, hi, n, first)
	if hi > lo {
		pv.Records = make([]RecordView, 0, hi-lo)
		for _, e := range log.Range(lo, hi) {
			pv.Records = append(pv.Records, s.recordView(p, e))
		}
	}
}

// markTail adds what the last tail records of p's shown log hold to m.
func (s *Sim) markTail(m *TailMarks, p *partition, tail int) {
	log := &p.shownReplica().entries
	first := max(log.Len()-tail, 0)
	s.markRange(m, p, log, first, log.Len(), first)
}

// markRange adds to m what the entries [lo, hi) of log hold, reading
// each record as recordView does, and the gaps between neighbours from
// first on where the right one is in [lo, hi]: the pair across each end
// of a range left out is counted by the range, not lost between it and
// the records a view holds. One pass, reading the entry before lo and
// the one at hi for their pairs only.
func (s *Sim) markRange(m *TailMarks, p *partition, log *entryLog, lo, hi, first int) {
	start := max(lo-1, first)
	prev := int64(-1)
	for i, e := range log.Range(start, min(hi+1, log.Len())) {
		if i > start && i >= lo {
			m.Gap = m.Gap || e.offset > prev+1
		}
		prev = e.offset
		if i < lo || i >= hi {
			continue
		}
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
