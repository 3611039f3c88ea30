package ui

import (
	"strings"
	"testing"

	"kafkasim/ui/nav"
)

// TestEscAsksBeforeLeavingARun: esc from a run that has moved asks; any
// key but y stays (and is not acted on), y goes home.
func TestEscAsksBeforeLeavingARun(t *testing.T) {
	m := playScenario(t, 80, 24)
	m = press(t, m, "right", "esc")
	if m.current != nav.ScreenSim || !m.sim.Leaving || !strings.Contains(m.View(), "leave and throw this run away?") {
		t.Fatalf("esc after a step should ask, on %v:\n%s", m.current, m.View())
	}
	step := m.sim.Run.StepCount()
	m = press(t, m, "right") // any other key stays, and does not step
	if m.current != nav.ScreenSim || m.sim.Leaving || m.sim.Run.StepCount() != step {
		t.Fatalf("a key other than y should stay and do nothing: on %v, step %d (was %d)", m.current, m.sim.Run.StepCount(), step)
	}
	m = press(t, m, "esc", "esc")
	if m.current != nav.ScreenSim || m.sim.Leaving {
		t.Fatalf("esc at the question should stay, on %v", m.current)
	}
	m = press(t, m, "esc", "y")
	if m.current != nav.ScreenHome {
		t.Fatalf("y should leave for home, on %v", m.current)
	}
}

// TestEscLeavesAnUntouchedRunAtOnce: nothing to lose, nothing to ask; a
// fault injected by hand counts as a change even at step 0.
func TestEscLeavesAnUntouchedRunAtOnce(t *testing.T) {
	m := playScenario(t, 80, 24)
	if m.sim.Run.StepCount() != 0 {
		t.Skip("the fixture starts past step 0")
	}
	m = press(t, m, "esc")
	if m.current != nav.ScreenHome {
		t.Fatalf("esc from an untouched run should go home, on %v", m.current)
	}
	m = playScenario(t, 80, 24)
	m = press(t, m, "f", "enter", "enter", "esc")
	if len(m.sim.Hand) != 1 || !m.sim.Leaving {
		t.Fatalf("after a fault by hand esc should ask: %d faults, leaving %v", len(m.sim.Hand), m.sim.Leaving)
	}
}
