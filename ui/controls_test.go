package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
)

func TestPlayPauseAndStaleTicks(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "space")
	if !s.Playing {
		t.Fatal("space should start playing")
	}
	gen := s.Gen
	m.Update(simview.TickMsg{Gen: gen - 1}) // stale: scheduled before play
	if s.Run.StepCount() != 0 {
		t.Fatalf("a stale tick advanced the engine to step %d", s.Run.StepCount())
	}
	m.Update(simview.TickMsg{Gen: gen})
	if s.Run.Now() != 50 { // ×1: one 50 ms frame of virtual time
		t.Fatalf("a tick at ×1 should advance 50ms, now %dms", s.Run.Now())
	}
	m = press(t, m, "space")
	if s.Playing || s.Gen == gen {
		t.Fatalf("space should pause and bump the generation (playing %v gen %d)", s.Playing, s.Gen)
	}
	now := s.Run.Now()
	m.Update(simview.TickMsg{Gen: gen})
	if s.Run.Now() != now {
		t.Fatal("a tick after pause advanced the engine")
	}
}

func TestStepForwardSkipsQuietSteps(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "right", "l")
	if got := s.Run.StepCount(); got != 2 {
		t.Fatalf("after two steps want step 2, got %d", got)
	}
	m = press(t, m, "right") // step 3 emits nothing: stepping goes on to 4
	if got := s.Run.StepCount(); got != 4 {
		t.Fatalf("stepping should skip a quiet step: want 4, got %d", got)
	}
	if !s.Hot.Is(simview.HotKey{Kind: simview.HotReplica, S1: "orders", N1: 1, N2: 1}) {
		t.Fatal("the stepped event should be highlighted")
	}
}

func TestStepBack(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "right", "right", "right") // steps 1, 2, 4
	m = press(t, m, "left")
	if got := s.Run.StepCount(); got != 2 {
		t.Fatalf("← from step 4 should land on step 2, got %d", got)
	}
	m = press(t, m, "h", "h")
	if got := s.Run.StepCount(); got != 0 {
		t.Fatalf("← twice more should reach step 0, got %d", got)
	}
	press(t, m, "left")
	if s.Status != "at the start" {
		t.Fatalf("← at the start should say so, got %q", s.Status)
	}
}

func TestMarks(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "]")
	if s.Run.Now() != 2_000 {
		t.Fatalf("] should run to the 2s mark, now %d", s.Run.Now())
	}
	m = press(t, m, "]")
	if s.Run.Now() != 20_000 {
		t.Fatalf("] should run to the 20s mark, now %d", s.Run.Now())
	}
	m = press(t, m, "]")
	if s.Status != "no more marks ahead" {
		t.Fatalf("] past the last mark: %q", s.Status)
	}
	m = press(t, m, "[")
	if s.Run.Now() > 2_000 || s.Run.Now() < 1_900 {
		t.Fatalf("[ should go back to the 2s mark, now %d", s.Run.Now())
	}
	press(t, m, "[")
	if s.Run.StepCount() != 0 {
		t.Fatalf("[ before the first mark should go to the start, step %d", s.Run.StepCount())
	}
}

func TestSpeed(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	gen := s.Gen
	m = press(t, m, "+")
	if s.Speed != simview.DefaultSpeed+1 || s.Gen == gen {
		t.Fatalf("+ should speed up and bump the generation: speed %d gen %d", s.Speed, s.Gen)
	}
	for range 20 {
		m = press(t, m, "+")
	}
	if s.Speed != len(simview.Speeds)-1 {
		t.Fatalf("speed should stop at the fastest, got %d", s.Speed)
	}
	for range 20 {
		m = press(t, m, "-")
	}
	if s.Speed != 0 {
		t.Fatalf("speed should stop at the slowest, got %d", s.Speed)
	}
}

func TestFaultInjectedAndReplayed(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "right", "right")
	m = press(t, m, "f", "enter", "down", "enter") // crash a broker: b2
	if s.Menu.IsOpen() {
		t.Fatal("the menu should close after choosing")
	}
	if len(s.Hand) != 1 || s.Hand[0].Cmd.Kind != sim.CmdCrashBroker || s.Hand[0].Cmd.Broker != 2 {
		t.Fatalf("want crash-broker b2 recorded, got %+v", s.Hand)
	}
	if s.Snap.Brokers[1].State != sim.BrokerDown {
		t.Fatal("b2 should be down in the snapshot")
	}
	m = press(t, m, "left", "left")
	if s.Snap.Brokers[1].State == sim.BrokerDown {
		t.Fatal("stepping back before the fault should undo it")
	}
	m = press(t, m, "right", "right")
	if s.Snap.Brokers[1].State != sim.BrokerDown {
		t.Fatal("stepping forward again should replay the fault")
	}
	if !hasHandMark(s.Marks) {
		t.Fatal("the fault should be on the timeline")
	}
}

func hasHandMark(ms []components.Mark) bool {
	for _, m := range ms {
		if m.Hand {
			return true
		}
	}
	return false
}

func TestFaultMenuEscBacksOut(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "f", "enter", "esc")
	if !s.Menu.IsOpen() || s.Menu.Kind != -1 {
		t.Fatal("esc in the target list should go back to the fault list")
	}
	m = press(t, m, "esc")
	if s.Menu.IsOpen() || m.current != nav.ScreenSim {
		t.Fatal("esc in the fault list should close the menu, not leave the screen")
	}
	m = press(t, m, "esc")
	if m.current != nav.ScreenHome {
		t.Fatalf("esc with nothing open should go home, on %v", m.current)
	}
}

