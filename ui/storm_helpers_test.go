package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"kafkasim/ui/components"
	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
)

// frameFits reports why a frame does not fit a w×h terminal, or "" when it
// does: no more lines than rows, no line wider than the columns.
func frameFits(frame string, w, h int) string {
	lines := strings.Split(frame, "\n")
	if len(lines) > h {
		return "frame has " + components.Itoa(len(lines)) + " lines for " + components.Itoa(h) + " rows"
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			return "line " + components.Itoa(i+1) + " is " + components.Itoa(n) + " wide for " + components.Itoa(w) + " columns: " + l
		}
	}
	return ""
}

// immediateFrames makes frame ticks answer at once for the rest of the
// test, so helpers can run every command and wait on its message instead
// of guessing from a timer which command is a tick.
func immediateFrames(t *testing.T) {
	t.Helper()
	saved := simview.FrameTick
	simview.FrameTick = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return fn(time.Time{}) }
	}
	t.Cleanup(func() { simview.FrameTick = saved })
}

// messagesOf runs cmd and returns its messages, batches flattened. Ticks
// answer at once (immediateFrames), so nothing here waits on a clock.
func messagesOf(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, messagesOf(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// answersAfterStorm checks the program still answers after a storm: at a
// fresh size it draws a frame that fits, esc (pressed a few times: it
// closes an input, then a menu, then the screen) brings it home, and there
// its quit key quits.
func answersAfterStorm(t *testing.T, m Model, seed uint64) {
	t.Helper()
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m = next.(Model)
	if why := frameFits(m.View(), 100, 30); why != "" {
		t.Fatalf("storm seed %d: after the storm, %s", seed, why)
	}
	for range 6 {
		next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEsc})
		m = next.(Model)
		if m.sim != nil && m.sim.Leaving { // esc asks before leaving a run: y
			next, cmd = m.Update(keyMsg("y"))
			m = next.(Model)
		}
		for _, msg := range messagesOf(cmd) {
			if _, ok := msg.(nav.BackMsg); ok {
				next, _ = m.Update(msg)
				m = next.(Model)
			}
		}
	}
	if m.current != nav.ScreenHome {
		t.Fatalf("storm seed %d: after the storm, esc did not bring the home screen back (on %v)", seed, m.current)
	}
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	for _, msg := range messagesOf(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			return
		}
	}
	t.Fatalf("storm seed %d: after the storm, ctrl+c did not quit", seed)
}
