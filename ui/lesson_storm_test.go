package ui

import (
	"math/rand/v2"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/components"
	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
)

// lessonStormKeys are the simulator's keys, the lesson's and the quiz's,
// answers of every kind, and noise. q and ctrl+c are left out: they end
// the program, not the model.
var lessonStormKeys = append([]string{
	"c", "i", "n", "t", "v", "w", "o", "e", "a", "b", "d", "y", "1", "2", "3", "9", "-", "shift+up", "shift+down",
	"enter", "enter", "enter", "space", "esc",
}, stormKeys...)

// TestKeyStormLessonsAndQuiz storms the lesson and quiz screens on the real
// engine: random keys, resizes (tiny ones too), ticks and screen changes.
func TestKeyStormLessonsAndQuiz(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	seen := map[string]bool{}
	for _, seed := range []uint64{11, 12, 13} {
		t.Run("seed"+components.Itoa(int(seed)), func(t *testing.T) {
			// Progress in memory: saving (fsync) is tested elsewhere and is slow.
			m := newModel(Options{}, plainStyles(), defaultDeps())
			next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			stormScreens(t, next.(Model), seed, 1500, seen)
		})
	}
	// The storm is only worth something if it reaches every part.
	for _, want := range []string{"lesson reading", "lesson tour", "lesson challenge", "quiz asking", "quiz showing", "quiz finished"} {
		if !seen[want] {
			t.Errorf("the storm never reached %s (saw %v)", want, seen)
		}
	}
}

// stormScreens sends n random messages, now and then opening a lesson or
// the quiz.
func stormScreens(t *testing.T, m Model, seed uint64, n int, seen map[string]bool) {
	immediateFrames(t)
	rng := rand.New(rand.NewPCG(seed, 0x1e55))
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic with storm seed %d: %v", seed, r)
		}
	}()
	for i := range n {
		var msg tea.Msg
		switch k := rng.IntN(100); {
		case k < 6:
			msg = tea.WindowSizeMsg{Width: 1 + rng.IntN(200), Height: 1 + rng.IntN(70)}
		case k < 20:
			msg = simview.TickMsg{Gen: activeGen(m)}
		case k < 22:
			msg = nav.OpenScreenMsg{Screen: nav.ScreenLesson, Arg: components.Itoa(1 + rng.IntN(15))}
		case k < 24:
			msg = nav.OpenScreenMsg{Screen: nav.ScreenQuiz}
		default:
			km := keyMsg(lessonStormKeys[rng.IntN(len(lessonStormKeys))])
			switch km.String() {
			case "shift+up":
				km = tea.KeyMsg{Type: tea.KeyShiftUp}
			case "shift+down":
				km = tea.KeyMsg{Type: tea.KeyShiftDown}
			}
			msg = km
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		if i%4 == 0 {
			m = feedQuick(m, cmd)
		}
		if why := frameFits(m.View(), m.w, m.h); why != "" {
			t.Fatalf("storm seed %d, message %d (%T %v): %s", seed, i, msg, msg, why)
		}
		switch {
		case m.current == nav.ScreenLesson && m.lesson != nil:
			seen["lesson "+m.lesson.Phase.String()] = true
		case m.current == nav.ScreenQuiz && m.quiz != nil:
			seen["quiz "+m.quiz.Phase.String()] = true
		}
	}
	answersAfterStorm(t, m, seed)
}

// activeGen is the tick generation of the run showing, so ticks land.
func activeGen(m Model) int {
	switch {
	case m.current == nav.ScreenLesson && m.lesson != nil && m.lesson.Sim != nil:
		return m.lesson.Sim.Gen
	case m.sim != nil:
		return m.sim.Gen
	}
	return 0
}

// feedQuick feeds back the messages of a command that answers at once
// (screen changes, menu choices); ticks, which the storm sends itself, and
// quitting are dropped.
func feedQuick(m Model, cmd tea.Cmd) Model {
	for _, msg := range messagesOf(cmd) {
		switch msg.(type) {
		case simview.TickMsg, tea.QuitMsg:
			continue
		}
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	return m
}
