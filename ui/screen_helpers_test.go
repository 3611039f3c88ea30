package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/keys"
	"kafkasim/ui/simrun"
	"kafkasim/ui/simview"
)

// The simulator-screen helpers the root model's tests share with
// simview's own tests (ui/simview/export_test.go): test files do not
// cross packages, so these are copies.

// send gives the screen a message and feeds back what its commands answer
// at once (ticks are dropped: tests drive frames themselves).
func send(s *simview.Screen, msg tea.Msg) {
	cmds := []tea.Cmd{s.Update(msg)}
	for len(cmds) > 0 {
		cmd := cmds[0]
		cmds = cmds[1:]
		if cmd == nil {
			continue
		}
		switch out := cmd().(type) {
		case simview.TickMsg, nil:
		case tea.BatchMsg:
			cmds = append(cmds, out...)
		default:
			cmds = append(cmds, s.Update(out))
		}
	}
}

// loadSpec is a built-in scenario as the screen gets it.
func loadSpec(t *testing.T, name string) simrun.Spec {
	t.Helper()
	spec, err := defaultDeps().source.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

// realScreen plays spec on the engine for runMs and returns the screen.
func realScreen(tb testing.TB, spec simrun.Spec, w, h int, runMs int64) *simview.Screen {
	tb.Helper()
	m := simview.New(plainStyles(), keys.NewSim(keys.NewGlobal()), spec, simrun.New)
	if m.Fatal != nil {
		tb.Fatalf("seed %d: %v", spec.Seed, m.Fatal)
	}
	m.SetSize(w, h)
	m.AdvanceTo(runMs)
	m.AbsorbNew(false)
	m.Refresh()
	m.RebaseTrackers() // as if the screen had watched the run get here
	return m
}

// neverPause runs a what-if to its end in one go.
func neverPause(int, int64) bool { return true }
