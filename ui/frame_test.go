package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
)

// TestFrameIsWhatPlayingShows: a frame at 12s is the screen a learner sees
// after playing the scenario from the start at ×1 to 12s, frame by frame:
// the fast-forward before the last seconds changes nothing on screen.
func TestFrameIsWhatPlayingShows(t *testing.T) {
	const at = 12_000
	st := frameStyles(false)
	got, err := frameModel(FrameOptions{Scenario: "at-least-once", AtMs: at, Width: 120, Height: 36}, &st, defaultDeps())
	if err != nil {
		t.Fatal(err)
	}

	m := newModel(Options{Lessons: []nav.LessonEntry{}}, &st, defaultDeps())
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 36})
	m = runCmd(next.(Model), next.(Model).loadCmd("at-least-once"))
	m.sim.Init()
	for m.sim.Run.Now() < at {
		m.sim.HandleTick(simview.TickMsg{Gen: m.sim.Gen})
	}
	if got.View() != m.View() {
		t.Errorf("the frame differs from the played screen:\n--- frame\n%s\n--- played\n%s", got.View(), m.View())
	}
	if !strings.Contains(got.View(), "t 12.000s") {
		t.Errorf("the header does not show 12s:\n%s", got.View())
	}
}

// TestFrameFocusAndErrors: --focus moves the focus; an unknown pane and an
// unknown scenario are errors.
func TestFrameFocusAndErrors(t *testing.T) {
	out, err := Frame(FrameOptions{Scenario: "at-least-once", AtMs: 5_000, Width: 120, Height: 36, Focus: "ledger"})
	if err != nil || !strings.Contains(out, "▶ DELIVERY LEDGER") {
		t.Errorf("err %v, ledger not focused:\n%s", err, out)
	}
	if lines := strings.Split(out, "\n"); len(lines) != 36 {
		t.Errorf("want 36 lines, got %d", len(lines))
	}
	if _, err := Frame(FrameOptions{Scenario: "at-least-once", AtMs: 1, Width: 120, Height: 36, Focus: "brokers"}); err == nil {
		t.Error("an unknown pane should be an error")
	}
	if _, err := Frame(FrameOptions{Scenario: "no-such", AtMs: 1, Width: 120, Height: 36}); err == nil {
		t.Error("an unknown scenario should be an error")
	}
}

// TestFramePastTheEnd: a frame after the scenario's end plays on, as space
// does there.
func TestFramePastTheEnd(t *testing.T) {
	out, err := Frame(FrameOptions{Scenario: "at-least-once", AtMs: 70_000, Width: 120, Height: 36})
	if err != nil || !strings.Contains(out, "t 1m10.000s") && !strings.Contains(out, "t 70.000s") {
		t.Errorf("err %v:\n%s", err, out)
	}
}
