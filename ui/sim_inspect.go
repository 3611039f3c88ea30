package ui

import (
	"kafkasim/sim"
	"kafkasim/ui/components"
)

// openInspector puts the record cursor on the newest record of the first
// partition the logs pane shows, and pauses so the record holds still.
func (m *simScreen) openInspector() {
	if m.run == nil {
		return
	}
	n := partitionCount(&m.snap)
	first := m.logs.firstShownPartition(&m.snap)
	for k := range n {
		p := partitionAt(&m.snap, (first+k)%n)
		if len(p.Records) > 0 {
			m.pause()
			m.inspect(recCursor{p.Topic, p.Partition, p.Records[len(p.Records)-1].Offset})
			return
		}
	}
	m.status = "no records in the logs yet: play a little first"
}

// inspect shows the record at c, taking a deeper snapshot when the log's
// tail held in the current one does not reach it.
func (m *simScreen) inspect(c recCursor) {
	p, _ := findPartition(&m.snap, c.topic, c.partition)
	if p == nil {
		return
	}
	r, ok := findRecord(p, c.offset)
	if !ok && c.offset >= p.LogStart && c.offset < p.LogEnd {
		m.snap = m.run.SnapshotTail(min(int(p.LogEnd-c.offset)+sim.DefaultSnapshotTail, maxDrillTail))
		p, _ = findPartition(&m.snap, c.topic, c.partition)
		r, ok = findRecord(p, c.offset)
	}
	if !ok {
		m.status = "no record at " + components.Sanitize(c.topic) + "-" + components.Itoa(c.partition) + "@" + components.I64(c.offset)
		return
	}
	var story *sim.RecordStory
	if t, ok := m.run.(recordTeller); ok && r.RecordID >= 0 {
		if s, ok := t.Record(r.RecordID); ok {
			story = &s
		}
	}
	m.drill.OpenSheet(recordSheet(m.st, p, r, story))
	m.drill.cur = c
	m.logs.marks = cursorMarks(p, r, story)
	m.layout()
	m.logs.reveal(&m.snap, c.topic, c.partition)
}

// cursorMarks marks the inspected record in the logs (all its copies), with
// its first group's fate.
func cursorMarks(p *sim.PartitionView, r *sim.RecordView, story *sim.RecordStory) *logMarks {
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
	marks := newLogMarks(fate, []sim.RecordFate{rf}, 0)
	pa := partAt{p.Topic, p.Partition}
	marks.sel[pa] = r.Offset // the strip follows the copy under the cursor
	return marks
}

// moveRecord moves the cursor to the previous (-1) or next (+1) record of
// its partition; the oldest record of the snapshot's tail asks for more.
func (m *simScreen) moveRecord(dir int) {
	c := m.drill.cur
	p, _ := findPartition(&m.snap, c.topic, c.partition)
	if p == nil || len(p.Records) == 0 {
		return
	}
	recs := p.Records
	i := 0
	for i < len(recs) && recs[i].Offset < c.offset {
		i++
	}
	switch {
	case dir > 0 && i < len(recs) && recs[i].Offset == c.offset:
		i++
	case dir < 0:
		i--
	}
	switch {
	case i >= len(recs):
		m.status = "the newest record of " + components.Sanitize(c.topic) + "-" + components.Itoa(c.partition)
		return
	case i < 0 && recs[0].Offset > p.LogStart:
		m.inspect(recCursor{c.topic, c.partition, recs[0].Offset - 1})
		return
	case i < 0:
		m.status = "the oldest record the log still holds"
		return
	}
	m.inspect(recCursor{c.topic, c.partition, recs[i].Offset})
}

// movePartition moves the cursor to the partition above (-1) or below
// (+1) in the logs, on the record at the same offset or the newest one.
func (m *simScreen) movePartition(dir int) {
	c := m.drill.cur
	_, idx := findPartition(&m.snap, c.topic, c.partition)
	n := partitionCount(&m.snap)
	for k := 1; k < n && idx >= 0; k++ {
		p := partitionAt(&m.snap, ((idx+dir*k)%n+n)%n)
		if len(p.Records) == 0 {
			continue
		}
		o := p.Records[len(p.Records)-1].Offset
		if _, ok := findRecord(p, c.offset); ok {
			o = c.offset
		}
		m.inspect(recCursor{p.Topic, p.Partition, o})
		return
	}
}

// sheetAction does what a key on an open sheet asks.
func (m *simScreen) sheetAction(act sheetAction) {
	kind := m.drill.sheet.kind
	switch {
	case kind == sheetRecord && (act == sheetPrev || act == sheetNext):
		m.moveRecord(stepOf(act))
	case kind == sheetRecord && (act == sheetUp || act == sheetDown):
		m.movePartition(stepOf(act))
	case kind == sheetRecord && act == sheetHistory:
		_, idx := findPartition(&m.snap, m.drill.cur.topic, m.drill.cur.partition)
		m.openHistory(sheetPartition, idx)
	case act == sheetPrev || act == sheetNext:
		m.openHistory(kind, m.drill.subject+stepOf(act))
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
func (m *simScreen) openHistory(kind sheetKind, i int) {
	if m.run == nil {
		return
	}
	var s *drillSheet
	switch kind {
	case sheetPartition:
		n := partitionCount(&m.snap)
		if n == 0 {
			m.status = "no partitions yet"
			return
		}
		i = (i%n + n) % n
		p := partitionAt(&m.snap, i)
		s = partitionHistory(m.st, p, m.events)
		m.logs.marks = nil
		m.logs.reveal(&m.snap, p.Topic, p.Partition)
	case sheetBroker:
		n := len(m.snap.Brokers)
		if n == 0 {
			return
		}
		i = (i%n + n) % n
		s = brokerHistory(m.st, &m.snap, m.snap.Brokers[i], m.events)
	case sheetGroup:
		n := len(m.snap.Groups)
		if n == 0 {
			m.status = "no consumer groups in this scenario"
			return
		}
		i = (i%n + n) % n
		s = groupHistory(m.st, &m.snap.Groups[i], m.events)
	default:
		return
	}
	m.pause()
	s.offset = len(m.events) + 1<<20 // open at the end: now
	m.drill.OpenSheet(s)
	m.drill.subject = i
	m.layout()
}
