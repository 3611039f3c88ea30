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
	hits  logHits // where the last render drew each partition, for the mouse
}

func newLogsPane(st *Styles) logsPane {
	return logsPane{pane: pane{id: paneLogs}, cells: newCellCache(st), keys: map[string]int{}, rowsPer: 2}
}

// partRef points at one partition of a snapshot.
type partRef struct {
	t *sim.TopicView
	p *sim.PartitionView
}

// render draws the visible partitions of snap as l.w × l.h lines.
func (l *logsPane) render(st *Styles, snap *sim.Snapshot, hot *anim) []string {
	var parts []partRef
	labelW := 6
	for ti := range snap.Topics {
		t := &snap.Topics[ti]
		for pi := range t.Partitions {
			parts = append(parts, partRef{t, &t.Partitions[pi]})
			labelW = max(labelW, len(t.Name)+1+len(itoa(t.Partitions[pi].Partition)))
		}
	}
	labelW = min(labelW, 16) + 1
	l.rowsPer = 2
	if 1+3*len(parts) <= l.bodyHeight() {
		l.rowsPer = 3
	}
	l.setTotal(1 + l.rowsPer*len(parts))
	from, to := l.window()
	l.hits.reset(from)
	body := make([]string, 0, to-from)
	var blk []string
	blkIdx := -1
	for i := from; i < to; i++ {
		if i == 0 {
			continue // the key legend, filled in last: it lists keys drawn below
		}
		b := (i - 1) / l.rowsPer
		if b != blkIdx {
			blk = l.partitionBlock(st, snap, parts[b], labelW, hot)
			blkIdx = b
		}
		body = append(body, blk[(i-1)%l.rowsPer])
		l.hits.line(i, parts[b].p, (i-1)%l.rowsPer == 0)
	}
	if from == 0 {
		body = append([]string{l.legend(st)}, body...)
	}
	if len(parts) == 0 {
		body = append(body, st.Faint.Render("no topics"))
	}
	extra := st.Faint.Render("H high watermark · L leader end · 2 follower b2 end · C committed · ^ consumer")
	return l.frame(st, extra, body)
}

// legend maps key letters back to keys.
func (l *logsPane) legend(st *Styles) string {
	var b strings.Builder
	if m := l.marks; m != nil {
		b.WriteString(l.cells.get(markStyle(m.fate), fateMark(m.fate), 0))
		b.WriteString(st.Bold.Render("=" + fateWord(m.fate) + " (listed) "))
		b.WriteString(l.cells.get(cellMarkSelected, glyphSelected, 0))
		b.WriteString(st.Bold.Render("=selected") + st.Faint.Render(" · "))
	}
	b.WriteString(st.Faint.Render("keys "))
	for i, k := range l.keyList {
		if i >= 12 {
			b.WriteString(st.Faint.Render("…"))
			break
		}
		b.WriteString(l.cells.get(cellStyle(i%len(st.Keys)), rune(keyLetters[i%len(keyLetters)]), 0))
		b.WriteString(st.Faint.Render("=" + sanitize(k) + " "))
	}
	b.WriteString(st.Faint.Render(string(glyphNullKey) + "=null key " + string(glyphDup) + "=duplicate " +
		string(glyphTombstone) + "=tombstone " + string(glyphDeleted) + "=deleted " + string(glyphGap) + "=compacted"))
	return b.String()
}

// window of offsets drawn for a partition: the tail, ending one slot past
// the longest log so a marker at the log end has somewhere to sit.
func (l *logsPane) offsetWindow(p *sim.PartitionView, slots int) (start, end int64) {
	end = p.LogEnd
	for _, r := range p.ReplicaLogs {
		end = max(end, r.LEO)
	}
	end++
	start = max(end-int64(slots), 0)
	return start, end
}

