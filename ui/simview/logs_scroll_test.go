package simview

import (
	"strconv"
	"strings"
	"testing"

	"kafkasim/ui/components"
)

// firstRulerOffset is the first offset number on the first ruler drawn.
func firstRulerOffset(t *testing.T, m *Screen) int {
	t.Helper()
	m.View()
	if len(m.Logs.Rulers) == 0 {
		t.Fatal("no ruler drawn")
	}
	for _, w := range strings.Fields(m.Logs.Rulers[0].Text) {
		if n, err := strconv.Atoi(w); err == nil {
			return n
		}
	}
	t.Fatalf("no number on the ruler %q", m.Logs.Rulers[0].Text)
	return 0
}

// With the logs focused, < moves every window back, > forward again (to
// following), and g pins it at an offset; empty g follows again.
func TestLogWindowKeys(t *testing.T) {
	m := newFixtureSim(120, 36, 3, 3, 120)
	m.SetFocus(components.PaneLogs)
	follow := firstRulerOffset(t, m)
	m.Update(keyMsg("<"))
	back := firstRulerOffset(t, m)
	if back >= follow {
		t.Fatalf("< should show older offsets: %d, then %d", follow, back)
	}
	if m.Logs.View.Following() {
		t.Fatal("after < the window should not follow")
	}
	m.Update(keyMsg(">"))
	m.Update(keyMsg(">"))
	if !m.Logs.View.Following() || firstRulerOffset(t, m) != follow {
		t.Fatal("> back to the tail should follow again")
	}
	m.Update(LogJumpMsg{Offset: 10})
	if got := firstRulerOffset(t, m); got != 10 {
		t.Fatalf("g 10 should start the windows at 10, first number %d", got)
	}
	m.Update(LogJumpMsg{Follow: true})
	if !m.Logs.View.Following() {
		t.Fatal("an empty g should follow again")
	}
	m.SetFocus(components.PaneGroups)
	if m.KeyMap.LogLeft.Enabled() {
		t.Fatal("the log keys should be off while another pane has the focus")
	}
}
