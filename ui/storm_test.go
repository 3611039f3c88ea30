package ui

import (
	"math/rand/v2"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// stormKeys are the keys a storm presses: every control plus noise. q and
// ctrl+c are left out only because they end the program, not the model.
var stormKeys = []string{
	"space", "right", "left", "l", "h", "]", "[", "+", "-", "=", "_", "f", "tab", "shift+tab",
	"up", "down", "pgup", "pgdown", "r", "s", "?", "esc", "enter", "backspace", "x", "7", "0", "k", "j", "w",
}

// TestKeyStorm sends thousands of random keys, resizes, ticks and mouse
// events at the root model and checks it never panics and always draws.
func TestKeyStorm(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3, 4} {
		t.Run("seed"+itoa(int(seed)), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 0x5707))
			m := fixtureModelN(t, Options{Lessons: lessons()}, 80, 24, 1+int(seed)*3)
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panic with storm seed %d: %v", seed, r)
				}
			}()
			for i := range 3000 {
				var msg tea.Msg
				switch n := rng.IntN(100); {
				case n < 8:
					msg = tea.WindowSizeMsg{Width: rng.IntN(200), Height: rng.IntN(70)}
				case n < 20:
					gen := 0
					if m.sim != nil {
						gen = m.sim.gen
					}
					msg = tickMsg{Gen: gen}
				case n < 24:
					msg = tea.MouseMsg{X: rng.IntN(200), Y: rng.IntN(70), Button: tea.MouseButtonWheelDown}
				case n < 26:
					msg = openScreenMsg{Screen: ScreenSim, Arg: "fixture"}
				default:
					msg = keyMsg(stormKeys[rng.IntN(len(stormKeys))])
				}
				next, cmd := m.Update(msg)
				m = next.(Model)
				if i%7 == 0 {
					m = runQuick(m, cmd)
				}
				_ = m.View()
			}
		})
	}
}

// runQuick runs the commands that answer at once (menu choices, prompts),
// never ticks.
func runQuick(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	msg := make(chan tea.Msg, 1)
	go func() { msg <- cmd() }()
	select {
	case v := <-msg:
		switch v.(type) {
		case faultChosenMsg, seedChosenMsg, openScreenMsg, scenarioLoadedMsg, errMsg, backMsg:
			next, _ := m.Update(v)
			return next.(Model)
		}
	default:
	}
	return m
}
