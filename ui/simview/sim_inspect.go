package simview

import (
	"kafkasim/sim"
	"kafkasim/ui/components"
)

// openInspector puts the record cursor on the newest record of the first
// partition the logs pane shows, and pauses so the record holds still.
func (m *Screen) openInspector() {
	if m.Run == nil {
		return
	}
	n := partitionCount(&m.Snap)
	first := m.Logs.firstShownPartition(&m.Snap)
	for k := range n {
		p := PartitionAt(&m.Snap, (first+k)%n)
		if len(p.Records) > 0 {
			m.Pause()
			m.Inspect(RecCursor{p.Topic, p.Partition, p.Records[len(p.Records)-1].Offset})
			return
		}
	}
	m.Status = "no records in the logs yet: play a little first"
}

// Inspect shows the record at c, taking a deeper snapshot when the log's
// tail held in the current one does not reach it.
func (m *Screen) Inspect(c RecCursor) {
	p, _ := FindPartition(&m.Snap, c.Topic, c.Partition)
	if p == nil {
		return
	}
	r, ok := FindRecord(p, c.Offset)
	if !ok && c.Offset >= p.LogStart && c.Offset < p.LogEnd {
		m.Snap = m.Run.SnapshotTail(min(int(p.LogEnd-c.Offset)+sim.DefaultSnapshotTail, MaxDrillTail))
		p, _ = FindPartition(&m.Snap, c.Topic, c.Partition)
		r, ok = FindRecord(p, c.Offset)
	}
	if !ok {
		m.Status = "no record at " + components.Sanitize(c.Topic) + "-" + components.Itoa(c.Partition) + "@" + components.I64(c.Offset)
		return
	}
	var story *sim.RecordStory
	if t, ok := m.Run.(recordTeller); ok && r.RecordID >= 0 {
		if s, ok := t.Record(r.RecordID); ok {
			story = &s
		}
	}
	m.Drill.OpenSheet(recordSheet(m.st, p, r, story))
	m.Drill.Cur = c
	m.Logs.Marks = cursorMarks(p, r, story)
	m.layout()
	m.Logs.reveal(&m.Snap, c.Topic, c.Partition)
}

// cursorMarks marks the inspected record in the logs (all its copies), with
// its first group's fate.
func cursorMarks(p *sim.PartitionView, r *sim.RecordView, story *sim.RecordStory) *LogMarks {
	rf := sim.RecordFate{RecordID: r.RecordID, Topic: p.Topic, Partition: p.Partition, Offsets: []int64{r.Offset}}
	fate := sim.FatePending
	if story != nil {
		if len(story.Offsets) > 0 {
			rf.Offsets = story.Offsets
		}
		if len(story.Groups) > 0 && story.Groups[0].Fate != "" {
			fate = story.Groups[0].Fate
		}
	}
	marks := NewLogMarks(fate, []sim.RecordFate{rf}, 0)
	pa := partAt{p.Topic, p.Partition}
	marks.sel[pa] = r.Offset // the strip follows the copy under the cursor
	return marks
}

// moveRecord moves the cursor to the previous (-1) or next (+1) record of
// its partition; the oldest record of the snapshot's tail asks for more.
func (m *Screen) moveRecord(dir int) {
	c := m.Drill.Cur
	p, _ := FindPartition(&m.Snap, c.Topic, c.Partition)
	if p == nil || len(p.Records) == 0 {
		return
	}
	recs := p.Records
	i := 0
	for i < len(recs) && recs[i].Offset < c.Offset {
		i++
	}
	switch {
	case dir > 0 && i < len(recs) && recs[i].Offset == c.Offset:
		i++
	case dir < 0:
		i--
	}
	switch {
	case i >= len(recs):
		m.Status = "the newest record of " + components.Sanitize(c.Topic) + "-" + components.Itoa(c.Partition)
		return
	case i < 0 && recs[0].Offset > p.LogStart:
		m.Inspect(RecCursor{c.Topic, c.Partition, recs[0].Offset - 1})
		return
	case i < 0:
		m.Status = "the oldest record the log still holds"
		return
	}
	m.Inspect(RecCursor{c.Topic, c.Partition, recs[i].Offset})
}

// movePartition moves the cursor to the partition above (-1) or below
// (+1) in the logs, on the record at the same offset or the newest one.
func (m *Screen) movePartition(dir int) {
	c := m.Drill.Cur
	_, idx := FindPartition(&m.Snap, c.Topic, c.Partition)
	n := partitionCount(&m.Snap)
	for k := 1; k < n && idx >= 0; k++ {
		p := PartitionAt(&m.Snap, ((idx+dir*k)%n+n)%n)
		if len(p.Records) == 0 {
			continue
		}
		o := p.Records[len(p.Records)-1].Offset
		if _, ok := FindRecord(p, c.Offset); ok {
			o = c.Offset
		}
		m.Inspect(RecCursor{p.Topic, p.Partition, o})
		return
	}
}

// sheetAction does what a key on an open sheet asks.
func (m *Screen) sheetAction(act sheetAction) {
	kind := m.Drill.Sheet.Kind
	switch {
	case kind == sheetRecord && (act == sheetPrev || act == sheetNext):
		m.moveRecord(stepOf(act))
	case kind == sheetRecord && (act == sheetUp || act == sheetDown):
		m.movePartition(stepOf(act))
	case kind == sheetRecord && act == sheetHistory:
		_, idx := FindPartition(&m.Snap, m.Drill.Cur.Topic, m.Drill.Cur.Partition)
		m.openHistory(sheetPartition, idx)
	case act == sheetPrev || act == sheetNext:
		m.openHistory(kind, m.Drill.subject+stepOf(act))
	}
}

// stepOf is -1 for the backward actions, +1 for the forward ones.
func stepOf(act sheetAction) int {
	if act == sheetPrev || act == sheetUp {
		return -1
	}
	return 1
}

// openHistory shows the history of the i-th partition, broker or group
// (wrapping around), built from the run's events so far.
func (m *Screen) openHistory(kind sheetKind, i int) {
	if m.Run == nil {
		return
	}
	var s *drillSheet
	switch kind {
	case sheetPartition:
		n := partitionCount(&m.Snap)
		if n == 0 {
			m.Status = "no partitions yet"
			return
		}
		i = (i%n + n) % n
		p := PartitionAt(&m.Snap, i)
		s = partitionHistory(m.st, p, m.Events)
		m.Logs.Marks = nil
		m.Logs.reveal(&m.Snap, p.Topic, p.Partition)
	case SheetBroker:
		n := len(m.Snap.Brokers)
		if n == 0 {
			return
		}
		i = (i%n + n) % n
		s = brokerHistory(m.st, &m.Snap, m.Snap.Brokers[i], m.Events)
	case sheetGroup:
		n := len(m.Snap.Groups)
		if n == 0 {
			m.Status = "no consumer groups in this scenario"
			return
		}
		i = (i%n + n) % n
		s = groupHistory(m.st, &m.Snap.Groups[i], m.Events)
	default:
		return
	}
	m.Pause()
	s.offset = len(m.Events) + 1<<20 // open at the end: now
	m.Drill.OpenSheet(s)
	m.Drill.subject = i
	m.layout()
}
