package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
)

// TestFlowHomeToFault drives the program as a learner would: pick a
// scenario at home, pause, step, inject a fault, and quit.
func TestFlowHomeToFault(t *testing.T) {
	m := newModel(Options{Lessons: lessons()}, plainStyles(), fixtureDeps(3, 3, 30))
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Lessons")
	for _, k := range []string{"right", "enter"} { // the first scenario
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
	if len(final.sim.Hand) != 1 {
		t.Fatalf("want one recorded fault, got %d", len(final.sim.Hand))
	}
	final.sim.Status = "" // the clock depends on how many real frames ran
	if !contains(final.View(), "b1 "+simview.SymOffline+"DOWN") {
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

// TestFlowHomeLauncher80x24: at 80×24 the home screen shows all four
// sections at once, with a preview of the highlighted item; → moves
// between sections and the preview follows.
func TestFlowHomeLauncher80x24(t *testing.T) {
	lessons := []nav.LessonEntry{
		{Number: 1, Title: "Topics, partitions, offsets", Status: nav.LessonDone, Summary: "What a log is.",
			Teaches: []string{"The log", "Offsets"}, Goal: "Write 100 records."},
		{Number: 2, Title: "Replication and the in-sync replicas that keep a partition alive", Status: nav.LessonStarted},
	}
	m := newModel(Options{Lessons: lessons}, plainStyles(), fixtureDeps(3, 3, 30))
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, s := range []string{"Lessons 1/2 done", "Scenarios 2", "Sandbox", "Quiz", "progress ✓ done",
			"What it teaches", "The log · Offsets", "Challenge: Write 100 records.", "$ kafkasim lesson 1"} {
			if !bytes.Contains(b, []byte(s)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	tm.Send(keyMsg("right"))
	waitFor(t, tm, "$ kafkasim play fixture")
	tm.Send(keyMsg("right"))
	waitFor(t, tm, "An empty cluster")
	tm.Send(keyMsg("right"))
	waitFor(t, tm, "Topics")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(Model)
	final.home.Cursor = 1 // the long title is cut with "…"
	v := final.View()
	if !contains(v, "2. Replication and the in-s…") {
		t.Errorf("a cut title should end in …:\n%s", v)
	}
	for i, l := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line %d is %d wide", i, w)
		}
	}
}
