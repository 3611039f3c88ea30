package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"kafkasim/ui/components"
	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
)

// fixtureModel is the root model on the fixture deps, sized w×h.
func fixtureModel(t testing.TB, opts Options, w, h int) Model {
	return fixtureModelN(t, opts, w, h, 3)
}

// fixtureModelN is fixtureModel with a topic of n partitions.
func fixtureModelN(t testing.TB, opts Options, w, h, partitions int) Model {
	t.Helper()
	m := newModel(opts, plainStyles(), fixtureDeps(3, partitions, 30))
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Model)
}

// press sends keys to the root model, running any command that answers at
// once (not ticks, which wait) and feeding its message back.
func press(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		next, cmd := m.Update(keyMsg(k))
		m = runCmd(next.(Model), cmd)
	}
	return m
}

// runCmd runs cmd if it is one of ours that answers at once.
func runCmd(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		switch msg.(type) {
		case components.FaultChosenMsg, simview.SeedChosenMsg, simview.TimeChosenMsg, nav.OpenScreenMsg, simview.ScenarioLoadedMsg, nav.ErrMsg, nav.BackMsg:
			next, c := m.Update(msg)
			return runCmd(next.(Model), c)
		}
		// ticks are dropped: tests drive frames themselves.
	case <-time.After(2 * time.Second):
	}
	return m
}

// playScenario opens the fixture scenario on the simulator screen, paused.
func playScenario(t testing.TB, w, h int) Model {
	return playScenarioN(t, w, h, 3)
}

// playScenarioN is playScenario with a topic of n partitions.
func playScenarioN(t testing.TB, w, h, partitions int) Model {
	t.Helper()
	m := fixtureModelN(t, Options{}, w, h, partitions)
	next, cmd := m.Update(nav.OpenScreenMsg{Screen: nav.ScreenSim, Arg: "fixture"})
	m = runCmd(next.(Model), cmd)
	if m.current != nav.ScreenSim || m.sim == nil {
		t.Fatalf("expected the simulator screen, on %v", m.current)
	}
	m.sim.Pause()
	return m
}

func lessons() []nav.LessonEntry {
	return []nav.LessonEntry{
		{Number: 1, Title: "Topics, partitions, offsets", Status: nav.LessonDone},
		{Number: 2, Title: "Replication and the ISR", Status: nav.LessonStarted},
		{Number: 3, Title: "Consumer groups"},
	}
}

func TestHomeGolden(t *testing.T) {
	m := fixtureModel(t, Options{Lessons: lessons()}, 80, 24)
	golden.RequireEqual(t, []byte(m.View()))
}

func TestSimGolden80x24(t *testing.T) {
	m := playScenario(t, 80, 24)
	m = press(t, m, "right", "right")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestSimGolden160x48(t *testing.T) {
	m := playScenario(t, 160, 48)
	m = press(t, m, "right", "right")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestFaultMenuGolden(t *testing.T) {
	m := playScenario(t, 80, 24)
	m = press(t, m, "f")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestFaultMenuTargetsGolden(t *testing.T) {
	m := playScenario(t, 80, 24)
	m = press(t, m, "f", "enter")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestHelpGolden(t *testing.T) {
	m := playScenario(t, 80, 24)
	m = press(t, m, "?")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestTooSmallGolden(t *testing.T) {
	m := playScenario(t, 60, 20)
	golden.RequireEqual(t, []byte(m.View()))
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
