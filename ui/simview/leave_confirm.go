package simview

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/nav"
)

// Leaving a run: esc from the simulator goes home, and a run that has
// moved or been changed by hand is gone once another one opens, so esc
// asks first. The question is the footer's status line; y leaves, any
// other key stays (and does nothing else: a stray key is not acted on).

// leaveKeys answer the question.
type leaveKeys struct {
	Yes key.Binding
	No  key.Binding
}

func newLeaveKeys() leaveKeys {
	return leaveKeys{
		Yes: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "leave the run")),
		No:  key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc/any other key", "stay")),
	}
}

// ShortHelp lists the answers.
func (k leaveKeys) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No} }

// FullHelp lists the answers in one column.
func (k leaveKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// leaveQuestion is the footer while esc waits for an answer.
const leaveQuestion = "leave and throw this run away? y leaves · any other key stays"

// worthKeeping reports whether leaving would lose something: the run has
// moved, or faults were injected by hand.
func (m *Screen) worthKeeping() bool {
	return m.Run != nil && m.Fatal == nil && (m.Run.StepCount() > 0 || len(m.Hand) > 0)
}

// AskLeave pauses and asks before leaving a run worth keeping; false means
// there is nothing to lose and esc may leave at once.
func (m *Screen) AskLeave() bool {
	if !m.worthKeeping() {
		return false
	}
	m.Pause()
	m.Leaving = true
	m.Status = leaveQuestion
	return true
}

// updateLeave takes the answer: y goes back, any other key stays.
func (m *Screen) updateLeave(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil // the mouse does not answer
	}
	m.Leaving, m.Status = false, ""
	if key.Matches(km, newLeaveKeys().Yes) {
		return func() tea.Msg { return nav.BackMsg{} }
	}
	return nil
}
