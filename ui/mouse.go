package ui

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
func (m *simScreen) handleClick(msg tea.MouseMsg) tea.Cmd {
	if m.run == nil || m.lay.tooSmall {
		return nil
	}
	id, ok := m.lay.paneAt(msg.X, msg.Y)
	if !ok {
		return nil
	}
	m.setFocus(id)
	if id == components.PaneLogs {
		m.clickLogs(msg.X, msg.Y)
	} else {
		m.clickName(id, msg.X, msg.Y)
	}
	return nil
}

// clickLogs inspects the record under a click, or shows the history of
// the partition whose label or markers were clicked.
func (m *simScreen) clickLogs(x, y int) {
	r := m.lay.logs
	hit, ok := m.logs.hits.at(x-r.x, y-r.y)
	if !ok {
		return
	}
	p, idx := findPartition(&m.snap, hit.part.topic, hit.part.partition)
	if p == nil {
		return
	}
	if hit.offset >= 0 && hit.offset < p.LogEnd && hit.offset >= p.LogStart {
		m.pause()
		m.inspect(recCursor{p.Topic, p.Partition, hit.offset})
		return
	}
	if hit.offset < 0 {
		m.openHistory(sheetPartition, idx)
	}
}

// clickDrill handles a click while a drill-down is open: a record or a
// partition of the logs is inspected in its place, the timeline moves
// the run (closing the drill-down); other clicks do nothing.
func (m *simScreen) clickDrill(msg tea.MouseMsg) tea.Cmd {
	if msg.Y == m.lay.timeline.y {
		m.closeDrill()
		cmd, _ := m.clickTimeline(msg) // scrub.go
		return cmd
	}
	if id, ok := m.lay.paneAt(msg.X, msg.Y); ok && id == components.PaneLogs && !inRect(m.lay.drill, msg.X, msg.Y) {
		m.setFocus(components.PaneLogs)
		m.clickLogs(msg.X, msg.Y)
	}
	return nil
}

// inRect reports whether the cell (x, y) is inside r.
func inRect(r rect, x, y int) bool { return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h }
