package simview

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// LogJumpMsg moves the logs' window to an offset, or back to following.
type LogJumpMsg struct {
	Offset int64
	Follow bool
}

// maxLogTail bounds the records a snapshot carries per log, however far
// back the windows look.
const maxLogTail = 4096

// slots is about how many offsets a partition's window shows.
func (l *logsPane) slots() int64 { return int64(l.slotsFor(17)) }

// jump pins the window at an offset, or lets it follow again.
func (l *logsPane) jump(msg LogJumpMsg) {
	if msg.Follow {
		l.View = logView{pin: -1}
		return
	}
	l.View = logView{pin: max(msg.Offset, 0)}
}

// move shifts the windows by n offsets; back at the followed place they
// follow again.
func (l *logsPane) move(n int64) {
	if l.View.pin >= 0 {
		l.View.pin = max(l.View.pin+n, 0)
		return
	}
	l.View.shift += n
	if l.View.shift > 0 { // the followed window already ends at the tail
		l.View.shift = 0
	}
}

// enableLogKeys turns the logs' keys on while the logs have the focus.
func (m *Screen) enableLogKeys(on bool) {
	m.KeyMap.LogLeft.SetEnabled(on)
	m.KeyMap.LogRight.SetEnabled(on)
	m.KeyMap.LogJump.SetEnabled(on)
}

// handleLogKey moves the logs' window; it reports whether the key was one.
func (m *Screen) handleLogKey(msg tea.KeyMsg) bool {
	k := m.KeyMap
	half := max(m.Logs.slots()/2, 1)
	switch {
	case key.Matches(msg, k.LogLeft):
		m.Logs.move(-half)
	case key.Matches(msg, k.LogRight):
		m.Logs.move(half)
	case key.Matches(msg, k.LogJump):
		m.Pause()
		m.Prompt = m.Prompt.Open("Go to offset", "an offset to show in every log; empty follows the markers again", "",
			func(v string) tea.Msg {
				v = strings.TrimSpace(v)
				if v == "" {
					return LogJumpMsg{Follow: true}
				}
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil {
					return nil
				}
				return LogJumpMsg{Offset: n}
			})
	default:
		return false
	}
	m.refreshLogs()
	return true
}

// refreshLogs takes the snapshot again after the logs' window moved: a
// window further back may need more of each log than the last one carried.
func (m *Screen) refreshLogs() {
	if !m.Playing && m.Run != nil {
		m.Refresh()
	}
}
