package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/quiz"
	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/theme"
)

// How big a quiz is: bank questions drawn, plus questions generated from
// the engine's code.
const (
	quizCount     = 10
	quizGenerated = 2
)

// quizPhase is where the learner is in the quiz.
type quizPhase int

// The phases.
const (
	quizChoosing quizPhase = iota // picking a topic
	quizAsking                    // answering a question
	quizShowing                   // reading the verdict and explanation
	quizFinished                  // the score and the review
)

// String names the phase.
func (p quizPhase) String() string {
	switch p {
	case quizChoosing:
		return "choosing"
	case quizAsking:
		return "asking"
	case quizShowing:
		return "showing"
	case quizFinished:
		return "finished"
	}
	return "?"
}

// quizScreen is the quiz: choose what to practise, answer questions one
// at a time with the verdict at once, and see the score at the end.
type quizScreen struct {
	st   *theme.Styles
	keys quizKeys
	help help.Model
	book *quizBook
	seed uint64
	// bank, when set, is a teacher's questions (quiz --bank): every quiz
	// asks all of those that match, and no generated ones.
	bank     []quiz.Question
	bankName string

	phase   quizPhase
	menu    []quizChoice
	cursor  int
	title   string // what the quiz in progress draws from
	session *quiz.Session
	input   quizInput
	result  *quiz.Result
	newBest bool
	scroll  int
	status  string
	saved   string // the last save error, until a save works
	w, h    int
}

func newQuizScreen(st *theme.Styles, g keys.Global, book *quizBook, seed uint64) *quizScreen {
	q := &quizScreen{st: st, keys: newQuizKeys(g), help: help.New(), book: book, seed: seed, w: components.MinWidth, h: components.MinHeight}
	q.help.Styles.ShortKey, q.help.Styles.ShortDesc = st.Bold, st.Faint
	q.buildMenu()
	return q
}

// SetSize records the terminal size.
func (q *quizScreen) SetSize(w, h int) {
	q.w, q.h = w, h
	q.help.Width = w
}

// Update handles a key for the phase showing.
func (q *quizScreen) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	q.status = ""
	switch q.phase {
	case quizChoosing:
		q.chooseKey(km)
	case quizAsking:
		q.answerKey(km)
	case quizShowing:
		return q.showingKey(km)
	case quizFinished:
		if key.Matches(km, q.keys.Enter) {
			q.phase = quizChoosing
			q.buildMenu()
			return nil
		}
		q.scrollKey(km)
	}
	return nil
}

// start draws a quiz and asks its first question.
func (q *quizScreen) start(c quizChoice) {
	opts := quiz.Options{Topics: c.topics, Count: quizCount, Generated: quizGenerated,
		Seed: q.seed, Weak: c.weak, Progress: q.book.latest}
	if q.bank != nil {
		opts.Bank, opts.Count, opts.Generated = q.bank, 0, 0
	}
	s, err := quiz.NewSession(opts)
	if err != nil {
		q.status = err.Error()
		return
	}
	q.seed++ // the next quiz draws other questions
	q.book.begin()
	q.session, q.title, q.newBest = s, c.label, false
	q.ask()
}

// ask shows the current question, or the score when none is left.
func (q *quizScreen) ask() {
	q.result, q.scroll = nil, 0
	cur, ok := q.session.Current()
	if !ok {
		q.phase = quizFinished
		return
	}
	q.input = newQuizInput(cur)
	q.phase = quizAsking
}

// answerKey gives a key to the answer; a submitted answer is parsed by the
// quiz package, checked, shown and saved at once.
func (q *quizScreen) answerKey(km tea.KeyMsg) {
	text, submit := q.input.update(km, q.keys)
	if !submit {
		q.status = q.input.err // in the footer too: a long question scrolls it away
		return
	}
	resp, err := q.input.q.ParseResponse(text)
	if err != nil {
		q.input.err = err.Error()
		return
	}
	res, err := q.session.Answer(resp)
	if err != nil {
		q.status = err.Error()
		return
	}
	q.result, q.phase, q.scroll = &res, quizShowing, 0
	nb, err := q.book.record(q.session)
	q.newBest = q.newBest || nb
	q.saved = ""
	if err != nil {
		q.saved = "progress not saved: " + err.Error()
	}
}

// showingKey moves on, or opens the question's scenario.
func (q *quizScreen) showingKey(km tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(km, q.keys.Enter):
		q.ask()
	case key.Matches(km, q.keys.End) && !q.session.Done():
		q.phase, q.scroll = quizFinished, 0 // the answers so far are saved already
	case key.Matches(km, q.keys.Open) && q.result.Question.Scenario != "":
		name := q.result.Question.Scenario
		return func() tea.Msg { return openScreenMsg{Screen: ScreenSim, Arg: name, Return: ScreenQuiz} }
	default:
		q.scrollKey(km)
	}
	return nil
}

// scrollKey scrolls a view longer than the screen.
func (q *quizScreen) scrollKey(km tea.KeyMsg) {
	page := max(q.h-4, 1)
	switch {
	case key.Matches(km, q.keys.Up):
		q.scroll--
	case key.Matches(km, q.keys.Down):
		q.scroll++
	case key.Matches(km, q.keys.PageUp):
		q.scroll -= page
	case key.Matches(km, q.keys.PageDown):
		q.scroll += page
	}
	q.scroll = max(q.scroll, 0) // the view clamps the far end
}

// Keys is the help keymap of what is showing now: the footer, and for ?
// every key that works in this phase.
func (q *quizScreen) Keys() help.KeyMap {
	return keyList{short: q.shortKeys(), full: q.fullKeys()}
}

// fullKeys lists every key that works in the phase showing.
func (q *quizScreen) fullKeys() [][]key.Binding {
	k := q.keys
	g := k.global
	scroll := []key.Binding{named(k.Up, "scroll up"), named(k.Down, "scroll down"), k.PageUp, k.PageDown}
	switch q.phase {
	case quizChoosing:
		return [][]key.Binding{{k.Up, k.Down, named(k.Enter, "start")}, {g.Back, g.Help, g.Quit}}
	case quizAsking:
		return [][]key.Binding{q.answerKeys(), {g.Back, g.Help, g.Quit}}
	case quizShowing:
		keys := []key.Binding{named(k.Enter, "next question")}
		if q.result.Question.Scenario != "" {
			keys = append(keys, k.Open)
		}
		if !q.session.Done() {
			keys = append(keys, k.End)
		}
		return [][]key.Binding{keys, scroll, {g.Back, g.Help, g.Quit}}
	}
	return [][]key.Binding{{named(k.Enter, "new quiz")}, scroll, {named(g.Back, "home"), g.Help, g.Quit}}
}
