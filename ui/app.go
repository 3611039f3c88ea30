package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/cmdline"
	"kafkasim/ui/components"
	"kafkasim/ui/home"
	"kafkasim/ui/keys"
	"kafkasim/ui/lesson"
	"kafkasim/ui/nav"
	quizui "kafkasim/ui/quiz"
	"kafkasim/ui/simrun"
	"kafkasim/ui/simview"
	"kafkasim/ui/theme"
)

// screen is what every screen offers the root model.
type screen interface {
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
	Keys() help.KeyMap
}

// keyCapturer is a screen whose text input takes every key.
type keyCapturer interface{ CapturesKeys() bool }

// modalOwner is a screen with a menu or prompt that esc should close first.
type modalOwner interface{ ModalOpen() bool }

// helpNoter is a screen with a line to add under its keys in the help.
type helpNoter interface{ HelpNote() string }

// deps are what the root model needs from outside ui/.
type deps struct {
	source scenarioSource
	start  simrun.Factory
	shells cmdline.Shells // sandbox sessions (cmdline_shell.go)
}

// Model is the root Bubble Tea model: it owns the screens and routes
// messages to them.
type Model struct {
	st       *theme.Styles
	global   keys.Global
	opts     Options
	deps     deps
	current  nav.Screen
	home     *home.Screen
	sim      *simview.Screen
	lesson   *lesson.Screen
	book     *lesson.Book
	quiz     *quizui.Screen
	quizBook *quizui.QuizBook // read when the quiz first opens
	returnTo nav.Screen       // where esc leaves the simulator for; home when zero
	other    *placeholderScreen
	help     help.Model
	showHelp bool
	w, h     int
}

func newModel(opts Options, st *theme.Styles, d deps) Model {
	g := keys.NewGlobal()
	m := Model{st: st, global: g, opts: opts, deps: d, help: help.New(), w: components.MinWidth, h: components.MinHeight}
	m.help.Styles.FullKey, m.help.Styles.FullDesc = st.Bold, st.Faint
	m.help.ShowAll = true
	library := make(chan []nav.ScenarioEntry, 1)
	go func() { library <- d.source.BuiltIn() }() // parsed while the lessons load: both are before the first screen
	book, warning := lesson.LoadBook(opts.StateDir)
	m.book = book
	if opts.Lessons == nil {
		m.opts.Lessons = book.Entries()
	}
	m.home = home.New(st, g, m.opts.Lessons, <-library)
	m.home.Warnings = append(append([]string(nil), opts.Warnings...), warning)
	m.home.SetQuizProgress(home.PeekQuizProgress(opts.StateDir))
	m.home.SetSize(m.w, m.h)
	return m
}

// Init opens what the options ask for.
func (m Model) Init() tea.Cmd {
	switch {
	case m.opts.Live != nil:
		return func() tea.Msg { return openLiveMsg{} }
	case m.opts.Scenario != "":
		return m.loadCmd(m.opts.Scenario)
	case m.opts.Sandbox:
		return func() tea.Msg { return nav.OpenScreenMsg{Screen: nav.ScreenSandbox} }
	case m.opts.Quiz:
		return func() tea.Msg { return nav.OpenScreenMsg{Screen: nav.ScreenQuiz} }
	case m.opts.LessonFile != "":
		return func() tea.Msg { return nav.OpenScreenMsg{Screen: nav.ScreenLesson, Arg: lessonFileArg} }
	case m.opts.Lesson > 0:
		return func() tea.Msg { return nav.OpenScreenMsg{Screen: nav.ScreenLesson, Arg: strconv.Itoa(m.opts.Lesson)} }
	}
	return nil
}

// active is the screen showing now.
func (m Model) active() screen {
	switch {
	case m.current == nav.ScreenSim && m.sim != nil:
		return m.sim
	case m.current == nav.ScreenLesson && m.lesson != nil:
		return m.lesson
	case m.current == nav.ScreenQuiz && m.quiz != nil:
		return m.quiz
	case m.current == nav.ScreenHome || m.other == nil:
		return m.home
	}
	return m.other
}

// Update routes a message: global keys, the active modal, app messages,
// then the active screen (which hands keys to its focused pane).
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok {
		if c, ok := m.active().(keyCapturer); ok && c.CapturesKeys() {
			return m.typedKey(km)
		}
		if km.Type == tea.KeyRunes && len(km.Runes) > 1 && !km.Paste {
			return m.splitRunes(km)
		}
		if cmd, done := m.handleGlobalKey(km); done {
			return m, cmd
		}
		if m.showHelp {
			return m, nil // the help overlay is modal
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.help.Width = msg.Width
		m.home.SetSize(m.w, m.h)
		if m.other != nil {
			m.other.SetSize(m.w, m.h)
		}
		if m.sim != nil {
			m.sim.SetSize(m.w, m.h)
		}
		if m.lesson != nil {
			m.lesson.SetSize(m.w, m.h)
		}
		if m.quiz != nil {
			m.quiz.SetSize(m.w, m.h)
		}
		return m, nil
	case nav.LessonStatusMsg:
		m.home.SetLessonStatus(msg.Number, msg.Status)
		return m, nil
	case nav.OpenScreenMsg:
		return m.open(msg)
	case simview.ScenarioLoadedMsg:
		return m.play(msg.Spec)
	case openLiveMsg:
		return m.playLive()
	case nav.ErrMsg:
		m.showError(msg.Error())
		return m, nil
	case nav.BackMsg:
		return m.back()
	}
	return m, m.active().Update(msg)
}