func (l *logsPane) partitionBlock(st *Styles, snap *sim.Snapshot, ref partRef, labelW int, hot *anim) []string {
	p := ref.p
	const sufW = 11
	slots := max((l.w-labelW-sufW)/2, 4)
	start, end := l.offsetWindow(p, slots)
	start, end = l.marks.window(p, start, end, slots)
	l.hits.strip(p, labelW, start)

	var s1, s2 strings.Builder
	label := p.Topic + "-" + itoa(p.Partition)
	s1.WriteString(st.Bold.Render(fit(label, labelW)))
	leader := "◆b" + itoa(p.Leader) + " e" + itoa(p.LeaderEpoch)
	leaderStyle := st.Leader
	switch {
	case p.Leader == 0:
		leader, leaderStyle = "OFFLINE", st.Error
	case brokerDown(snap, p.Leader):
		// The controller has not moved leadership yet: say so.
		leader, leaderStyle = "✕b"+itoa(p.Leader)+" down", st.Error
	}
	if hot.is(hotKey{kind: hotLeader, s1: p.Topic, n1: p.Partition, n2: p.Leader}) {
		leaderStyle = st.Hot
	}
	s2.WriteString(leaderStyle.Render(fit(leader, labelW)))

	l.writeCells(&s1, st, p, start, end, hot)
	l.writeMarkers(&s2, snap, p, start, end, hot)
	s1.WriteString(st.Faint.Render(" LEO ") + i64(p.LogEnd))
	hw := st.Faint.Render(" HW ") + i64(p.HighWatermark)
	if hot.is(hotKey{kind: hotHW, s1: p.Topic, n1: p.Partition}) {
		hw = st.Hot.Render("▲HW " + i64(p.HighWatermark)) // the arrow shows it moved, without colour too
	}
	s2.WriteString(hw)
	lines := []string{s1.String(), s2.String()}
	if l.rowsPer == 3 {
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
	idx := 0
	if !r.NullKey {
		idx = l.keyIndex(r.Key)
	}
	style := cellStyle(idx % len(st.Keys))
	if r.NullKey {
		style = cellPlain
	}
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
	case fresh && style != cellPlain:
		style += cellHotBase
	case fresh:
		style = cellHot
	case uncommitted && style != cellPlain:
		style += cellFaintBase
	case uncommitted:
		style = cellFaint
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

// writeMarkers draws the marker row: under each record, its replication mark
// (H, L, a follower's digit) and then its consumer mark (C, ^); a consumer
// mark moves under the record when there is no replication mark.
func (l *logsPane) writeMarkers(b *strings.Builder, snap *sim.Snapshot, p *sim.PartitionView, start, end int64, hot *anim) {
	hwHot := hot.is(hotKey{kind: hotHW, s1: p.Topic, n1: p.Partition})
	for o := start; o < end; o++ {
		r1, s1 := rune(' '), cellPlain
		switch {
		case o == p.HighWatermark:
			r1, s1 = 'H', cellBold
			if hwHot {
				s1 = cellHot
			}
		case o == p.LogEnd && p.Leader != 0:
			r1, s1 = 'L', cellLeader
		default:
			for _, r := range p.ReplicaLogs {
				if r.Leader || r.LEO != o {
					continue
				}
				r1, s1 = brokerDigit(r.Broker), cellInSync
				if !r.InSync {
					s1 = cellOutOfSync
				}
				if !r.Online {
					s1 = cellFaint
				}
				break
			}
		}
		r2, s2 := rune(' '), cellPlain
		for gi := range snap.Groups {
			for _, off := range snap.Groups[gi].Offsets {
				if off.Topic != p.Topic || off.Partition != p.Partition {
					continue
				}
				if off.Committed == o {
					r2, s2 = 'C', cellCommitted
					if hot.is(hotKey{kind: hotCommit, s1: snap.Groups[gi].ID, s2: p.Topic, n1: p.Partition}) {
						s2 = cellHot
					}
				} else if off.Position == o && r2 == ' ' {
					r2, s2 = '^', cellPosition
				}
			}
		}
		if r1 == ' ' { // the consumer mark sits right under its record
			r1, s1, r2, s2 = r2, s2, ' ', cellPlain
		}
		b.WriteString(l.cells.get(s1, r1, 0))
		b.WriteString(l.cells.get(s2, r2, 0))
	}
}

// reveal scrolls the pane so the partition's strip is on screen.
func (l *logsPane) reveal(snap *sim.Snapshot, topic string, partition int) {
	b := 0
	for _, t := range snap.Topics {
		for _, p := range t.Partitions {
			if p.Topic == topic && p.Partition == partition {
				first := 1 + b*l.rowsPer // line 0 is the key legend
				if first+l.rowsPer > l.offset+l.bodyHeight() {
					l.offset = first + l.rowsPer - l.bodyHeight()
				}
				l.offset = min(l.offset, first)
				return
			}
			b++
		}
	}
}

// brokerDigit is the one-cell name of a broker in the marker row.
func brokerDigit(id int) rune {
	if id >= 1 && id <= 9 {
		return rune('0' + id)
	}
	return '*'
}

// detail spells out the numbers the marker row draws.
func (l *logsPane) detail(st *Styles, snap *sim.Snapshot, p *sim.PartitionView, labelW int, hot *anim) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", labelW))
	b.WriteString(st.Faint.Render("start " + i64(p.LogStart)))
	for _, r := range p.ReplicaLogs {
		if r.Leader {
			continue
		}
		sym, style := symOutOfSync, st.OutOfSync
		switch {
		case !r.Online:
			sym, style = symOffline, st.Offline
		case r.InSync:
			sym, style = symInSync, st.InSync
		}
		b.WriteString(" " + style.Render("b"+itoa(r.Broker)+sym+i64(r.LEO)))
	}
	for gi := range snap.Groups {
		g := &snap.Groups[gi]
		for _, off := range g.Offsets {
			if off.Topic != p.Topic || off.Partition != p.Partition {
				continue
			}
			b.WriteString(st.Faint.Render(" │ ") + st.Committed.Render(sanitize(g.ID)+" C"+offsetText(off.Committed)))
			if off.Position >= 0 {
				b.WriteString(st.Position.Render(" ^" + i64(off.Position)))
			}
			if off.Lag >= 0 {
				b.WriteString(st.Faint.Render(" lag " + i64(off.Lag)))
			}
		}
	}
	for _, t := range hot.truncs {
		if t.topic == p.Topic && t.partition == p.Partition {
			b.WriteString(" " + st.Struck.Render("✂ b"+itoa(t.broker)+" dropped "+i64(t.from)+"–"+i64(t.to-1)))
		}
	}
	return b.String()
}

// offsetText writes an offset, "-" when there is none (-1).
func offsetText(o int64) string {
	if o < 0 {
		return "-"
	}
	return i64(o)
}

// brokerDown reports whether broker id is down in snap.
func brokerDown(snap *sim.Snapshot, id int) bool {
	for _, b := range snap.Brokers {
		if b.ID == id {
			return b.State == sim.BrokerDown
		}
	}
	return false
}
