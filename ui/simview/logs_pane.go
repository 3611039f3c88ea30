package simview

import (
	"strings"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// Log cell glyphs besides key letters.
const (
	glyphNullKey   = '∅'
	glyphTombstone = '†'
	glyphDeleted   = '╌'
	glyphGap       = '·'
	glyphUnknown   = '…'
	glyphDup       = '!'
	glyphControl   = '|'
	glyphAborted   = 'x'
)

// keyLetters name keys in the order the logs first show them.
const keyLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// logsPane draws each partition's log as a strip of records, two cells per
// offset, with a marker row under it for the high watermark, the replicas'
// log ends, and each group's committed offset and consumer position.
type logsPane struct {
	components.Pane
	cells   *components.CellCache
	keys    map[string]int // key -> letter index, in order of first sight
	keyList []string
	// rowsPer is 2 (strip + markers) or 3 (plus a detail line) per partition.
	rowsPer int
	// Marks are the records the ledger's drill-down lists; nil when closed.
	Marks *LogMarks
	// View is where the learner moved the offset window with < > g.
	View logView
	// group is the consumer group whose C and ^ the windows follow.
	group string
	// prodColor is each producer's colour index, by order in the snapshot.
	prodColor map[string]int
	// head is 1 when the key legend heads the pane, 0 when it gave way.
	head int
	// commits remembers committed offsets, to draw C sliding.
	commits commitTracker
	// hws remembers high watermarks, to draw H sliding.
	hws hwTracker
	// runCache keeps the rulers' rendered runs.
	runCache components.RunCache
	// contents is what the last snapshot's logs hold; contentsOf is the
	// snapshot it was read from (its first topic), so a frame of the same
	// snapshot does not scan every record again.
	contents     logContents
	contentsFrom *sim.TopicView
	Hits         logHits // where the last render drew each partition, for the mouse
	// Rulers are the ruler rows drawn at the last render, for tests.
	Rulers []drawnRuler
}

// drawnRuler is a partition's ruler row as drawn.
type drawnRuler struct {
	Topic     string
	Partition int
	Text      string
	line      int // its content line in the pane
}

func newLogsPane(st *theme.Styles) logsPane {
	return logsPane{Pane: components.Pane{ID: components.PaneLogs}, cells: components.NewCellCache(st), keys: map[string]int{}, rowsPer: 3,
		View: logView{pin: -1}, prodColor: map[string]int{}, runCache: components.RunCache{}}
}

// partRef points at one partition of a snapshot.
type partRef struct {
	t *sim.TopicView
	p *sim.PartitionView
}

// Render draws the visible partitions of snap as l.w × l.h lines: per
// partition its records, a marker row, an offset ruler, and a line of
// numbers when there is room.
func (l *logsPane) Render(st *theme.Styles, snap *sim.Snapshot, hot *Anim) []string {
	var parts []partRef
	for ti := range snap.Topics {
		t := &snap.Topics[ti]
		for pi := range t.Partitions {
			parts = append(parts, partRef{t, &t.Partitions[pi]})
		}
	}
	labelW := logLabelWidth(snap)
	for i := range snap.Producers {
		l.prodColor[snap.Producers[i].ID] = i
	}
	rowsPer, head := l.rowsFor(len(parts))
	l.rowsPer, l.head = rowsPer, head
	l.SetTotal(head + l.rowsPer*len(parts))
	from, to := l.Window()
	l.Hits.reset(from)
	body := make([]string, 0, to-from)
	var blk []string
	blkIdx := -1
	l.commits.observe(snap, hot)
	l.hws.observe(snap, hot)
	l.Rulers = l.Rulers[:0]
	for i := from; i < to; i++ {
		if i < head {
			continue // the key legend, filled in last: it lists keys drawn below
		}
		b := (i - head) / l.rowsPer
		if b != blkIdx {
			blk = l.partitionBlock(st, snap, parts[b], labelW, hot)
			blkIdx = b
			l.Rulers[len(l.Rulers)-1].line = head + b*l.rowsPer + 2
		}
		body = append(body, blk[(i-head)%l.rowsPer])
		l.Hits.line(i, parts[b].p, (i-head)%l.rowsPer == 0)
	}
	contents := l.contentsOf(snap)
	shown := l.Rulers[:0]
	for _, r := range l.Rulers {
		if r.line >= from && r.line < to {
			shown = append(shown, r)
		}
	}
	l.Rulers = shown
	if from == 0 && head == 1 {
		body = append([]string{l.legend(st, snap, contents)}, body...)
	}
	if len(parts) == 0 {
		body = append(body, st.Faint.Render("no topics"))
	}
	return l.Frame(st, l.markLegend(st, contents), body)
}

func (l *logsPane) partitionBlock(st *theme.Styles, snap *sim.Snapshot, ref partRef, labelW int, hot *Anim) []string {
	p := ref.p
	slots := l.slotsFor(labelW)
	start, end := l.offsetWindow(snap, p, slots)
	start, end = l.Marks.Window(p, start, end, slots)
	l.Hits.strip(p, labelW, start)

	var s1, s2 strings.Builder
	label := p.Topic + "-" + components.Itoa(p.Partition)
	s1.WriteString(st.Bold.Render(components.Fit(label, labelW-1)) + " ")
	leader := "◆b" + components.Itoa(p.Leader) + " e" + components.Itoa(p.LeaderEpoch)
	leaderStyle := st.Leader
	switch {
	case p.Leader == 0:
		leader, leaderStyle = "OFFLINE", st.Error
	case BrokerDown(snap, p.Leader):
		// The controller has not moved leadership yet: say so.
		leader, leaderStyle = "✕b"+components.Itoa(p.Leader)+" down", st.Error
	}
	if v, ok := hot.Get(HotKey{Kind: hotLeader, S1: p.Topic, N1: p.Partition, N2: p.Leader}); ok {
		leaderStyle = st.Hot
		if v.n > 0 && v.n != p.Leader {
			leader += " ←b" + components.Itoa(v.n) // the leader mark moved here from b<n>
		}
	}
	s2.WriteString(leaderStyle.Render(components.Fit(leader, labelW-1)) + " ")

	l.writeCells(&s1, st, p, start, end, hot)
	l.writeMarkers(&s2, snap, p, start, end, hot)
	s1.WriteString(st.Faint.Render(" LEO ") + components.I64(p.LogEnd))
	hw := st.Faint.Render(" HW ") + components.I64(p.HighWatermark)
	if hot.Is(HotKey{Kind: hotHW, S1: p.Topic, N1: p.Partition}) {
		hw = st.Hot.Render("▲HW " + components.I64(p.HighWatermark)) // the arrow shows it moved, without colour too
	}
	s2.WriteString(hw)
	ruler := l.ruler(st, snap, p, start, end, labelW, hot)
	l.Rulers = append(l.Rulers, drawnRuler{Topic: p.Topic, Partition: p.Partition, Text: ruler})
	lines := []string{s1.String(), s2.String(), ruler}
	if l.rowsPer == 4 {
		lines = append(lines, l.detail(st, snap, p, labelW, hot))
	}
	return lines
}

// writeCells draws one record per slot.
func (l *logsPane) writeCells(b *strings.Builder, st *theme.Styles, p *sim.PartitionView, start, end int64, hot *Anim) {
	recs := p.Records
	i := 0
	for i < len(recs) && recs[i].Offset < start {
		i++
	}
	firstRec := int64(-1)
	if len(recs) > 0 {
		firstRec = recs[0].Offset
	}
	fresh := int64(-1) // records at or above this just arrived at the leader
	if v, ok := hot.Get(HotKey{Kind: HotReplica, S1: p.Topic, N1: p.Partition, N2: p.Leader}); ok && v.count > 0 {
		fresh = p.LogEnd - int64(v.count)
	}
	for o := start; o < end; o++ {
		for i < len(recs) && recs[i].Offset < o {
			i++
		}
		switch {
		case o >= p.LogEnd:
			b.WriteString("  ")
		case o < p.LogStart:
			b.WriteString(l.cells.Get(components.CellFaint, glyphDeleted, ' '))
		case i < len(recs) && recs[i].Offset == o:
			if style, mark, ok := l.Marks.Cell(p, &recs[i]); ok {
				b.WriteString(l.cells.Get(style, l.KeyGlyph(&recs[i]), mark))
				break
			}
			b.WriteString(l.recordCell(st, &recs[i], o >= p.HighWatermark, fresh >= 0 && o >= fresh))
		case firstRec < 0 || o < firstRec:
			b.WriteString(l.cells.Get(components.CellFaint, glyphUnknown, ' '))
		default:
			b.WriteString(l.cells.Get(components.CellFaint, glyphGap, ' '))
		}
	}
}

// recordCell is a record's two cells: its key letter and a status mark.
func (l *logsPane) recordCell(st *theme.Styles, r *sim.RecordView, uncommitted, fresh bool) string {
	if r.Control != "" {
		return l.cells.Get(components.CellFaint, glyphControl, rune(r.Control[0]))
	}
	glyph := l.KeyGlyph(r)
	// colour tells the producer, the letter the key
	style := components.CellStyle(l.prodColor[r.Producer] % len(st.Keys))
	mark := ' '
	switch {
	case r.Aborted:
		return l.cells.Get(components.CellStruck, glyph, glyphAborted)
	case r.Copy > 1:
		return l.cells.Get(components.CellDup, glyph, glyphDup)
	case r.Tombstone:
		mark = glyphTombstone
	}
	switch {
	case fresh:
		style += components.CellHotBase
	case uncommitted:
		style += components.CellFaintBase
	}
	return l.cells.Get(style, glyph, mark)
}

// KeyGlyph is the letter of a record's key, or the null key's glyph.
func (l *logsPane) KeyGlyph(r *sim.RecordView) rune {
	if r.Control != "" {
		return glyphControl
	}
	if r.NullKey {
		return glyphNullKey
	}
	return rune(keyLetters[l.keyIndex(r.Key)%len(keyLetters)])
}

func (l *logsPane) keyIndex(k string) int {
	if i, ok := l.keys[k]; ok {
		return i
	}
	i := len(l.keyList)
	l.keys[k] = i
	l.keyList = append(l.keyList, k)
	return i
}

// logLabelWidth is the width of the label column: the longest
// "topic-partition", within bounds.
func logLabelWidth(snap *sim.Snapshot) int {
	w := 8
	for ti := range snap.Topics {
		t := &snap.Topics[ti]
		for pi := range t.Partitions {
			w = max(w, len(t.Name)+1+len(components.Itoa(t.Partitions[pi].Partition)))
		}
	}
	return min(w, 16) + 1
}

// slotsFor is how many offsets a partition's window shows beside a label
// column labelW wide and the numbers at the row's end.
func (l *logsPane) slotsFor(labelW int) int {
	const sufW = 11
	return max((l.W-labelW-sufW)/2, 4)
}

// tailFor is how many records of each log the windows on snap need: a
// window that looks back to a committed offset needs the records from
// there. It is read from the snapshot alone, so the same moment always
// draws the same.
func (l *logsPane) tailFor(snap *sim.Snapshot) int {
	slots := l.slotsFor(logLabelWidth(snap))
	need := sim.DefaultSnapshotTail
	for ti := range snap.Topics {
		for pi := range snap.Topics[ti].Partitions {
			p := &snap.Topics[ti].Partitions[pi]
			start, end := l.offsetWindow(snap, p, slots)
			start, _ = l.Marks.Window(p, start, end, slots)
			need = max(need, int(p.LogEnd-start)+1)
		}
	}
	return min(need, maxLogTail)
}