func TestFocusAndScroll(t *testing.T) {
	m := playScenarioN(t, 80, 24, 12)
	s := m.sim
	if s.Focus != components.PaneLogs {
		t.Fatalf("logs should start focused, got %v", s.Focus)
	}
	m = press(t, m, "tab")
	if s.Focus != components.PaneProducers || !s.Producers.Focused || s.Logs.Focused {
		t.Fatalf("tab should move focus to the producers, got %v", s.Focus)
	}
	m = press(t, m, "shift+tab", "shift+tab")
	if s.Focus != components.PaneCluster {
		t.Fatalf("shift+tab twice should reach the cluster, got %v", s.Focus)
	}
	m = press(t, m, "tab") // logs: 12 partitions overflow 80×24
	s.View()
	before := s.Logs.Offset
	m = press(t, m, "down")
	if s.Logs.Offset != before+1 {
		t.Fatalf("↓ should scroll the logs: %d → %d", before, s.Logs.Offset)
	}
	press(t, m, "up")
	if s.Logs.Offset != before {
		t.Fatalf("↑ should scroll back: %d", s.Logs.Offset)
	}
}

func TestMouseWheelScrollsPaneUnderPointer(t *testing.T) {
	m := playScenarioN(t, 80, 24, 12)
	s := m.sim
	s.View() // the panes learn their content size when drawn
	l := s.Lay.Logs
	m.Update(tea.MouseMsg{X: l.X + 1, Y: l.Y + 1, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if s.Logs.Offset == 0 {
		t.Fatal("the wheel over the logs should scroll them")
	}
}

func TestRestartForgetsHandFaults(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "right", "f", "enter", "enter")
	press(t, m, "r")
	if s.Run.StepCount() != 0 || len(s.Hand) != 0 {
		t.Fatalf("r should restart clean: step %d, %d hand faults", s.Run.StepCount(), len(s.Hand))
	}
}

func TestSeedPrompt(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "S")
	if !s.Prompt.IsOpen() {
		t.Fatal("s should open the seed prompt")
	}
	m = press(t, m, "backspace", "backspace", "7", "q") // q types into the prompt, it does not quit
	if string(s.Prompt.Value) != "7q" {
		t.Fatalf("prompt value %q", string(s.Prompt.Value))
	}
	m = press(t, m, "enter")
	if !s.Prompt.IsOpen() {
		t.Fatal("a seed that is not a number should keep the prompt open")
	}
	m = press(t, m, "backspace", "enter")
	if s.Prompt.IsOpen() || s.Spec.Seed != 7 {
		t.Fatalf("enter should set seed 7, got %d (open %v)", s.Spec.Seed, s.Prompt.IsOpen())
	}
	if m.View() == "" {
		t.Fatal("empty view")
	}
}

func TestHelpToggle(t *testing.T) {
	m := playScenario(t, 80, 24)
	m = press(t, m, "?")
	if !m.showHelp {
		t.Fatal("? should show help")
	}
	m = press(t, m, "space")
	if m.sim.Playing {
		t.Fatal("keys other than ?/esc/q should not reach the screen under help")
	}
	m = press(t, m, "esc")
	if m.showHelp || m.current != nav.ScreenSim {
		t.Fatal("esc should close help and stay")
	}
}

func TestQuit(t *testing.T) {
	m := playScenario(t, 80, 24)
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := m.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s should quit", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s should return tea.Quit", k)
		}
	}
}

func TestHomeOpensScenarioAndErrors(t *testing.T) {
	m := fixtureModel(t, Options{Lessons: lessons()}, 80, 24)
	m = press(t, m, "right", "enter") // the Scenarios section, its first
	if m.current != nav.ScreenSim || m.sim.Spec.Name != "fixture" {
		t.Fatalf("enter on the first scenario should play it, on %v", m.current)
	}
	m = press(t, m, "esc")
	if m.current != nav.ScreenHome {
		t.Fatal("esc should go home")
	}
	next, cmd := m.Update(nav.OpenScreenMsg{Screen: nav.ScreenSim, Arg: "missing"})
	m = runCmd(next.(Model), cmd)
	if m.current == nav.ScreenSim || !contains(m.View(), "no such scenario") {
		t.Fatalf("a missing scenario should show its error:\n%s", m.View())
	}
}

func TestPlayOptionOpensSimulator(t *testing.T) {
	seed := uint64(99)
	m := newModel(Options{Scenario: "fixture", Seed: &seed}, plainStyles(), fixtureDeps(3, 3, 30))
	m = runCmd(m, m.Init())
	if m.current != nav.ScreenSim || m.sim.Spec.Seed != 99 {
		t.Fatalf("Options.Scenario should open the simulator with seed 99, on %v", m.current)
	}
}

func TestRunThatCannotStart(t *testing.T) {
	m := fixtureModel(t, Options{}, 80, 24)
	next, cmd := m.Update(nav.OpenScreenMsg{Screen: nav.ScreenSim, Arg: "broken"})
	m = runCmd(next.(Model), cmd)
	m = press(t, m, "space", "right", "left", "]", "[", "f", "r", "tab", "down")
	if !contains(m.View(), "broken on purpose") {
		t.Fatalf("the start error should show:\n%s", m.View())
	}
}

func TestBurstOfRunesIsSplit(t *testing.T) {
	m := playScenario(t, 80, 24)
	next, _ := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ll")})
	m = next.(Model)
	if got := m.sim.Run.StepCount(); got != 2 {
		t.Fatalf("\"ll\" in one message should step twice, at step %d", got)
	}
}
