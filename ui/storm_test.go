package ui

import (
	"math/rand/v2"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/cmdline"
	"kafkasim/ui/components"
	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
	"kafkasim/ui/whatif"
)

// stormKeys are the keys a storm presses: every control plus noise. q and
// ctrl+c are left out only because they end the program, not the model.
var stormKeys = []string{
	"space", "right", "left", "l", "h", "]", "[", "+", "-", "=", "_", "f", "tab", "shift+tab",
	"up", "down", "pgup", "pgdown", "r", "s", "?", "esc", "enter", "backspace", "x", "7", "0", "k", "j", "w", ":",
}

// TestKeyStorm sends thousands of random keys, resizes, ticks and mouse
// events at the root model and checks it never panics and always draws.
func TestKeyStorm(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3, 4} {
		t.Run("seed"+components.Itoa(int(seed)), func(t *testing.T) {
			m := fixtureModelN(t, Options{Lessons: lessons()}, 80, 24, 1+int(seed)*3)
			storm(t, m, seed, 3000, "fixture", stormKeys)
		})
	}
}

// TestKeyStormRealEngine storms the sandbox on the real engine.
func TestKeyStormRealEngine(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for _, seed := range []uint64{5, 6} {
		t.Run("seed"+components.Itoa(int(seed)), func(t *testing.T) {
			m := newModel(Options{Sandbox: true}, plainStyles(), defaultDeps())
			m = runCmd(m, m.Init())
			storm(t, m, seed, 1500, "sandbox", stormKeys)
		})
	}
}

// drillStormKeys lean on the drill-down's keys, so the list keeps being
// opened, moved through, changed and closed among everything else.
var drillStormKeys = append([]string{"enter", "enter", "enter", "tab", "shift+tab", "up", "down", "left", "right",
	"pgdown", "pgup", "esc"}, stormKeys...)

// TestKeyStormDrill storms the simulator with the ledger's drill-down open
// from the start, on the fixture and on the engine's at-least-once: its
// keys, fate changes and closing mixed with everything else.
func TestKeyStormDrill(t *testing.T) {
	for _, seed := range []uint64{7, 8, 9} {
		t.Run("seed"+components.Itoa(int(seed)), func(t *testing.T) {
			m := playScenario(t, 120, 36)
			m = press(t, m, "right", "right", "tab", "tab", "tab", "enter")
			if !m.sim.Drill.IsOpen() {
				t.Fatal("the storm should start with the list open")
			}
			if open := storm(t, m, seed, 3000, "fixture", drillStormKeys); open < 50 {
				t.Fatalf("the list was open for only %d of 3000 messages", open)
			}
		})
	}
	t.Run("engine", func(t *testing.T) {
		if testing.Short() {
			t.Skip("slow")
		}
		m := fixtureModel(t, Options{}, 120, 36)
		m.deps = defaultDeps()
		m = runCmd(m, m.loadCmd("at-least-once"))
		m.sim.Run.RunUntil(30_000)
		m.sim.Refresh()
		m = press(t, m, "tab", "tab", "tab", "enter")
		if !m.sim.Drill.IsOpen() {
			t.Fatal("the storm should start with the list open")
		}
		if open := storm(t, m, 10, 1500, "at-least-once", drillStormKeys); open == 0 {
			t.Fatal("the list was never open")
		}
	})
}

// storm sends n random messages to m; scenario is what openScreenMsg plays.
// Every frame must fit the terminal, and the program must still answer
// afterwards. It returns how many of the messages arrived while the
// ledger's drill-down was open.
func storm(t *testing.T, m Model, seed uint64, n int, scenario string, keys []string) (drillOpen int) {
	immediateFrames(t)
	rng := rand.New(rand.NewPCG(seed, 0x5707))
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic with storm seed %d: %v", seed, r)
		}
	}()
	for i := range n {
		var msg tea.Msg
		switch k := rng.IntN(100); {
		case k < 8:
			msg = tea.WindowSizeMsg{Width: 1 + rng.IntN(200), Height: 1 + rng.IntN(70)}
		case k < 20:
			gen := 0
			if m.sim != nil {
				gen = m.sim.Gen
			}
			msg = simview.TickMsg{Gen: gen}
		case k < 24:
			msg = tea.MouseMsg{X: rng.IntN(200), Y: rng.IntN(70), Button: tea.MouseButtonWheelDown}
		case k < 26:
			msg = nav.OpenScreenMsg{Screen: nav.ScreenSim, Arg: scenario}
		default:
			msg = keyMsg(keys[rng.IntN(len(keys))])
		}
		if m.sim != nil && m.sim.Drill.IsOpen() {
			drillOpen++
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		if i%7 == 0 {
			m = runQuick(m, cmd)
		}
		if why := frameFits(m.View(), m.w, m.h); why != "" {
			t.Fatalf("storm seed %d, message %d (%T %v): %s", seed, i, msg, msg, why)
		}
	}
	answersAfterStorm(t, m, seed)
	return drillOpen
}

// runQuick feeds back the messages of the commands that answer at once
// (menu choices, prompts); ticks, which the storm sends itself, are dropped.
func runQuick(m Model, cmd tea.Cmd) Model {
	for _, msg := range messagesOf(cmd) {
		switch msg.(type) {
		// whatIfRunMsg starts a what-if's branches, cmdSliceMsg runs a
		// slice of them or of a seek; exportPathMsg is left out so a storm
		// never writes files.
		case components.FaultChosenMsg, simview.SeedChosenMsg, nav.OpenScreenMsg, simview.ScenarioLoadedMsg, nav.ErrMsg, nav.BackMsg, whatif.RunMsg, cmdline.SliceMsg:
			next, _ := m.Update(msg)
			m = next.(Model)
		}
	}
	return m
}
