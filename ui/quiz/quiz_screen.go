package quiz

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/quiz"
	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/nav"
	"kafkasim/ui/theme"
)

// How big a quiz is: bank questions drawn, plus questions generated from
// the engine's code.
const (
	QuizCount     = 10
	QuizGenerated = 2
)

// quizPhase is where the learner is in the quiz.
type quizPhase int

// The phases.
const (
	QuizChoosing quizPhase = iota // picking a topic
	QuizAsking                    // answering a question
	QuizShowing                   // reading the verdict and explanation
	QuizFinished                  // the score and the review
)

// String names the phase.
func (p quizPhase) String() string {
	switch p {
	case QuizChoosing:
		return "choosing"
	case QuizAsking:
		return "asking"
	case QuizShowing:
		return "showing"
	case QuizFinished:
		return "finished"
	}
	return "?"
}

// Screen is the quiz: choose what to practise, answer questions one
// at a time with the verdict at once, and see the score at the end.
type Screen struct {
	st   *theme.Styles
	keys quizKeys
	help help.Model
	Book *QuizBook
	seed uint64
	// Bank, when set, is a teacher's questions (quiz --bank): every quiz
	// asks all of those that match, and no generated ones.
	Bank     []quiz.Question
	BankName string

	Phase   quizPhase
	menu    []QuizChoice
	cursor  int
	title   string // what the quiz in progress draws from
	Session *quiz.Session
	Input   quizInput
	Result  *quiz.Result
	newBest bool
	scroll  int
	status  string
	Saved   string // the last save error, until a save works
	w, h    int
}

func New(st *theme.Styles, g keys.Global, book *QuizBook, seed uint64) *Screen {
	q := &Screen{st: st, keys: NewQuizKeys(g), help: help.New(), Book: book, seed: seed, w: components.MinWidth, h: components.MinHeight}
	q.help.Styles.ShortKey, q.help.Styles.ShortDesc = st.Bold, st.Faint
	q.buildMenu()
	return q
}

// SetSize records the terminal size.
func (q *Screen) SetSize(w, h int) {
	q.w, q.h = w, h
	q.help.Width = w
}

// Update handles a key for the phase showing.
func (q *Screen) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	q.status = ""
	switch q.Phase {
	case QuizChoosing:
		q.chooseKey(km)
	case QuizAsking:
		q.answerKey(km)
	case QuizShowing:
		return q.showingKey(km)
	case QuizFinished:
		if key.Matches(km, q.keys.Enter) {
			q.Phase = QuizChoosing
			q.buildMenu()
			return nil
		}
		q.scrollKey(km)
	}
	return nil
}

// Start draws a quiz and asks its first question.
func (q *Screen) Start(c QuizChoice) {
	opts := quiz.Options{Topics: c.Topics, Count: QuizCount, Generated: QuizGenerated,
		Seed: q.seed, Weak: c.weak, Progress: q.Book.Latest}
	if q.Bank != nil {
		opts.Bank, opts.Count, opts.Generated = q.Bank, 0, 0
	}
	s, err := quiz.NewSession(opts)
	if err != nil {
		q.status = err.Error()
		return
	}
	q.seed++ // the next quiz draws other questions
	q.Book.begin()
	q.Session, q.title, q.newBest = s, c.Label, false
	q.ask()
}

// ask shows the current question, or the score when none is left.
func (q *Screen) ask() {
	q.Result, q.scroll = nil, 0
	cur, ok := q.Session.Current()
	if !ok {
		q.Phase = QuizFinished
		return
	}
	q.Input = NewQuizInput(cur)
	q.Phase = QuizAsking
}

// answerKey gives a key to the answer; a submitted answer is parsed by the
// quiz package, checked, shown and saved at once.
func (q *Screen) answerKey(km tea.KeyMsg) {
	text, submit := q.Input.Update(km, q.keys)
	if !submit {
		q.status = q.Input.Err // in the footer too: a long question scrolls it away
		return
	}
	resp, err := q.Input.Q.ParseResponse(text)
	if err != nil {
		q.Input.Err = err.Error()
		return
	}
	res, err := q.Session.Answer(resp)
	if err != nil {
		q.status = err.Error()
		return
	}
	q.Result, q.Phase, q.scroll = &res, QuizShowing, 0
	nb, err := q.Book.Record(q.Session)
	q.newBest = q.newBest || nb
	q.Saved = ""
	if err != nil {
		q.Saved = "progress not saved: " + err.Error()
	}
}

// showingKey moves on, or opens the question's scenario.
func (q *Screen) showingKey(km tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(km, q.keys.Enter):
		q.ask()
	case key.Matches(km, q.keys.End) && !q.Session.Done():
		q.Phase, q.scroll = QuizFinished, 0 // the answers so far are saved already
	case key.Matches(km, q.keys.Open) && q.Result.Question.Scenario != "":
		name := q.Result.Question.Scenario
		return func() tea.Msg { return nav.OpenScreenMsg{Screen: nav.ScreenSim, Arg: name, Return: nav.ScreenQuiz} }
	default:
		q.scrollKey(km)
	}
	return nil
}

// scrollKey scrolls a view longer than the screen.
func (q *Screen) scrollKey(km tea.KeyMsg) {
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
func (q *Screen) Keys() help.KeyMap {
	return keys.List{Short: q.shortKeys(), Full: q.fullKeys()}
}

// fullKeys lists every key that works in the phase showing.
func (q *Screen) fullKeys() [][]key.Binding {
	k := q.keys
	g := k.global
	scroll := []key.Binding{keys.Named(k.Up, "scroll up"), keys.Named(k.Down, "scroll down"), k.PageUp, k.PageDown}
	switch q.Phase {
	case QuizChoosing:
		return [][]key.Binding{{k.Up, k.Down, keys.Named(k.Enter, "start")}, {g.Back, g.Help, g.Quit}}
	case QuizAsking:
		return [][]key.Binding{q.answerKeys(), {g.Back, g.Help, g.Quit}}
	case QuizShowing:
		keys := []key.Binding{keys.Named(k.Enter, "next question")}
		if q.Result.Question.Scenario != "" {
			keys = append(keys, k.Open)
		}
		if !q.Session.Done() {
			keys = append(keys, k.End)
		}
		return [][]key.Binding{keys, scroll, {g.Back, g.Help, g.Quit}}
	}
	return [][]key.Binding{{keys.Named(k.Enter, "new quiz")}, scroll, {keys.Named(g.Back, "home"), g.Help, g.Quit}}
}
