package ui

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
	lessonReading   lessonPhase = iota // the lesson's text
	lessonTour                         // its scenario, pausing at stops
	lessonChallenge                    // the closing challenge
)

// String names the phase.
func (p lessonPhase) String() string {
	switch p {
	case lessonReading:
		return "reading"
	case lessonTour:
		return "tour"
	case lessonChallenge:
		return "challenge"
	}
	return "?"
}

// lessonScreen is one lesson: its text, then its scenario in the
// simulator (the simulator screen, driven through the lesson's Player)
// with a box for the stops, predictions and the challenge.
type lessonScreen struct {
	st     *theme.Styles
	keys   lessonKeys
	help   help.Model
	lesson *course.Lesson
	player *course.Player
	book   *lessonBook
	count  int // lessons in the course
	fatal  error

	phase  lessonPhase
	run    lessonPhase // the run in progress (tour or challenge); reading when none yet
	text   []string    // the rendered lesson text, for the width textW
	textW  int
	scroll int
	sim    *simview.Screen

	stop     int // the stop the box shows (the Player's paused index), -1 for none
	ask      predictBox
	verdict  *course.PredictResult
	hidden   bool // the learner hid the box to see the panes under it
	tourDone bool
	reveal   revealState
	names    bool // the watch line also gives the engine's metric names

	checked  bool // the challenge run has been judged
	lastOK   bool // and passed
	passed   bool // some run has passed
	details  []string
	failures int

	status string
	saved  string // the last save error, shown until a save works
	w, h   int

	// noMotion: the lesson's runs draw without animation (--no-motion).
	noMotion bool
}

// newLessonScreen opens a lesson on its text. A zero seed is the
// scenario's own. It returns the command that reports the lesson started.
func newLessonScreen(st *theme.Styles, g keys.Global, l *course.Lesson, seed uint64, book *lessonBook, count int) (*lessonScreen, tea.Cmd) {
	s := &lessonScreen{st: st, keys: newLessonKeys(g), help: help.New(), lesson: l, book: book, count: count,
		stop: -1, reveal: noReveal, w: components.MinWidth, h: components.MinHeight}
	s.help.Styles.ShortKey, s.help.Styles.ShortDesc = st.Bold, st.Faint
	p, err := course.NewPlayer(l, seed)
	if err != nil {
		s.fatal = err
		return s, nil
	}
	s.player = p
	if book.Get(l.Slug).Status != course.NotStarted {
		return s, nil
	}
	return s, s.save(func(pr *course.Progress) { pr.Start(l.Slug) })
}

// SetSize records the terminal size.
func (s *lessonScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.help.Width = w
	s.layout()
}

// CapturesKeys is false: answers use digits, arrows and enter, so q and ?
// keep working while a question is open.
func (s *lessonScreen) CapturesKeys() bool {
	return s.sim != nil && s.phase != lessonReading && s.sim.CapturesKeys()
}

// ModalOpen reports a menu or an open question, which esc closes first.
func (s *lessonScreen) ModalOpen() bool {
	if s.sim == nil || s.phase == lessonReading {
		return false
	}
	return s.sim.ModalOpen() || s.asking()
}

// asking reports whether the box is waiting for an answer.
func (s *lessonScreen) asking() bool {
	st, ok := s.stopShown()
	return ok && st.Predict != nil && s.verdict == nil && !s.hidden && !s.revealing()
}

// stopShown is the stop the run waits at, if any.
func (s *lessonScreen) stopShown() (*course.Stop, bool) {
	if s.player == nil || s.phase != lessonTour || s.stop < 0 {
		return nil, false
	}
	return s.player.Paused()
}

// revealing reports an answer given whose interval is playing.
func (s *lessonScreen) revealing() bool {
	return s.player != nil && s.phase == lessonTour && s.reveal.stop >= 0
}

// Update handles a message: keys by phase, everything else (ticks, fault
// choices, mouse) to the simulator; then it catches up with the Player.
func (s *lessonScreen) Update(msg tea.Msg) tea.Cmd {
	if s.fatal != nil {
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
		if s.sim != nil && s.phase != lessonReading {
			cmd = s.sim.Update(msg)
		}
	}
	cmd = tea.Batch(cmd, s.sync())
	s.layout()
	return cmd
}

// handleKey routes a key: an open menu, the text, a question, then the run.
func (s *lessonScreen) handleKey(km tea.KeyMsg) tea.Cmd {
	s.status = ""
	if s.phase == lessonReading {
		return s.readKey(km)
	}
	if s.sim.ModalOpen() {
		return s.sim.Update(km)
	}
	if s.asking() && (key.Matches(km, s.keys.global.Back) || key.Matches(km, s.keys.Hide)) {
		s.hidden = true
		return nil
	}
	if s.phase == lessonTour {
		if cmd, ok := s.rewindKey(km); ok {
			return cmd
		}
	}
	if s.asking() {
		return s.answerKey(km)
	}
	if s.sim.DrillKey(km) { // enter on the ledger lists records before it goes on
		return s.sim.Update(km)
	}
	k := s.keys
	switch {
	case key.Matches(km, k.Text):
		s.sim.Pause()
		s.phase = lessonReading
		return nil
	case key.Matches(km, k.Hide):
		s.hidden = !s.hidden
		return nil
	case key.Matches(km, k.Names):
		s.names = !s.names
		return nil
	case key.Matches(km, k.Restart):
		return s.restartRun()
	case key.Matches(km, k.Export):
		s.openSkeletonPrompt()
		return nil
	case key.Matches(km, k.sim.Faults):
		cmd := s.sim.Update(km)
		s.addActions()
		return cmd
	}
	if s.phase == lessonChallenge {
		return s.challengeKey(km)
	}
	return s.tourKey(km)
}

// readKey scrolls the text and starts (or returns to) the run.
func (s *lessonScreen) readKey(km tea.KeyMsg) tea.Cmd {
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
		if s.run == lessonReading {
			return s.startTour()
		}
		s.phase = s.run
	case key.Matches(km, k.Challenge):
		if s.run == lessonChallenge {
			s.phase = s.run
			return nil
		}
		return s.startChallenge()
	}
	s.clampScroll()
	return nil
}

// Keys is the help keymap of what is showing now: the footer's keys, and
// for ? every key that works on this screen, from the keymaps.
func (s *lessonScreen) Keys() help.KeyMap {
	if s.sim != nil && s.phase != lessonReading && s.sim.ModalOpen() {
		return s.sim.Keys()
	}
	short := s.shortKeys()
	if s.phase == lessonReading {
		return keys.List{Short: short, Full: s.keys.readingHelp()}
	}
	return keys.List{Short: short, Full: append(s.keys.lessonHelp(), s.keys.sim.FullHelp()...)}
}
