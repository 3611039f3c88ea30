package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
)

// maxDrillTail bounds the records per log that the snapshot under an open
// drill-down copies, so a listed record far back in a long log can still
// be drawn without copying whole logs of a busy run.
const maxDrillTail = 20_000

// drillKey reports whether km opens the ledger's drill-down now: enter
// while the ledger has the focus. A lesson asks before its own enter (go
// on), so the other panes' drill-downs do not take that key from it.
func (m *simScreen) drillKey(km tea.KeyMsg) bool {
	return m.focus == components.PaneLedger && key.Matches(km, m.keys.Drill)
}

// historyHelp is what enter opens from each pane besides the ledger.
var historyHelp = map[components.PaneID]string{
	components.PaneLogs:    "partition history",
	components.PaneCluster: "broker history",
	components.PaneGroups:  "group history",
}

// enableHistory enables enter where the focused pane has a history, and
// names it, so help stays truthful.
func (m *simScreen) enableHistory(id components.PaneID) {
	desc, ok := historyHelp[id]
	m.keys.History.SetEnabled(ok)
	if ok {
		m.keys.History.SetHelp("enter", desc)
	}
}

// openDrill opens the focused pane's drill-down: the ledger lists the
// records of its chosen fate; the logs, the cluster and the groups show
// a history. The run pauses so it holds still while it is read.
func (m *simScreen) openDrill() {
	if m.run == nil {
		return
	}
	switch m.focus {
	case components.PaneLogs:
		m.openHistory(sheetPartition, m.logs.firstShownPartition(&m.snap))
		return
	case components.PaneCluster:
		m.openHistory(sheetBroker, 0)
		return
	case components.PaneGroups:
		m.openHistory(sheetGroup, 0)
		return
	}
	group, fate, ok := m.ledger.chosen(&m.snap)
	if !ok {
		m.status = "no consumer group yet: the ledger counts what groups process"
		return
	}
	m.pause()
	m.showFate(group, fate)
}

// showFate fills the list with the group's records of fateOrder[fate],
// from the engine, and takes a snapshot deep enough to draw them.
func (m *simScreen) showFate(group string, fate int) {
	fates := m.run.Fates(group, components.FateOrder[fate])
	m.drill.Open(group, fate, fates)
	m.snap = m.run.SnapshotTail(drillTail(&m.snap, fates))
	for gi, g := range m.snap.Ledger.Groups {
		if g.ID == group {
			m.ledger.cursor, m.ledger.moved = gi*len(components.FateOrder)+fate, true
		}
	}
	m.layout()
	m.drillMoved()
}

// updateDrill handles a key or the mouse while the list is open.
func (m *simScreen) updateDrill(msg tea.Msg) tea.Cmd {
	if mm, ok := msg.(tea.MouseMsg); ok && isClick(mm) {
		return m.clickDrill(mm)
	}
	act := m.drill.Update(msg)
	switch {
	case act == nil && m.drill.sheet != nil:
		// a sheet scrolled: the logs' marks stay as they are
	case act == nil:
		m.drillMoved()
	case act.close && m.drill.back:
		m.drill.BackToList()
		m.drillMoved()
	case act.close:
		m.closeDrill()
	case act.inspect:
		m.inspectSelected()
	case act.sheet != sheetNone:
		m.sheetAction(act.sheet)
	default:
		n := len(components.FateOrder)
		m.showFate(m.drill.group, (m.drill.fate+act.dir+n)%n)
	}
	return nil
}

// drillMoved marks the listed records in the logs and scrolls the logs to
// the selected one.
func (m *simScreen) drillMoved() {
	m.logs.marks = newLogMarks(m.drill.Fate(), m.drill.fates, m.drill.cursor)
	if f, ok := m.drill.Selected(); ok {
		m.logs.reveal(&m.snap, f.Topic, f.Partition)
	}
}

// inspectSelected opens the record inspector on the list's selected
// record, at its first copy still in the log; esc comes back to the list.
func (m *simScreen) inspectSelected() {
	f, ok := m.drill.Selected()
	if !ok {
		return
	}
	p, _ := findPartition(&m.snap, f.Topic, f.Partition)
	for _, o := range f.Offsets {
		if p != nil && o >= p.LogStart && o < p.LogEnd {
			m.inspect(recCursor{f.Topic, f.Partition, o})
			return
		}
	}
	m.status = "no copy of " + components.Sanitize(f.Producer) + "#" + components.Itoa(f.SendN) + " is in the log now: the list says why"
}

// closeDrill hides the list and the marks; the run stays paused.
func (m *simScreen) closeDrill() {
	m.drill.Close()
	m.logs.marks = nil
	m.refresh()
}

// drillTail is how many records of each log a snapshot needs to hold
// every listed record still in its log.
func drillTail(snap *sim.Snapshot, fates []sim.RecordFate) int {
	logEnd := map[partAt]int64{}
	for _, t := range snap.Topics {
		for _, p := range t.Partitions {
			logEnd[partAt{p.Topic, p.Partition}] = p.LogEnd
		}
	}
	tail := sim.DefaultSnapshotTail
	for _, f := range fates {
		end, ok := logEnd[partAt{f.Topic, f.Partition}]
		for _, o := range f.Offsets {
			if ok && o < end {
				// and as many before it, for the strip to start a little earlier
				tail = max(tail, int(end-o)+sim.DefaultSnapshotTail)
			}
		}
	}
	return min(tail, maxDrillTail)
}
