package simview

import (
	"slices"

	"kafkasim/sim"
)

// A played frame's snapshot carries the records of only the logs the logs
// pane lays out: on a big cluster the rest (64 records × every partition,
// every frame) were most of a snapshot's cost, for logs nobody sees. The
// rule stays simple: anything but a played frame — a key, the mouse, a
// resize, a drill, a sheet, a seek — works on a snapshot with every log's
// records, taken again at the same moment when the last one left some out.

// tailSnapshotter is a run that can leave some logs' records out of a
// snapshot (sim.Sim.SnapshotTails).
type tailSnapshotter interface {
	SnapshotTails(tail int, shows func(topic string, partition int) bool) sim.Snapshot
}

// partialOK reports whether the next played frame may leave records out:
// nothing open that reads other logs' records, and a run that can.
func (m *Screen) partialOK() bool {
	_, ok := m.Run.(tailSnapshotter)
	return ok && !m.Drill.IsOpen() && m.Logs.Marks == nil && m.Job == nil && m.Cmdline.Busy == nil && m.live == nil
}

// snapshot takes the run's snapshot with tail records per log: of every
// log, or (shownOnly) of the logs the logs pane lays out for the
// partitions of the last snapshot. It notes which logs it holds.
func (m *Screen) snapshot(tail int, shownOnly bool) sim.Snapshot {
	if !shownOnly {
		m.snapShown = nil
		return m.Run.SnapshotTail(tail)
	}
	shown := m.Logs.shownParts(&m.Snap)
	m.snapShown = shown
	return m.Run.(tailSnapshotter).SnapshotTails(tail, func(t string, p int) bool {
		return slices.Contains(shown, partAt{t, p})
	})
}

// holdsShown reports whether the snapshot holds the records of every log
// the logs pane lays out now.
func (m *Screen) holdsShown() bool {
	if m.snapShown == nil {
		return true
	}
	for _, pa := range m.Logs.shownParts(&m.Snap) {
		if !slices.Contains(m.snapShown, pa) {
			return false
		}
	}
	return true
}

// holdAll takes the snapshot again, at the same moment, with every log's
// records when the last one left some out.
func (m *Screen) holdAll() {
	if m.snapShown != nil && m.Run != nil {
		m.Refresh()
	}
}

// shownParts are the partitions of snap the logs pane lays out at its
// size and scroll, as Render places them.
func (l *logsPane) shownParts(snap *sim.Snapshot) []partAt {
	n := partitionCount(snap)
	rowsPer, head := l.rowsFor(n)
	bh := l.BodyHeight()
	total := head + rowsPer*n
	from := min(max(l.Offset, 0), max(total-bh, 0))
	to := min(from+bh, total)
	var out []partAt
	for b := max(from-head, 0) / rowsPer; b < n && head+b*rowsPer < to; b++ {
		p := PartitionAt(snap, b)
		out = append(out, partAt{p.Topic, p.Partition})
	}
	return out
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
