package ui

import (
	"strings"

	"kafkasim/sim"
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
	pane
	cells   *cellCache
	keys    map[string]int // key -> letter index, in order of first sight
	keyList []string
	// rowsPer is 2 (strip + markers) or 3 (plus a detail line) per partition.
	rowsPer int
	// marks are the records the ledger's drill-down lists; nil when closed.
	marks *logMarks
	// view is where the learner moved the offset window with < > g.
	view logView
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
	runCache runCache
	// contents is what the last snapshot's logs hold; contentsOf is the
	// snapshot it was read from (its first topic), so a frame of the same
	// snapshot does not scan every record again.
	contents     logContents
	contentsFrom *sim.TopicView
	hits         logHits // where the last render drew each partition, for the mouse
	// rulers are the ruler rows drawn at the last render, for tests.
	rulers []drawnRuler
}

// drawnRuler is a partition's ruler row as drawn.
type drawnRuler struct {
	topic     string
	partition int
	text      string
	line      int // its content line in the pane
}

func newLogsPane(st *Styles) logsPane {
	return logsPane{pane: pane{id: paneLogs}, cells: newCellCache(st), keys: map[string]int{}, rowsPer: 3,
		view: logView{pin: -1}, prodColor: map[string]int{}, runCache: runCache{}}
}

// partRef points at one partition of a snapshot.
type partRef struct {
	t *sim.TopicView
	p *sim.PartitionView
}

// render draws the visible partitions of snap as l.w × l.h lines: per
// partition its records, a marker row, an offset ruler, and a line of
// numbers when there is room.
func (l *logsPane) render(st *Styles, snap *sim.Snapshot, hot *anim) []string {
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
	l.rowsPer = 3
	if 1+4*len(parts) <= l.bodyHeight() {
		l.rowsPer = 4
	}
	head := 1 // the key legend, unless one partition would not fit with it
	if l.bodyHeight() < 1+l.rowsPer {
		head = 0
	}
	l.head = head
	l.setTotal(head + l.rowsPer*len(parts))
	from, to := l.window()
	l.hits.reset(from)
	body := make([]string, 0, to-from)
	var blk []string
	blkIdx := -1
	l.commits.observe(snap, hot)
	l.hws.observe(snap, hot)
	l.rulers = l.rulers[:0]
	for i := from; i < to; i++ {
		if i < head {
			continue // the key legend, filled in last: it lists keys drawn below
		}
		b := (i - head) / l.rowsPer
		if b != blkIdx {
			blk = l.partitionBlock(st, snap, parts[b], labelW, hot)
			blkIdx = b
			l.rulers[len(l.rulers)-1].line = head + b*l.rowsPer + 2
		}
		body = append(body, blk[(i-head)%l.rowsPer])
		l.hits.line(i, parts[b].p, (i-head)%l.rowsPer == 0)
	}
	contents := l.contentsOf(snap)
	shown := l.rulers[:0]
	for _, r := range l.rulers {
		if r.line >= from && r.line < to {
			shown = append(shown, r)
		}
	}
	l.rulers = shown
	if from == 0 && head == 1 {
		body = append([]string{l.legend(st, snap, contents)}, body...)
	}
	if len(parts) == 0 {
		body = append(body, st.Faint.Render("no topics"))
	}
	return l.frame(st, l.markLegend(st, contents), body)
}

