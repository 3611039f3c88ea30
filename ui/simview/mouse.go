package simview

import (
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/components"
)

// isClick reports whether msg is a press of the left button.
func isClick(msg tea.MouseMsg) bool {
	return msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft
}

// handleClick focuses the pane under a click; on a record of the logs it
// opens the record inspector, on a partition's label its history, and on
// a broker's or a group's name its history (mouse_names.go). A click on
// the timeline is scrub.go's (clickTimeline), before this.
func (m *Screen) handleClick(msg tea.MouseMsg) tea.Cmd {
	if m.Run == nil || m.Lay.TooSmall {
		return nil
	}
	id, ok := m.Lay.paneAt(msg.X, msg.Y)
	if !ok {
		return nil
	}
	m.SetFocus(id)
	if id == components.PaneLogs {
		m.clickLogs(msg.X, msg.Y)
	} else {
		m.clickName(id, msg.X, msg.Y)
	}
	return nil
}

// clickLogs inspects the record under a click, or shows the history of
// the partition whose label or markers were clicked.
func (m *Screen) clickLogs(x, y int) {
	r := m.Lay.Logs
	hit, ok := m.Logs.Hits.At(x-r.X, y-r.Y)
	if !ok {
		return
	}
	p, idx := FindPartition(&m.Snap, hit.Part.Topic, hit.Part.Partition)
	if p == nil {
		return
	}
	if hit.Offset >= 0 && hit.Offset < p.LogEnd && hit.Offset >= p.LogStart {
		m.Pause()
		m.Inspect(RecCursor{p.Topic, p.Partition, hit.Offset})
		return
	}
	if hit.Offset < 0 {
		m.openHistory(sheetPartition, idx)
	}
}

// clickDrill handles a click while a drill-down is open: a record or a
// partition of the logs is inspected in its place, the timeline moves
// the run (closing the drill-down); other clicks do nothing.
func (m *Screen) clickDrill(msg tea.MouseMsg) tea.Cmd {
	if msg.Y == m.Lay.Timeline.Y {
		m.closeDrill()
		cmd, _ := m.clickTimeline(msg) // scrub.go
		return cmd
	}
	if id, ok := m.Lay.paneAt(msg.X, msg.Y); ok && id == components.PaneLogs && !inRect(m.Lay.drill, msg.X, msg.Y) {
		m.SetFocus(components.PaneLogs)
		m.clickLogs(msg.X, msg.Y)
	}
	return nil
}

// inRect reports whether the cell (x, y) is inside r.
func inRect(r Rect, x, y int) bool { return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H }
