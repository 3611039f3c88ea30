package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"kafkasim/ui/components"
	"kafkasim/ui/lesson"
	"kafkasim/ui/nav"
	quizui "kafkasim/ui/quiz"
)

// probeKeys are every printable key and the special keys a terminal sends.
func probeKeys() []tea.KeyMsg {
	var out []tea.KeyMsg
	for r := '!'; r <= '~'; r++ {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	for _, t := range []tea.KeyType{tea.KeySpace, tea.KeyEnter, tea.KeyTab, tea.KeyShiftTab, tea.KeyBackspace,
		tea.KeyUp, tea.KeyDown, tea.KeyLeft, tea.KeyRight, tea.KeyShiftUp, tea.KeyShiftDown, tea.KeyShiftLeft,
		tea.KeyShiftRight, tea.KeyPgUp, tea.KeyPgDown, tea.KeyHome, tea.KeyEnd, tea.KeyDelete, tea.KeyCtrlD} {
		out = append(out, tea.KeyMsg{Type: t})
	}
	return out
}

// listedKeys are the keys the help of what shows now lists, and the
// global ones.
func listedKeys(m Model) map[string]bool {
	km := m.active().Keys()
	all := append([]key.Binding(nil), km.ShortHelp()...)
	for _, col := range km.FullHelp() {
		all = append(all, col...)
	}
	all = append(all, m.global.Quit, m.global.Help, m.global.Back)
	out := map[string]bool{}
	for _, b := range all {
		if b.Enabled() {
			for _, k := range b.Keys() {
				out[k] = true
			}
		}
	}
	return out
}

// requireUnlistedKeysIdle presses, one by one, every key the help of
// what shows does not list, and fails if one changes the screen: a key
// that works but is not in the help cannot exist.
func requireUnlistedKeysIdle(t *testing.T, where string, m Model) {
	t.Helper()
	listed := listedKeys(m)
	// A key clears a passing status line; f12, bound nowhere, lets it go
	// before the screen is taken as the one every other key must keep.
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyF12})
	m = feed(next.(Model), cmd)
	before := m.View()
	for _, km := range probeKeys() {
		if listed[km.String()] {
			continue
		}
		next, cmd := m.Update(km)
		m = feed(next.(Model), cmd)
		if after := m.View(); after != before {
			t.Errorf("%s: %q is not in the help but changes the screen:\n%s", where, km.String(), after)
			return
		}
	}
}

// TestKeymapUnlistedKeysDoNothing walks the screens of the simulator and
// its modals; each state starts from a fresh model, as screens are shared
// by pointer.
func TestKeymapUnlistedKeysDoNothing(t *testing.T) {
	immediateFrames(t)
	states := []struct {
		where string
		keys  []string
		open  func(Model) bool
	}{
		{"home", nil, func(m Model) bool { return m.current == nav.ScreenHome }},
		{"sim", []string{"right", "enter", "space"}, func(m Model) bool { return m.current == nav.ScreenSim && !m.sim.ModalOpen() }},
		{"fault menu", []string{"right", "enter", "space", "f"}, func(m Model) bool { return m.sim.Menu.IsOpen() }},
		{"what-if", []string{"right", "enter", "space", "w"}, func(m Model) bool { return m.sim.Whatif.IsOpen() }},
		{"home's file prompt", []string{"right", "up", "enter"}, func(m Model) bool { return m.home.Prompt.IsOpen() }},
		{"seed prompt", []string{"right", "enter", "space", "S"}, func(m Model) bool { return m.sim.Prompt.IsOpen() }},
	}
	for _, st := range states {
		m := drive(t, fixtureModel(t, Options{NoMotion: true}, 80, 24), st.keys...)
		if !st.open(m) {
			t.Fatalf("%s: did not get there:\n%s", st.where, m.View())
		}
		requireHelpOpens(t, st.where, m)
		if c, ok := m.active().(keyCapturer); ok && c.CapturesKeys() {
			continue // every key is text there
		}
		requireUnlistedKeysIdle(t, st.where, m)
	}
	for id := range components.PaneCount { // each pane's focus enables its own keys
		m := drive(t, fixtureModel(t, Options{NoMotion: true}, 80, 24), "right", "enter", "space")
		m.sim.SetFocus(id)
		requireHelpOpens(t, "sim, "+id.String()+" focused", m)
		requireUnlistedKeysIdle(t, "sim, "+id.String()+" focused", m)
		if id == components.PaneLedger {
			m = drive(t, m, "enter")
			if !m.sim.Drill.IsOpen() {
				t.Fatal("enter on the ledger should list its records")
			}
			requireUnlistedKeysIdle(t, "drill", m)
		}
	}
}

