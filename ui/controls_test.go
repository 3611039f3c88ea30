package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/nav"
)

func TestPlayPauseAndStaleTicks(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "space")
	if !s.playing {
		t.Fatal("space should start playing")
	}
	gen := s.gen
	m.Update(tickMsg{Gen: gen - 1}) // stale: scheduled before play
	if s.run.StepCount() != 0 {
		t.Fatalf("a stale tick advanced the engine to step %d", s.run.StepCount())
	}
	m.Update(tickMsg{Gen: gen})
	if s.run.Now() != 50 { // ×1: one 50 ms frame of virtual time
		t.Fatalf("a tick at ×1 should advance 50ms, now %dms", s.run.Now())
	}
	m = press(t, m, "space")
	if s.playing || s.gen == gen {
		t.Fatalf("space should pause and bump the generation (playing %v gen %d)", s.playing, s.gen)
	}
	now := s.run.Now()
	m.Update(tickMsg{Gen: gen})
	if s.run.Now() != now {
		t.Fatal("a tick after pause advanced the engine")
	}
}

func TestStepForwardSkipsQuietSteps(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "right", "l")
	if got := s.run.StepCount(); got != 2 {
		t.Fatalf("after two steps want step 2, got %d", got)
	}
	m = press(t, m, "right") // step 3 emits nothing: stepping goes on to 4
	if got := s.run.StepCount(); got != 4 {
		t.Fatalf("stepping should skip a quiet step: want 4, got %d", got)
	}
	if !s.hot.is(hotKey{kind: hotReplica, s1: "orders", n1: 1, n2: 1}) {
		t.Fatal("the stepped event should be highlighted")
	}
}

func TestStepBack(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "right", "right", "right") // steps 1, 2, 4
	m = press(t, m, "left")
	if got := s.run.StepCount(); got != 2 {
		t.Fatalf("← from step 4 should land on step 2, got %d", got)
	}
	m = press(t, m, "h", "h")
	if got := s.run.StepCount(); got != 0 {
		t.Fatalf("← twice more should reach step 0, got %d", got)
	}
	press(t, m, "left")
	if s.status != "at the start" {
		t.Fatalf("← at the start should say so, got %q", s.status)
	}
}

func TestMarks(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "]")
	if s.run.Now() != 2_000 {
		t.Fatalf("] should run to the 2s mark, now %d", s.run.Now())
	}
	m = press(t, m, "]")
	if s.run.Now() != 20_000 {
		t.Fatalf("] should run to the 20s mark, now %d", s.run.Now())
	}
	m = press(t, m, "]")
	if s.status != "no more marks ahead" {
		t.Fatalf("] past the last mark: %q", s.status)
	}
	m = press(t, m, "[")
	if s.run.Now() > 2_000 || s.run.Now() < 1_900 {
		t.Fatalf("[ should go back to the 2s mark, now %d", s.run.Now())
	}
	press(t, m, "[")
	if s.run.StepCount() != 0 {
		t.Fatalf("[ before the first mark should go to the start, step %d", s.run.StepCount())
	}
}

func TestSpeed(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	gen := s.gen
	m = press(t, m, "+")
	if s.speed != defaultSpeed+1 || s.gen == gen {
		t.Fatalf("+ should speed up and bump the generation: speed %d gen %d", s.speed, s.gen)
	}
	for range 20 {
		m = press(t, m, "+")
	}
	if s.speed != len(speeds)-1 {
		t.Fatalf("speed should stop at the fastest, got %d", s.speed)
	}
	for range 20 {
		m = press(t, m, "-")
	}
	if s.speed != 0 {
		t.Fatalf("speed should stop at the slowest, got %d", s.speed)
	}
}

