package simview

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
)

// MaxDrillTail bounds the records per log that the snapshot under an open
// drill-down copies, so a listed record far back in a long log can still
// be drawn without copying whole logs of a busy run.
const MaxDrillTail = 20_000

// DrillKey reports whether km opens the ledger's drill-down now: enter
// while the ledger has the focus. A lesson asks before its own enter (go
// on), so the other panes' drill-downs do not take that key from it.
func (m *Screen) DrillKey(km tea.KeyMsg) bool {
	return m.Focus == components.PaneLedger && key.Matches(km, m.KeyMap.Drill)
}

// historyHelp is what enter opens from each pane besides the ledger.
var historyHelp = map[components.PaneID]string{
	components.PaneLogs:    "partition history",
	components.PaneCluster: "broker history",
	components.PaneGroups:  "group history",
}

// enableHistory enables enter where the focused pane has a history, and
// names it, so help stays truthful.
func (m *Screen) enableHistory(id components.PaneID) {
	desc, ok := historyHelp[id]
	m.KeyMap.History.SetEnabled(ok)
	if ok {
		m.KeyMap.History.SetHelp("enter", desc)
	}
}

// openDrill opens the focused pane's drill-down: the ledger lists the
// records of its chosen fate; the logs, the cluster and the groups show
// a history. The run pauses so it holds still while it is read.
func (m *Screen) openDrill() {
	if m.Run == nil {
		return
	}
	switch m.Focus {
	case components.PaneLogs:
		m.openHistory(sheetPartition, m.Logs.firstShownPartition(&m.Snap))
		return
	case components.PaneCluster:
		m.openHistory(SheetBroker, 0)
		return
	case components.PaneGroups:
		m.openHistory(sheetGroup, 0)
		return
	}
	group, fate, ok := m.Ledger.Chosen(&m.Snap)
	if !ok {
		m.Status = "no consumer group yet: the ledger counts what groups process"
		return
	}
	m.Pause()
	m.showFate(group, fate)
}

// showFate fills the list with the group's records of fateOrder[fate],
// from the engine, and takes a snapshot deep enough to draw them.
func (m *Screen) showFate(group string, fate int) {
	fates := m.Run.Fates(group, components.FateOrder[fate])
	m.Drill.Open(group, fate, fates)
	m.Snap = m.Run.SnapshotTail(DrillTail(&m.Snap, fates))
	for gi, g := range m.Snap.Ledger.Groups {
		if g.ID == group {
			m.Ledger.cursor, m.Ledger.moved = gi*len(components.FateOrder)+fate, true
		}
	}
	m.layout()
	m.drillMoved()
}

// updateDrill handles a key or the mouse while the list is open.
func (m *Screen) updateDrill(msg tea.Msg) tea.Cmd {
	if mm, ok := msg.(tea.MouseMsg); ok && isClick(mm) {
		return m.clickDrill(mm)
	}
	act := m.Drill.Update(msg)
	switch {
	case act == nil && m.Drill.Sheet != nil:
		// a sheet scrolled: the logs' marks stay as they are
	case act == nil:
		m.drillMoved()
	case act.close && m.Drill.back:
		m.Drill.BackToList()
		m.drillMoved()
	case act.close:
		m.closeDrill()
	case act.inspect:
		m.inspectSelected()
	case act.sheet != sheetNone:
		m.sheetAction(act.sheet)
	default:
		n := len(components.FateOrder)
		m.showFate(m.Drill.group, (m.Drill.fate+act.dir+n)%n)
	}
	return nil
}

// drillMoved marks the listed records in the logs and scrolls the logs to
// the selected one.
func (m *Screen) drillMoved() {
	m.Logs.Marks = NewLogMarks(m.Drill.Fate(), m.Drill.Fates, m.Drill.Cursor)
	if f, ok := m.Drill.Selected(); ok {
		m.Logs.reveal(&m.Snap, f.Topic, f.Partition)
	}
}

// inspectSelected opens the record inspector on the list's selected
// record, at its first copy still in the log; esc comes back to the list.
func (m *Screen) inspectSelected() {
	f, ok := m.Drill.Selected()
	if !ok {
		return
	}
	p, _ := FindPartition(&m.Snap, f.Topic, f.Partition)
	for _, o := range f.Offsets {
		if p != nil && o >= p.LogStart && o < p.LogEnd {
			m.Inspect(RecCursor{f.Topic, f.Partition, o})
			return
		}
	}
	m.Status = "no copy of " + components.Sanitize(f.Producer) + "#" + components.Itoa(f.SendN) + " is in the log now: the list says why"
}

// closeDrill hides the list and the marks; the run stays paused.
func (m *Screen) closeDrill() {
	m.Drill.Close()
	m.Logs.Marks = nil
	m.Refresh()
}

// DrillTail is how many records of each log a snapshot needs to hold
// every listed record still in its log.
func DrillTail(snap *sim.Snapshot, fates []sim.RecordFate) int {
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
	return min(tail, MaxDrillTail)
}