func (l *logsPane) partitionBlock(st *Styles, snap *sim.Snapshot, ref partRef, labelW int, hot *anim) []string {
	p := ref.p
	slots := l.slotsFor(labelW)
	start, end := l.offsetWindow(snap, p, slots)
	start, end = l.marks.window(p, start, end, slots)
	l.hits.strip(p, labelW, start)

	var s1, s2 strings.Builder
	label := p.Topic + "-" + itoa(p.Partition)
	s1.WriteString(st.Bold.Render(fit(label, labelW-1)) + " ")
	leader := "◆b" + itoa(p.Leader) + " e" + itoa(p.LeaderEpoch)
	leaderStyle := st.Leader
	switch {
	case p.Leader == 0:
		leader, leaderStyle = "OFFLINE", st.Error
	case brokerDown(snap, p.Leader):
		// The controller has not moved leadership yet: say so.
		leader, leaderStyle = "✕b"+itoa(p.Leader)+" down", st.Error
	}
	if v, ok := hot.get(hotKey{kind: hotLeader, s1: p.Topic, n1: p.Partition, n2: p.Leader}); ok {
		leaderStyle = st.Hot
		if v.n > 0 && v.n != p.Leader {
			leader += " ←b" + itoa(v.n) // the leader mark moved here from b<n>
		}
	}
	s2.WriteString(leaderStyle.Render(fit(leader, labelW-1)) + " ")

	l.writeCells(&s1, st, p, start, end, hot)
	l.writeMarkers(&s2, snap, p, start, end, hot)
	s1.WriteString(st.Faint.Render(" LEO ") + i64(p.LogEnd))
	hw := st.Faint.Render(" HW ") + i64(p.HighWatermark)
	if hot.is(hotKey{kind: hotHW, s1: p.Topic, n1: p.Partition}) {
		hw = st.Hot.Render("▲HW " + i64(p.HighWatermark)) // the arrow shows it moved, without colour too
	}
	s2.WriteString(hw)
	ruler := l.ruler(st, snap, p, start, end, labelW, hot)
	l.rulers = append(l.rulers, drawnRuler{topic: p.Topic, partition: p.Partition, text: ruler})
	lines := []string{s1.String(), s2.String(), ruler}
	if l.rowsPer == 4 {
		lines = append(lines, l.detail(st, snap, p, labelW, hot))
	}
	return lines
}

// writeCells draws one record per slot.
func (l *logsPane) writeCells(b *strings.Builder, st *Styles, p *sim.PartitionView, start, end int64, hot *anim) {
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
	if v, ok := hot.get(hotKey{kind: hotReplica, s1: p.Topic, n1: p.Partition, n2: p.Leader}); ok && v.count > 0 {
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
			b.WriteString(l.cells.get(cellFaint, glyphDeleted, ' '))
		case i < len(recs) && recs[i].Offset == o:
			if style, mark, ok := l.marks.cell(p, &recs[i]); ok {
				b.WriteString(l.cells.get(style, l.keyGlyph(&recs[i]), mark))
				break
			}
			b.WriteString(l.recordCell(st, &recs[i], o >= p.HighWatermark, fresh >= 0 && o >= fresh))
		case firstRec < 0 || o < firstRec:
			b.WriteString(l.cells.get(cellFaint, glyphUnknown, ' '))
		default:
			b.WriteString(l.cells.get(cellFaint, glyphGap, ' '))
		}
	}
}

// recordCell is a record's two cells: its key letter and a status mark.
func (l *logsPane) recordCell(st *Styles, r *sim.RecordView, uncommitted, fresh bool) string {
	if r.Control != "" {
		return l.cells.get(cellFaint, glyphControl, rune(r.Control[0]))
	}
	glyph := l.keyGlyph(r)
	// colour tells the producer, the letter the key
	style := cellStyle(l.prodColor[r.Producer] % len(st.Keys))
	mark := ' '
	switch {
	case r.Aborted:
		return l.cells.get(cellStruck, glyph, glyphAborted)
	case r.Copy > 1:
		return l.cells.get(cellDup, glyph, glyphDup)
	case r.Tombstone:
		mark = glyphTombstone
	}
	switch {
	case fresh:
		style += cellHotBase
	case uncommitted:
		style += cellFaintBase
	}
	return l.cells.get(style, glyph, mark)
}

// keyGlyph is the letter of a record's key, or the null key's glyph.
func (l *logsPane) keyGlyph(r *sim.RecordView) rune {
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
			w = max(w, len(t.Name)+1+len(itoa(t.Partitions[pi].Partition)))
		}
	}
	return min(w, 16) + 1
}

// slotsFor is how many offsets a partition's window shows beside a label
// column labelW wide and the numbers at the row's end.
func (l *logsPane) slotsFor(labelW int) int {
	const sufW = 11
	return max((l.w-labelW-sufW)/2, 4)
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
			start, _ = l.marks.window(p, start, end, slots)
			need = max(need, int(p.LogEnd-start)+1)
		}
	}
	return min(need, maxLogTail)
}
