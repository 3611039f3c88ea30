package ui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// isClick reports whether msg is a press of the left button.
func isClick(msg tea.MouseMsg) bool {
	return msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft
}

// handleClick focuses the pane under a click; on a record of the logs it
// opens the record inspector, on a partition's label its history, on a
// broker's or a group's name its history (mouse_names.go), and on the
// timeline's track it moves the run to that time.
func (m *simScreen) handleClick(msg tea.MouseMsg) tea.Cmd {
	if m.run == nil || m.lay.tooSmall {
		return nil
	}
	if ms, ok := m.timelineAt(msg.X, msg.Y); ok {
		return m.seekTime(ms)
	}
	id, ok := m.lay.paneAt(msg.X, msg.Y)
	if !ok {
		return nil
	}
	m.setFocus(id)
	if id == paneLogs {
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
	if _, ok := m.timelineAt(msg.X, msg.Y); ok {
		m.closeDrill()
		return m.handleClick(msg)
	}
	if id, ok := m.lay.paneAt(msg.X, msg.Y); ok && id == paneLogs && !inRect(m.lay.drill, msg.X, msg.Y) {
		m.setFocus(paneLogs)
		m.clickLogs(msg.X, msg.Y)
	}
	return nil
}

// inRect reports whether the cell (x, y) is inside r.
func inRect(r rect, x, y int) bool { return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h }

// timelineAt is the virtual time under a click on the timeline's track.
// The track's geometry follows timelinePane.render: "├", trackW cells
// spanning [0, span], "┤", then the clock.
func (m *simScreen) timelineAt(x, y int) (int64, bool) {
	r := m.lay.timeline
	if y != r.y || x < r.x+1 {
		return 0, false
	}
	trackW, span := timelineTrack(r.w, m.run.Now(), m.spec.DurationMs, m.marks)
	col := x - r.x - 1
	if col >= trackW {
		return 0, false
	}
	return int64(col) * span / int64(max(trackW-1, 1)), true
}

// timelineTrack is the timeline's track width in cells and the time it
// spans, as timelinePane.render lays them out for width w.
func timelineTrack(w int, nowMs, durationMs int64, marks []mark) (int, int64) {
	span := max(durationMs, nowMs, 1)
	for _, mk := range marks {
		span = max(span, mk.AtMs)
	}
	clock := " " + fmtMs(nowMs) + " / " + fmtMs(durationMs)
	if durationMs <= 0 {
		span = openScale(span)
		clock = " " + fmtMs(nowMs) + " (scale 0–" + scaleLabel(span) + ")"
	}
	return max(w-len([]rune(clock))-2, 10), span
}

// seekTime moves the run to targetMs: forward by running on, in slices
// that esc calls off; back by replaying to the last step at or before it
// (sim.Run's BeginSeek, seek_job.go).
func (m *simScreen) seekTime(targetMs int64) tea.Cmd {
	m.pause()
	if targetMs > m.run.Now() {
		step := func() bool {
			next := m.run.NextAt()
			return next >= 0 && next <= targetMs && m.run.Step()
		}
		return m.jumpForward(targetMs, true, step, func() {
			if next := m.run.NextAt(); next < 0 || next > targetMs {
				m.run.RunUntil(targetMs)
			}
			m.hot.reset()
			m.absorbNew(true)
			m.refresh()
		})
	}
	target := 0
	for i := len(m.events) - 1; i >= 0; i-- {
		if m.events[i].AtMs <= targetMs {
			target = m.events[i].Step
			break
		}
	}
	if target == m.run.StepCount() {
		return nil
	}
	return m.seek(target)
}
