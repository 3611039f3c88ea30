package lesson

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	course "kafkasim/lessons"
	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/simview"
	"kafkasim/ui/theme"
)

// lessonPhase is where the learner is in a lesson.
type lessonPhase int

// The phases, in the order a lesson goes through them.
const (
	LessonReading   lessonPhase = iota // the lesson's text
	LessonTour                         // its scenario, pausing at stops
	LessonChallenge                    // the closing challenge
)

// String names the phase.
func (p lessonPhase) String() string {
	switch p {
	case LessonReading:
		return "reading"
	case LessonTour:
		return "tour"
	case LessonChallenge:
		return "challenge"
	}
	return "?"
}

// Screen is one lesson: its text, then its scenario in the
// simulator (the simulator screen, driven through the lesson's Player)
// with a box for the stops, predictions and the challenge.
type Screen struct {
	st     *theme.Styles
	keys   LessonKeys
	help   help.Model
	Lesson *course.Lesson
	Player *course.Player
	book   *Book
	count  int // lessons in the course
	Fatal  error

	Phase  lessonPhase
	run    lessonPhase // the run in progress (tour or challenge); reading when none yet
	text   []string    // the rendered lesson text, for the width textW
	textW  int
	scroll int
	Sim    *simview.Screen

	Stop     int // the stop the box shows (the Player's paused index), -1 for none
	Ask      predictBox
	Verdict  *course.PredictResult
	Hidden   bool // the learner hid the box to see the panes under it
	TourDone bool
	reveal   revealState
	names    bool // the watch line also gives the engine's metric names

	checked  bool // the challenge run has been judged
	LastOK   bool // and passed
	Passed   bool // some run has passed
	Details  []string
	failures int

	Status string
	saved  string // the last save error, shown until a save works
	w, h   int

	// NoMotion: the lesson's runs draw without animation (--no-motion).
	NoMotion bool
}

// New opens a lesson on its text. A zero seed is the
// scenario's own. It returns the command that reports the lesson started.
func New(st *theme.Styles, g keys.Global, l *course.Lesson, seed uint64, book *Book, count int) (*Screen, tea.Cmd) {
	s := &Screen{st: st, keys: NewLessonKeys(g), help: help.New(), Lesson: l, book: book, count: count,
		Stop: -1, reveal: noReveal, w: components.MinWidth, h: components.MinHeight}
	s.help.Styles.ShortKey, s.help.Styles.ShortDesc = st.Bold, st.Faint
	p, err := course.NewPlayer(l, seed)
	if err != nil {
		s.Fatal = err
		return s, nil
	}
	s.Player = p
	if book.Get(l.Slug).Status != course.NotStarted {
		return s, nil
	}
	return s, s.save(func(pr *course.Progress) { pr.Start(l.Slug) })
}

// SetSize records the terminal size.
func (s *Screen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.help.Width = w
	s.layout()
}

// CapturesKeys is false: answers use digits, arrows and enter, so q and ?
// keep working while a question is open.
func (s *Screen) CapturesKeys() bool {
	return s.Sim != nil && s.Phase != LessonReading && s.Sim.CapturesKeys()
}

// ModalOpen reports a menu or an open question, which esc closes first.
func (s *Screen) ModalOpen() bool {
	if s.Sim == nil || s.Phase == LessonReading {
		return false
	}
	return s.Sim.ModalOpen() || s.Asking()
}

// Asking reports whether the box is waiting for an answer.
func (s *Screen) Asking() bool {
	st, ok := s.stopShown()
	return ok && st.Predict != nil && s.Verdict == nil && !s.Hidden && !s.Revealing()
}

// stopShown is the stop the run waits at, if any.
func (s *Screen) stopShown() (*course.Stop, bool) {
	if s.Player == nil || s.Phase != LessonTour || s.Stop < 0 {
		return nil, false
	}
	return s.Player.Paused()
}

// Revealing reports an answer given whose interval is playing.
func (s *Screen) Revealing() bool {
	return s.Player != nil && s.Phase == LessonTour && s.reveal.stop >= 0
}

// Update handles a message: keys by phase, everything else (ticks, fault
// choices, mouse) to the simulator; then it catches up with the Player.
func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	if s.Fatal != nil {
		return nil
	}
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.SetSize(msg.Width, msg.Height)
		return nil
	case tea.KeyMsg:
		cmd = s.handleKey(msg)
	case skeletonPathMsg:
		cmd = s.skeletonTo(msg)
	case skeletonDoneMsg:
		s.skeletonDone(msg)
	default:
		if s.Sim != nil && s.Phase != LessonReading {
			cmd = s.Sim.Update(msg)
		}
	}
	cmd = tea.Batch(cmd, s.sync())
	s.layout()
	return cmd
}

// handleKey routes a key: an open menu, the text, a question, then the run.
func (s *Screen) handleKey(km tea.KeyMsg) tea.Cmd {
	s.Status = ""
	if s.Phase == LessonReading {
		return s.readKey(km)
	}
	if s.Sim.ModalOpen() {
		return s.Sim.Update(km)
	}
	if s.Asking() && (key.Matches(km, s.keys.global.Back) || key.Matches(km, s.keys.Hide)) {
		s.Hidden = true
		return nil
	}
	if s.Phase == LessonTour {
		if cmd, ok := s.rewindKey(km); ok {
			return cmd
		}
	}
	if s.Asking() {
		return s.answerKey(km)
	}
	if s.Sim.DrillKey(km) { // enter on the ledger lists records before it goes on
		return s.Sim.Update(km)
	}
	k := s.keys
	switch {
	case key.Matches(km, k.Text):
		s.Sim.Pause()
		s.Phase = LessonReading
		return nil
	case key.Matches(km, k.Hide):
		s.Hidden = !s.Hidden
		return nil
	case key.Matches(km, k.Names):
		s.names = !s.names
		return nil
	case key.Matches(km, k.Restart):
		return s.restartRun()
	case key.Matches(km, k.Export):
		s.openSkeletonPrompt()
		return nil
	case key.Matches(km, k.Sim.Faults):
		cmd := s.Sim.Update(km)
		s.addActions()
		return cmd
	}
	if s.Phase == LessonChallenge {
		return s.challengeKey(km)
	}
	return s.tourKey(km)
}

// readKey scrolls the text and starts (or returns to) the run.
func (s *Screen) readKey(km tea.KeyMsg) tea.Cmd {
	k := s.keys
	page := max(s.textRoom()-1, 1)
	switch {
	case key.Matches(km, k.Up):
		s.scroll--
	case key.Matches(km, k.Down):
		s.scroll++
	case key.Matches(km, k.PageUp):
		s.scroll -= page
	case key.Matches(km, k.PageDown, k.Page):
		s.scroll += page
	case key.Matches(km, k.Enter):
		if s.run == LessonReading {
			return s.startTour()
		}
		s.Phase = s.run
	case key.Matches(km, k.Challenge):
		if s.run == LessonChallenge {
			s.Phase = s.run
			return nil
		}
		return s.startChallenge()
	}
	s.clampScroll()
	return nil
}

// Keys is the help keymap of what is showing now: the footer's keys, and
// for ? every key that works on this screen, from the keymaps.
func (s *Screen) Keys() help.KeyMap {
	if s.Sim != nil && s.Phase != LessonReading && s.Sim.ModalOpen() {
		return s.Sim.Keys()
	}
	short := s.shortKeys()
	if s.Phase == LessonReading {
		return keys.List{Short: short, Full: s.keys.ReadingHelp()}
	}
	return keys.List{Short: short, Full: append(s.keys.LessonHelp(), s.keys.Sim.FullHelp()...)}
}
