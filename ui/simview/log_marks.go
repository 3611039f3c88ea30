package simview

import (
	"kafkasim/sim"
	"kafkasim/ui/components"
)

// markAt names one offset of one partition.
type markAt struct {
	topic     string
	partition int
	offset    int64
}

// partAt names one partition.
type partAt struct {
	Topic     string
	Partition int
}

// LogMarks are the records the ledger's drill-down lists, for the logs
// pane to mark. A cell is marked only when the record at that offset is
// the listed one: an offset a truncated record had may hold another now.
type LogMarks struct {
	fate     sim.Fate
	records  map[markAt]int   // offset -> the listed record's id
	Selected map[markAt]bool  // the selected record's offsets
	first    map[partAt]int64 // per partition, the first listed offset
	sel      map[partAt]int64 // the selected record's first offset, in its partition
}

// NewLogMarks marks fates, sel being the selected one (-1 for none).
func NewLogMarks(fate sim.Fate, fates []sim.RecordFate, sel int) *LogMarks {
	m := &LogMarks{fate: fate, records: map[markAt]int{}, Selected: map[markAt]bool{},
		first: map[partAt]int64{}, sel: map[partAt]int64{}}
	for i := range fates {
		f := &fates[i]
		pa := partAt{f.Topic, f.Partition}
		for _, o := range f.Offsets {
			at := markAt{f.Topic, f.Partition, o}
			m.records[at] = f.RecordID
			if i == sel {
				m.Selected[at] = true
			}
			if a, ok := m.first[pa]; !ok || o < a {
				m.first[pa] = o
			}
		}
		if i == sel && len(f.Offsets) > 0 {
			m.sel[pa] = f.Offsets[0]
		}
	}
	return m
}

// Cell is the style and mark of a record's cells, when it is listed.
func (m *LogMarks) Cell(p *sim.PartitionView, r *sim.RecordView) (components.CellStyle, rune, bool) {
	if m == nil {
		return 0, 0, false
	}
	at := markAt{p.Topic, p.Partition, r.Offset}
	id, ok := m.records[at]
	switch {
	case !ok || id != r.RecordID:
		return 0, 0, false
	case m.Selected[at]:
		return components.CellMarkSelected, GlyphSelected, true
	}
	return markStyle(m.fate), components.FateMark(m.fate), true
}

// Window moves a partition's strip of slots offsets, [start, end), from
// the log's tail to where the listed records are: from a little before the
// first of them, or before the selected one when that is further on. It
// moves only as far as it must, so the strip holds still while the
// selection moves within it.
func (m *LogMarks) Window(p *sim.PartitionView, start, end int64, slots int) (int64, int64) {
	if m == nil {
		return start, end
	}
	pa := partAt{p.Topic, p.Partition}
	first, ok := m.first[pa]
	if !ok {
		return start, end
	}
	sel, hasSel := m.sel[pa]
	in := func(o, from int64) bool { return o >= from && o < from+int64(slots) }
	if in(first, start) && (!hasSel || in(sel, start)) {
		return start, end
	}
	from := max(first-int64(slots/4), 0)
	if hasSel && !in(sel, from) {
		from = max(sel-int64(slots/4), 0)
	}
	from = min(from, start) // never past the log's end
	return from, from + int64(slots)
}

// GlyphSelected marks the drill-down's selected record in the logs; the
// list's selected line ends with it too.
const GlyphSelected = '◂'

// markStyle is the cell style of a listed record of fate f.
func markStyle(f sim.Fate) components.CellStyle {
	switch f {
	case sim.FateDuplicated:
		return components.CellMarkDup
	case sim.FateLost:
		return components.CellMarkLost
	case sim.FatePending:
		return components.CellMarkPending
	case sim.FateSkipped:
		return components.CellMarkSkipped
	}
	return components.CellMarkOnce
}
