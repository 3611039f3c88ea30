package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// logJumpMsg moves the logs' window to an offset, or back to following.
type logJumpMsg struct {
	Offset int64
	Follow bool
}

// maxLogTail bounds the records a snapshot carries per log, however far
// back the windows look.
const maxLogTail = 4096

// slots is about how many offsets a partition's window shows.
func (l *logsPane) slots() int64 { return int64(l.slotsFor(17)) }

// jump pins the window at an offset, or lets it follow again.
func (l *logsPane) jump(msg logJumpMsg) {
	if msg.Follow {
		l.view = logView{pin: -1}
		return
	}
	l.view = logView{pin: max(msg.Offset, 0)}
}

// move shifts the windows by n offsets; back at the followed place they
// follow again.
func (l *logsPane) move(n int64) {
	if l.view.pin >= 0 {
		l.view.pin = max(l.view.pin+n, 0)
		return
	}
	l.view.shift += n
	if l.view.shift > 0 { // the followed window already ends at the tail
		l.view.shift = 0
	}
}

// enableLogKeys turns the logs' keys on while the logs have the focus.
func (m *simScreen) enableLogKeys(on bool) {
	m.keys.LogLeft.SetEnabled(on)
	m.keys.LogRight.SetEnabled(on)
	m.keys.LogJump.SetEnabled(on)
}

// handleLogKey moves the logs' window; it reports whether the key was one.
func (m *simScreen) handleLogKey(msg tea.KeyMsg) bool {
	k := m.keys
	half := max(m.logs.slots()/2, 1)
	switch {
	case key.Matches(msg, k.LogLeft):
		m.logs.move(-half)
	case key.Matches(msg, k.LogRight):
		m.logs.move(half)
	case key.Matches(msg, k.LogJump):
		m.pause()
		m.prompt = m.prompt.Open("Go to offset", "an offset to show in every log; empty follows the markers again", "",
			func(v string) tea.Msg {
				v = strings.TrimSpace(v)
				if v == "" {
					return logJumpMsg{Follow: true}
				}
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil {
					return nil
				}
				return logJumpMsg{Offset: n}
			})
	default:
		return false
	}
	m.refreshLogs()
	return true
}

// refreshLogs takes the snapshot again after the logs' window moved: a
// window further back may need more of each log than the last one carried.
func (m *simScreen) refreshLogs() {
	if !m.playing && m.run != nil {
		m.refresh()
	}
}
