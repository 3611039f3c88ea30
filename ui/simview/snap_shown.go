package simview

import (
	"slices"

	"kafkasim/sim"
)

// A played frame's snapshot carries the records of only the windows the
// logs pane draws: on a big cluster the rest (64 records × every
// partition, every frame) were most of a snapshot's cost, for logs nobody
// sees, and a group far behind asked for thousands of records of each log
// to draw a few dozen. The rule stays simple: anything but a played frame
// — a key, the mouse, a resize, a drill, a sheet, a seek — works on a
// snapshot with every log's records, taken again at the same moment when
// the last one left some out.

// windowSnapshotter is a run that can leave records out of a snapshot
// (sim.Sim.SnapshotWindows).
type windowSnapshotter interface {
	SnapshotWindows(tail int, window sim.LogWindow) sim.Snapshot
}

// shownWindow is a log the logs pane lays out and the offsets it draws.
type shownWindow struct {
	partAt
	from, to int64
}

// partialOK reports whether the next played frame may leave records out:
// nothing open that reads other records, and a run that can.
func (m *Screen) partialOK() bool {
	_, ok := m.Run.(windowSnapshotter)
	return ok && !m.Drill.IsOpen() && m.Logs.Marks == nil && m.Job == nil && m.Cmdline.Busy == nil && m.live == nil
}

// snapshot takes the run's snapshot with tail records per log: of every
// log, or (shownOnly) of the windows the logs pane draws of the
// partitions it lays out for the last snapshot, placed on the new one.
// It notes which windows it holds.
func (m *Screen) snapshot(tail int, shownOnly bool) sim.Snapshot {
	if !shownOnly {
		m.snapShown = nil
		return m.Run.SnapshotTail(tail)
	}
	shown := m.Logs.shownParts(&m.Snap)
	m.snapShown = make([]shownWindow, 0, len(shown))
	slots := -1
	return m.Run.(windowSnapshotter).SnapshotWindows(tail, func(snap *sim.Snapshot, p *sim.PartitionView) (int64, int64, bool) {
		pa := partAt{p.Topic, p.Partition}
		if !slices.Contains(shown, pa) {
			return 0, 0, false
		}
		if slots < 0 { // the windows follow the new snapshot's groups and labels
			m.Logs.group = m.Groups.focusGroup(snap)
			slots = m.Logs.slotsFor(logLabelWidth(snap))
		}
		from, to := m.Logs.offsetWindow(snap, p, slots)
		m.snapShown = append(m.snapShown, shownWindow{pa, from, to})
		return from, to, true
	})
}

// holdsShown reports whether the snapshot holds the records of every
// window the logs pane draws now.
func (m *Screen) holdsShown() bool {
	if m.snapShown == nil {
		return true
	}
	held := true
	m.Logs.eachShown(&m.Snap, func(p *sim.PartitionView, from, to int64) {
		held = held && slices.Contains(m.snapShown, shownWindow{partAt{p.Topic, p.Partition}, from, to})
	})
	return held
}

// holdAll takes the snapshot again, at the same moment, with every log's
// records when the last one left some out.
func (m *Screen) holdAll() {
	if m.snapShown != nil && m.Run != nil {
		m.Refresh()
	}
}

// eachShown calls f with each partition of snap the logs pane lays out
// and the offsets its row draws, as Render places them.
func (l *logsPane) eachShown(snap *sim.Snapshot, f func(p *sim.PartitionView, from, to int64)) {
	slots := l.slotsFor(logLabelWidth(snap))
	l.eachShownPart(snap, func(p *sim.PartitionView) {
		from, to := l.offsetWindow(snap, p, slots)
		f(p, from, to)
	})
}

// shownParts are the partitions of snap the logs pane lays out at its
// size and scroll.
func (l *logsPane) shownParts(snap *sim.Snapshot) []partAt {
	var out []partAt
	l.eachShownPart(snap, func(p *sim.PartitionView) { out = append(out, partAt{p.Topic, p.Partition}) })
	return out
}

// eachShownPart calls f with each partition of snap the logs pane lays
// out at its size and scroll, as Render places them.
func (l *logsPane) eachShownPart(snap *sim.Snapshot, f func(p *sim.PartitionView)) {
	n := partitionCount(snap)
	rowsPer, head := l.rowsFor(n)
	bh := l.BodyHeight()
	total := head + rowsPer*n
	from := min(max(l.Offset, 0), max(total-bh, 0))
	to := min(from+bh, total)
	for b := max(from-head, 0) / rowsPer; b < n && head+b*rowsPer < to; b++ {
		f(PartitionAt(snap, b))
	}
}

// rowsFor is how many rows each of n partitions takes at the pane's
// height (3, or 4 with a detail line) and whether the key legend heads
// the pane (1) or gave way (0).
func (l *logsPane) rowsFor(n int) (rowsPer, head int) {
	rowsPer = 3
	if 1+4*n <= l.BodyHeight() {
		rowsPer = 4
	}
	head = 1 // the key legend, unless one partition would not fit with it
	if l.BodyHeight() < 1+rowsPer {
		head = 0
	}
	return rowsPer, head
}
