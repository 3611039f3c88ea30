package ui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestFlowHomeToFault drives the program as a learner would: pick a
// scenario at home, pause, step, inject a fault, and quit.
func TestFlowHomeToFault(t *testing.T) {
	m := newModel(Options{Lessons: lessons()}, plainStyles(), fixtureDeps(3, 3, 30))
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Lessons")
	for _, k := range []string{"down", "down", "down", "enter"} {
		tm.Send(keyMsg(k))
	}
	waitFor(t, tm, "PARTITION LOGS")
	tm.Send(keyMsg("space")) // pause
	waitFor(t, tm, "paused")
	tm.Send(keyMsg("f"))
	waitFor(t, tm, "Inject a fault")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "which one?")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "injected crash-broker b1")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(Model)
	if len(final.sim.hand) != 1 {
		t.Fatalf("want one recorded fault, got %d", len(final.sim.hand))
	}
	final.sim.status = "" // the clock depends on how many real frames ran
	if !contains(final.View(), "b1 "+symOffline+"DOWN") {
		t.Fatalf("b1 should show DOWN:\n%s", final.View())
	}
}

// TestFlowHelpGolden opens the full help over the home screen.
func TestFlowHelpGolden(t *testing.T) {
	m := newModel(Options{Lessons: lessons()}, plainStyles(), fixtureDeps(3, 3, 30))
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Lessons")
	tm.Send(keyMsg("?"))
	waitFor(t, tm, "closes")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(Model)
	golden.RequireEqual(t, []byte(final.View()))
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}
