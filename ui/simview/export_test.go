package simview

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/scenarios"
	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/simrun"
)

// send gives the screen a message and feeds back what its commands answer
// at once (ticks are dropped: tests drive frames themselves).
func send(s *Screen, msg tea.Msg) {
	cmds := []tea.Cmd{s.Update(msg)}
	for len(cmds) > 0 {
		cmd := cmds[0]
		cmds = cmds[1:]
		if cmd == nil {
			continue
		}
		switch out := cmd().(type) {
		case TickMsg, nil:
		case tea.BatchMsg:
			cmds = append(cmds, out...)
		default:
			cmds = append(cmds, s.Update(out))
		}
	}
}

// typeText replaces what the open prompt holds with text.
func typeText(s *Screen, text string) {
	send(s, tea.KeyMsg{Type: tea.KeyCtrlU})
	send(s, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text)})
}

// loadSpec is a built-in scenario as the screen gets it.
func loadSpec(t *testing.T, name string) simrun.Spec {
	t.Helper()
	spec, err := library{}.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

// TestShareRunReplaysExactly crashes a consumer by hand on the real
// engine, shares the run with x, and runs the file headless: the digest
// must be the run's own, to the scenario's end.
func TestShareRunReplaysExactly(t *testing.T) {
	spec := loadSpec(t, "at-least-once")
	s := realScreen(t, spec, 120, 36, 7_000)
	send(s, components.FaultChosenMsg{Cmd: sim.Command{Kind: sim.CmdCrashConsumer, Group: "inventory", Consumer: 2}})
	finishSlices(t, s, s.StepForward())
	send(s, components.FaultChosenMsg{Cmd: sim.Command{Kind: sim.CmdCrashBroker, Broker: 2}})
	if len(s.Hand) != 2 {
		t.Fatalf("seed %d: want 2 hand faults, got %+v (status %q)", spec.Seed, s.Hand, s.Status)
	}
	send(s, keyMsg("x"))
	if !s.Prompt.IsOpen() || string(s.Prompt.Value) != "at-least-once-seed1.toml" {
		t.Fatalf("x should ask for a file name, defaulting to at-least-once-seed1.toml; got %q", string(s.Prompt.Value))
	}
	path := filepath.Join(t.TempDir(), "shared.toml")
	typeText(s, path)
	send(s, keyMsg("enter"))
	if !strings.Contains(s.Status, "wrote "+path) || !strings.Contains(s.Status, "kafkasim run FILE prints the same") {
		t.Fatalf("seed %d: status %q", spec.Seed, s.Status)
	}
	sc, err := scenarios.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := scenarios.Run(sc, scenarios.RunOptions{Quiet: true}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	own := s.Run.(simrun.Run).R.Fork()
	own.RunUntil(spec.DurationMs)
	if res.Digest != own.Sim().Digest() || !strings.Contains(s.Status, res.Digest[:12]) {
		t.Fatalf("seed %d: the file runs to %s, the run itself to %s; status %q", spec.Seed, res.Digest, own.Sim().Digest(), s.Status)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Fatalf("the temporary file should be gone: %v", entries)
	}
}

// TestShareRunErrorsAreShown: a directory that does not exist, and a run
// the scenario format cannot hold, end in a message, not a crash.
func TestShareRunErrorsAreShown(t *testing.T) {
	spec := loadSpec(t, "the-log")
	s := realScreen(t, spec, 120, 36, 3_000)
	send(s, keyMsg("x"))
	typeText(s, filepath.Join(t.TempDir(), "no", "such", "dir", "x.toml"))
	send(s, keyMsg("enter"))
	if !strings.HasPrefix(s.Status, "cannot share the run: ") {
		t.Fatalf("status %q", s.Status)
	}

	f := newFixtureSim(120, 36, 3, 3, 30) // its scenario has no cluster config
	send(f, keyMsg("x"))
	typeText(f, filepath.Join(t.TempDir(), "f.toml"))
	send(f, keyMsg("enter"))
	if !strings.HasPrefix(f.Status, "cannot share the run: ") {
		t.Fatalf("status %q", f.Status)
	}
}

// TestShareRunEscCancels: esc closes the prompt and writes nothing.
func TestShareRunEscCancels(t *testing.T) {
	f := newFixtureSim(120, 36, 3, 3, 30)
	send(f, keyMsg("x"))
	send(f, keyMsg("esc"))
	if f.Prompt.IsOpen() || f.Status != "" {
		t.Fatalf("esc should close the prompt quietly: open %v, status %q", f.Prompt.IsOpen(), f.Status)
	}
}

// TestFaultsLandInAFreeMillisecond: a fault chosen in the menu is given
// at a millisecond nothing else has used, so an export can replay it.
func TestFaultsLandInAFreeMillisecond(t *testing.T) {
	s := newFixtureSim(120, 36, 3, 3, 30)
	finishSlices(t, s, s.StepForward())
	before := s.Run.Now()
	send(s, components.FaultChosenMsg{Cmd: sim.Command{Kind: sim.CmdCrashBroker, Broker: 2}})
	if len(s.Hand) != 1 || s.Hand[0].AtMs <= before || s.Hand[0].AtMs >= s.Run.NextAt() {
		t.Fatalf("the fault at %+v should fall after %dms and before the next step at %dms", s.Hand, before, s.Run.NextAt())
	}
}
