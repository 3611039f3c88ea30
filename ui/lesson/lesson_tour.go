package lesson

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	course "kafkasim/lessons"
	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/nav"
	"kafkasim/ui/simrun"
	"kafkasim/ui/simview"
)

// startTour opens the simulator on the lesson's scenario and plays it.
func (s *Screen) startTour() tea.Cmd {
	if !s.openRun(course.Tour) {
		return nil
	}
	s.Phase, s.run = LessonTour, LessonTour
	return s.Sim.Init()
}

// openRun puts a fresh simulator screen over the Player's tour or
// challenge. It reports false when the run cannot start.
func (s *Screen) openRun(mode course.Mode) bool {
	if s.Sim != nil {
		s.Sim.Pause()
	}
	start := lessonRunFactory(s.Player, mode)
	if _, err := start(simrun.Spec{}); err != nil {
		s.Fatal = err
		return false
	}
	p := s.Player
	name := s.Lesson.Scenario
	if mode == course.ChallengeRun && s.Lesson.Challenge.Scenario != "" {
		name = s.Lesson.Challenge.Scenario
	}
	spec := simrun.Spec{Name: name, Title: s.Lesson.Title, Description: s.Lesson.Summary, Seed: p.Seed(),
		DurationMs: p.EndMs(), Config: p.Sim().Config(), Timeline: append([]sim.Scheduled(nil), p.Sim().Timeline()...),
		Narration: p.Narration()}
	s.Sim = simview.New(s.st, s.keys.Sim, spec, start)
	s.Sim.Hot.Still = s.NoMotion
	s.Sim.Menu = s.Sim.Menu.WithSubtitle(LessonFaultSubtitle(mode))
	s.resetRun()
	s.layout()
	return true
}

// LessonFaultSubtitle says what a fault does in a lesson's run: it stays
// until ← steps back before it or r starts the run again.
func LessonFaultSubtitle(mode course.Mode) string {
	if mode == course.ChallengeRun {
		return "it happens now and counts when c checks; ← before it or r undoes it"
	}
	return "it happens now; ← back before it or r starts the run again without it"
}

// resetRun forgets what the box showed about the previous run.
func (s *Screen) resetRun() {
	if s.reveal.stop >= 0 {
		s.Sim.Speed = s.reveal.speed
	}
	s.Stop, s.Verdict, s.Hidden, s.TourDone, s.reveal = -1, nil, false, false, noReveal
	s.checked, s.Details = false, nil
}

// restartRun begins the tour or the challenge again from time zero.
func (s *Screen) restartRun() tea.Cmd {
	s.Sim.Restart() // the factory restarts the Player
	s.resetRun()
	s.Status = "back to 0s: space plays"
	return nil
}

// sync catches up with the Player after the simulator moved: a stop
// reached pauses the run and opens its box; an answer's reveal reached
// shows the verdict; the end of the tour offers the challenge.
func (s *Screen) sync() tea.Cmd {
	if s.Player == nil || s.Sim == nil || s.Phase == LessonReading {
		return nil
	}
	if s.Revealing() {
		return s.syncReveal()
	}
	idx := s.Player.PausedIndex()
	switch {
	case idx >= 0 && idx != s.Stop:
		s.arriveAt(idx)
	case idx < 0:
		s.Stop = -1
	}
	if !s.Player.Done() {
		s.TourDone = false
		return nil
	}
	if s.Sim.Status == "the run is over" {
		s.Sim.Status = ""
	}
	if s.run == LessonTour && !s.TourDone {
		s.TourDone, s.Hidden = true, false
		s.Sim.Pause()
	}
	if s.run == LessonChallenge && !s.checked && s.Status == "" {
		s.Status = "time is up: c checks the result"
	}
	return nil
}

// arriveAt shows stop idx: the run pauses and the box opens on its text,
// with its question as the learner left it.
func (s *Screen) arriveAt(idx int) {
	s.Sim.Pause()
	s.Sim.Status = ""
	s.Stop, s.Verdict, s.Hidden = idx, nil, false
	st := &s.Lesson.Stops[idx]
	s.Sim.SteerTo(stopMetrics(st))
	if st.Predict != nil {
		s.Ask = newPredictBox(st.Predict)
		if r, ok := s.Player.Answer(idx); ok {
			s.Verdict = &r
		}
	}
}