// typedKey routes a key while a text input has the keyboard: f1 opens
// the help (? is text there), which ?, f1 or esc close.
func (m Model) typedKey(km tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case m.showHelp && key.Matches(km, m.global.Help, m.global.Back):
		m.showHelp = false
		return m, nil
	case key.Matches(km, m.global.TypedHelp):
		m.showHelp = true
		return m, nil
	case m.showHelp:
		return m, nil // the help overlay is modal
	}
	return m, m.active().Update(km)
}

// splitRunes handles keys typed faster than the terminal is read ("]]]"
// arrives as one message) one at a time, as the learner pressed them.
func (m Model) splitRunes(km tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	var next tea.Model = m
	for _, r := range km.Runes {
		var cmd tea.Cmd
		next, cmd = next.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: km.Alt})
		cmds = append(cmds, cmd)
	}
	return next, tea.Batch(cmds...)
}

// handleGlobalKey handles quit, help and back; done says the key is used up.
func (m *Model) handleGlobalKey(km tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(km, m.global.Quit):
		return tea.Quit, true
	case key.Matches(km, m.global.Help):
		m.showHelp = !m.showHelp
		return nil, true
	case key.Matches(km, m.global.Back):
		if m.showHelp {
			m.showHelp = false
			return nil, true
		}
		if o, ok := m.active().(modalOwner); ok && o.ModalOpen() {
			return nil, false // the screen's menu closes first
		}
		if m.current == nav.ScreenSim && m.sim != nil && m.sim.AskLeave() {
			return nil, true // y leaves (leave_confirm.go)
		}
		if m.current != nav.ScreenHome {
			return func() tea.Msg { return nav.BackMsg{} }, true
		}
	}
	return nil, false
}

// back returns to the home screen, pausing the simulator; a scenario
// opened from another screen (a quiz question's) returns there.
func (m Model) back() (tea.Model, tea.Cmd) {
	m.pauseAll()
	if m.quizBook != nil {
		m.home.SetQuizProgress(m.quizBook.Latest)
	}
	if m.current == nav.ScreenSim && m.returnTo != nav.ScreenHome {
		m.current, m.returnTo = m.returnTo, nav.ScreenHome
		return m, nil
	}
	m.current = nav.ScreenHome
	return m, nil
}

// open switches to a screen.
func (m Model) open(msg nav.OpenScreenMsg) (tea.Model, tea.Cmd) {
	switch msg.Screen {
	case nav.ScreenSim:
		m.returnTo = msg.Return
		return m, m.loadCmd(msg.Arg)
	case nav.ScreenSandbox:
		return m.playSandbox()
	case nav.ScreenLesson:
		return m.openLesson(msg.Arg)
	case nav.ScreenQuiz:
		return m.openQuiz()
	}
	m.current = nav.ScreenHome
	return m, nil
}

// loadCmd reads a scenario off the UI goroutine.
func (m Model) loadCmd(name string) tea.Cmd {
	src, seed := m.deps.source, m.opts.Seed
	return func() tea.Msg {
		spec, err := src.Load(name)
		if err != nil {
			return nav.ErrMsg{Err: err}
		}
		if seed != nil {
			spec = spec.WithSeed(*seed)
		}
		return simview.ScenarioLoadedMsg{Spec: spec}
	}
}

// play opens the simulator screen on a scenario.
func (m Model) play(spec simrun.Spec) (tea.Model, tea.Cmd) {
	m.pauseAll()
	m.sim = simview.New(m.st, keys.NewSim(m.global), spec, m.deps.start)
	m.sim.Shells = m.deps.shells
	m.sim.Hot.Still = m.opts.NoMotion
	m.sim.SetSize(m.w, m.h)
	m.current = nav.ScreenSim
	return m, m.sim.Init()
}

// showError puts an error where the learner will see it.
func (m *Model) showError(text string) {
	if m.current == nav.ScreenSim && m.sim != nil {
		m.sim.Status = text
		return
	}
	m.other = &placeholderScreen{st: m.st, keys: m.home.KeyMap, title: "Something went wrong", text: text}
	m.other.SetSize(m.w, m.h)
	m.current, m.returnTo = nav.ScreenMessage, nav.ScreenHome // esc goes home
}

// View draws the active screen, and the full help over it when asked.
func (m Model) View() string {
	v := m.active().View()
	if !m.showHelp || m.w < components.MinWidth || m.h < components.MinHeight {
		return v
	}
	body := m.st.Title.Render("Keys") + "\n\n" + keys.FullHelpView(m.help, m.active().Keys(), m.w-keys.HelpBoxFrame) + "\n\n"
	if n, ok := m.active().(helpNoter); ok && n.HelpNote() != "" {
		body += n.HelpNote() + "\n"
	}
	box := m.st.MenuBox.Render(body + m.st.Faint.Render("? or esc closes"))
	return strings.Join(components.Overlay(strings.Split(v, "\n"), box, m.w), "\n")
}