func TestFaultInjectedAndReplayed(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "right", "right")
	m = press(t, m, "f", "enter", "down", "enter") // crash a broker: b2
	if s.menu.IsOpen() {
		t.Fatal("the menu should close after choosing")
	}
	if len(s.hand) != 1 || s.hand[0].Cmd.Kind != sim.CmdCrashBroker || s.hand[0].Cmd.Broker != 2 {
		t.Fatalf("want crash-broker b2 recorded, got %+v", s.hand)
	}
	if s.snap.Brokers[1].State != sim.BrokerDown {
		t.Fatal("b2 should be down in the snapshot")
	}
	m = press(t, m, "left", "left")
	if s.snap.Brokers[1].State == sim.BrokerDown {
		t.Fatal("stepping back before the fault should undo it")
	}
	m = press(t, m, "right", "right")
	if s.snap.Brokers[1].State != sim.BrokerDown {
		t.Fatal("stepping forward again should replay the fault")
	}
	if !hasHandMark(s.marks) {
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
	if !s.menu.IsOpen() || s.menu.Kind != -1 {
		t.Fatal("esc in the target list should go back to the fault list")
	}
	m = press(t, m, "esc")
	if s.menu.IsOpen() || m.current != nav.ScreenSim {
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
	if s.focus != components.PaneLogs {
		t.Fatalf("logs should start focused, got %v", s.focus)
	}
	m = press(t, m, "tab")
	if s.focus != components.PaneProducers || !s.producers.Focused || s.logs.Focused {
		t.Fatalf("tab should move focus to the producers, got %v", s.focus)
	}
	m = press(t, m, "shift+tab", "shift+tab")
	if s.focus != components.PaneCluster {
		t.Fatalf("shift+tab twice should reach the cluster, got %v", s.focus)
	}
	m = press(t, m, "tab") // logs: 12 partitions overflow 80×24
	s.View()
	before := s.logs.Offset
	m = press(t, m, "down")
	if s.logs.Offset != before+1 {
		t.Fatalf("↓ should scroll the logs: %d → %d", before, s.logs.Offset)
	}
	press(t, m, "up")
	if s.logs.Offset != before {
		t.Fatalf("↑ should scroll back: %d", s.logs.Offset)
	}
}

func TestMouseWheelScrollsPaneUnderPointer(t *testing.T) {
	m := playScenarioN(t, 80, 24, 12)
	s := m.sim
	s.View() // the panes learn their content size when drawn
	l := s.lay.logs
	m.Update(tea.MouseMsg{X: l.x + 1, Y: l.y + 1, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if s.logs.Offset == 0 {
		t.Fatal("the wheel over the logs should scroll them")
	}
}

func TestRestartForgetsHandFaults(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "right", "f", "enter", "enter")
	press(t, m, "r")
	if s.run.StepCount() != 0 || len(s.hand) != 0 {
		t.Fatalf("r should restart clean: step %d, %d hand faults", s.run.StepCount(), len(s.hand))
	}
}

func TestSeedPrompt(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "S")
	if !s.prompt.IsOpen() {
		t.Fatal("s should open the seed prompt")
	}
	m = press(t, m, "backspace", "backspace", "7", "q") // q types into the prompt, it does not quit
	if string(s.prompt.Value) != "7q" {
		t.Fatalf("prompt value %q", string(s.prompt.Value))
	}
	m = press(t, m, "enter")
	if !s.prompt.IsOpen() {
		t.Fatal("a seed that is not a number should keep the prompt open")
	}
	m = press(t, m, "backspace", "enter")
	if s.prompt.IsOpen() || s.spec.Seed != 7 {
		t.Fatalf("enter should set seed 7, got %d (open %v)", s.spec.Seed, s.prompt.IsOpen())
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
	if m.sim.playing {
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
	if m.current != nav.ScreenSim || m.sim.spec.Name != "fixture" {
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
	if m.current != nav.ScreenSim || m.sim.spec.Seed != 99 {
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
	if got := m.sim.run.StepCount(); got != 2 {
		t.Fatalf("\"ll\" in one message should step twice, at step %d", got)
	}
}