// tourKey handles a key during the tour.
func (s *Screen) tourKey(km tea.KeyMsg) tea.Cmd {
	k := s.keys
	if s.Revealing() {
		if key.Matches(km, k.Enter, k.Sim.NextMark) {
			s.jumpToReveal()
			return nil
		}
		return s.Sim.Update(km)
	}
	if _, at := s.stopShown(); at {
		switch {
		case key.Matches(km, k.Enter, k.Sim.Play):
			s.leaveStop()
			if s.Player.Done() {
				return nil // the last stop was at the end: sync offers the challenge
			}
			return s.Sim.TogglePlay()
		case key.Matches(km, k.Sim.NextMark):
			s.leaveStop()
			s.jumpToStop()
			return nil
		case key.Matches(km, k.Sim.StepFwd):
			s.leaveStop()
		case key.Matches(km, k.Challenge):
			return s.startChallenge()
		}
		return s.Sim.Update(km)
	}
	if s.TourDone {
		switch {
		case key.Matches(km, k.Enter, k.Challenge):
			return s.startChallenge()
		case key.Matches(km, k.Sim.Play, k.Sim.StepFwd, k.Sim.NextMark):
			s.Status = "the tour is over: enter starts the challenge, [ goes back a stop, r watches it again"
			return nil
		}
		return s.Sim.Update(km)
	}
	switch {
	case key.Matches(km, k.Enter, k.Sim.NextMark):
		s.jumpToStop()
		return nil
	case key.Matches(km, k.Challenge):
		return s.startChallenge()
	}
	return s.Sim.Update(km)
}

// leaveStop lets the run go on past the stop it waits at.
func (s *Screen) leaveStop() {
	s.Player.Continue()
	s.Stop, s.Verdict = -1, nil
}

// jumpToStop runs at once to the next stop, or to the end of the tour.
func (s *Screen) jumpToStop() {
	s.Sim.Pause()
	s.Player.RunToNextStop()
	s.afterJump()
}

// afterJump redraws the simulator after the Player moved the engine
// itself, lighting up only the latest step.
func (s *Screen) afterJump() {
	s.Sim.Hot.Reset()
	s.Sim.AbsorbNew(true)
	s.Sim.Refresh()
	s.Sim.RebaseTrackers()
}

// answerKey gives a key to the open question. A confirmed answer (or a
// skip) goes to the Player, and the run plays on to the reveal time so the
// learner watches what the question is about before the verdict.
func (s *Screen) answerKey(km tea.KeyMsg) tea.Cmd {
	k := s.keys.Sim
	if key.Matches(km, k.Focus, k.FocusBack, k.PageUp, k.PageDown, k.Faster, k.Slower) {
		return s.Sim.Update(km)
	}
	if key.Matches(km, s.keys.Skip) {
		if err := s.Player.ChooseSkip(); err != nil {
			s.Ask.Err = err.Error()
			return nil
		}
		return s.startReveal("skipped")
	}
	answer, submit := s.Ask.update(km, s.keys)
	if !submit {
		return nil
	}
	if err := s.Player.Choose(answer); err != nil {
		s.Ask.Err = err.Error()
		return nil
	}
	return s.startReveal(answer)
}

// byHand is the value of records sent from the menu: a value, so they
// are not tombstones (a nil value is one).
var byHand = "by-hand"

// addActions adds what the lesson may do beyond faults to an open fault
// menu: sending records now (the `produce` command of scenario files).
func (s *Screen) addActions() {
	if !s.Sim.Menu.IsOpen() {
		return
	}
	var targets []components.FaultTarget
	for _, p := range s.Sim.Snap.Producers {
		if p.Crashed {
			continue
		}
		for _, n := range []int{10, 100} {
			targets = append(targets, components.FaultTarget{Label: "producer " + components.Sanitize(p.ID) + ": send " + components.Itoa(n) + " records now",
				Cmd: sim.Command{Kind: sim.CmdProduce, Producer: p.ID, Count: n, Value: &byHand}})
		}
	}
	// First, with the lessons' own word for it: challenges say "produce".
	s.Sim.Menu.Kinds = append([]components.FaultKind{{Label: "Send records now (produce)", Targets: targets}}, s.Sim.Menu.Kinds...)
	s.Sim.Menu.Cursor = 0
}

// save changes the lesson progress and saves it. A failure is shown; a
// change of status is reported so the home screen's marks follow.
func (s *Screen) save(change func(p *course.Progress)) tea.Cmd {
	slug := s.Lesson.Slug
	before := s.book.status(slug)
	if err := s.book.Update(change); err != nil {
		s.saved = "progress not saved: " + err.Error()
	} else {
		s.saved = ""
	}
	after := s.book.status(slug)
	if after == before || s.count == 0 { // a lesson file is not on the home screen's list
		return nil
	}
	n := s.Lesson.Number
	return func() tea.Msg { return nav.LessonStatusMsg{Number: n, Status: after} }
}

// stopMetrics are what a stop is about, its question's metric first: the
// simulator gives their panes rows first.
func stopMetrics(st *course.Stop) []string {
	var out []string
	if st.Predict != nil {
		out = append(out, st.Predict.Metric)
	}
	return append(out, st.Watch...)
}