// TestKeymapUnlistedKeysDoNothingInLessonsAndQuiz walks a lesson (its
// text, a stop, a question, the challenge) and the quiz (the menu, a
// question, the answer) on the real engine.
func TestKeymapUnlistedKeysDoNothingInLessonsAndQuiz(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the real engine")
	}
	states := []struct {
		where  string
		screen nav.Screen
		keys   []string
		open   func(Model) bool
	}{
		{"lesson text", nav.ScreenLesson, nil, func(m Model) bool { return m.lesson.Phase == lesson.LessonReading }},
		{"lesson stop", nav.ScreenLesson, []string{"enter", "enter"}, func(m Model) bool { return m.lesson.Stop == 0 && !m.lesson.Asking() }},
		{"lesson question", nav.ScreenLesson, []string{"enter", "enter", "enter", "enter"}, func(m Model) bool { return m.lesson.Asking() }},
		{"lesson question picked", nav.ScreenLesson, []string{"enter", "enter", "enter", "enter", "2"}, func(m Model) bool { return m.lesson.Asking() }},
		{"lesson challenge", nav.ScreenLesson, []string{"c"}, func(m Model) bool { return m.lesson.Phase == lesson.LessonChallenge }},
		{"quiz menu", nav.ScreenQuiz, nil, func(m Model) bool { return m.quiz.Phase == quizui.QuizChoosing }},
		{"quiz question", nav.ScreenQuiz, []string{"enter"}, func(m Model) bool { return m.quiz.Phase == quizui.QuizAsking }},
	}
	for _, st := range states {
		m := drive(t, openOn(t, st.screen, "1", t.TempDir(), 80, 24), st.keys...)
		if !st.open(m) {
			t.Fatalf("%s: did not get there:\n%s", st.where, m.View())
		}
		requireHelpOpens(t, st.where, m)
		requireUnlistedKeysIdle(t, st.where, m)
	}
	m := newModel(Options{Sandbox: true}, plainStyles(), defaultDeps())
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = feed(next.(Model), next.(Model).Init())
	if m.current != nav.ScreenSim || !m.sim.Cmdline.IsOpen() {
		t.Fatalf("the sandbox should open on its command line:\n%s", m.View())
	}
	requireHelpOpens(t, "sandbox command line", m)
}

// requireHelpOpens presses ? (f1 where ? is text) and checks the help
// shows within the screen, every line at most its width, and that esc
// closes it again.
func requireHelpOpens(t *testing.T, where string, m Model) {
	t.Helper()
	open := "?"
	if c, ok := m.active().(keyCapturer); ok && c.CapturesKeys() {
		open = "f1"
	}
	km := keyMsg(open)
	if open == "f1" {
		km = tea.KeyMsg{Type: tea.KeyF1}
	}
	next, _ := m.Update(km)
	m = next.(Model)
	v := m.View()
	if !m.showHelp || !contains(v, "esc closes") {
		t.Errorf("%s: %s should open the help:\n%s", where, open, v)
		return
	}
	for _, col := range m.active().Keys().FullHelp() {
		for _, b := range col {
			if b.Enabled() && b.Help().Key != "" && !regexp.MustCompile(regexp.QuoteMeta(b.Help().Key)+` +`+regexp.QuoteMeta(b.Help().Desc)).MatchString(v) {
				t.Errorf("%s: the help leaves out %q %q:\n%s", where, b.Help().Key, b.Help().Desc, v)
			}
		}
	}
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > m.w {
			t.Errorf("%s: help line %d is %d columns wide, over %d:\n%s", where, i, w, m.w, l)
		}
	}
	if len(lines) > m.h {
		t.Errorf("%s: help makes %d lines, over %d", where, len(lines), m.h)
	}
	next, _ = m.Update(keyMsg("esc"))
	if next.(Model).showHelp {
		t.Errorf("%s: esc should close the help", where)
	}
}
