package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	course "kafkasim/lessons"
	"kafkasim/sim"
)

// startTour opens the simulator on the lesson's scenario and plays it.
func (s *lessonScreen) startTour() tea.Cmd {
	if !s.openRun(course.Tour) {
		return nil
	}
	s.phase, s.run = lessonTour, lessonTour
	return s.sim.Init()
}

// openRun puts a fresh simulator screen over the Player's tour or
// challenge. It reports false when the run cannot start.
func (s *lessonScreen) openRun(mode course.Mode) bool {
	if s.sim != nil {
		s.sim.pause()
	}
	start := lessonRunFactory(s.player, mode)
	if _, err := start(scenarioSpec{}); err != nil {
		s.fatal = err
		return false
	}
	p := s.player
	name := s.lesson.Scenario
	if mode == course.ChallengeRun && s.lesson.Challenge.Scenario != "" {
		name = s.lesson.Challenge.Scenario
	}
	spec := scenarioSpec{Name: name, Title: s.lesson.Title, Description: s.lesson.Summary, Seed: p.Seed(),
		DurationMs: p.EndMs(), Config: p.Sim().Config(), Timeline: append([]sim.Scheduled(nil), p.Sim().Timeline()...),
		Narration: p.Narration()}
	s.sim = newSimScreen(s.st, s.keys.sim, spec, start)
	s.sim.hot.still = s.noMotion
	s.sim.menu = s.sim.menu.WithSubtitle(lessonFaultSubtitle(mode))
	s.resetRun()
	s.layout()
	return true
}

// lessonFaultSubtitle says what a fault does in a lesson's run: it stays
// until ← steps back before it or r starts the run again.
func lessonFaultSubtitle(mode course.Mode) string {
	if mode == course.ChallengeRun {
		return "it happens now and counts when c checks; ← before it or r undoes it"
	}
	return "it happens now; ← back before it or r starts the run again without it"
}

// resetRun forgets what the box showed about the previous run.
func (s *lessonScreen) resetRun() {
	if s.reveal.stop >= 0 {
		s.sim.speed = s.reveal.speed
	}
	s.stop, s.verdict, s.hidden, s.tourDone, s.reveal = -1, nil, false, false, noReveal
	s.checked, s.details = false, nil
}

// restartRun begins the tour or the challenge again from time zero.
func (s *lessonScreen) restartRun() tea.Cmd {
	s.sim.restart() // the factory restarts the Player
	s.resetRun()
	s.status = "back to 0s: space plays"
	return nil
}

// sync catches up with the Player after the simulator moved: a stop
// reached pauses the run and opens its box; an answer's reveal reached
// shows the verdict; the end of the tour offers the challenge.
func (s *lessonScreen) sync() tea.Cmd {
	if s.player == nil || s.sim == nil || s.phase == lessonReading {
		return nil
	}
	if s.revealing() {
		return s.syncReveal()
	}
	idx := s.player.PausedIndex()
	switch {
	case idx >= 0 && idx != s.stop:
		s.arriveAt(idx)
	case idx < 0:
		s.stop = -1
	}
	if !s.player.Done() {
		s.tourDone = false
		return nil
	}
	if s.sim.status == "the run is over" {
		s.sim.status = ""
	}
	if s.run == lessonTour && !s.tourDone {
		s.tourDone, s.hidden = true, false
		s.sim.pause()
	}
	if s.run == lessonChallenge && !s.checked && s.status == "" {
		s.status = "time is up: c checks the result"
	}
	return nil
}

// arriveAt shows stop idx: the run pauses and the box opens on its text,
// with its question as the learner left it.
func (s *lessonScreen) arriveAt(idx int) {
	s.sim.pause()
	s.sim.status = ""
	s.stop, s.verdict, s.hidden = idx, nil, false
	st := &s.lesson.Stops[idx]
	if st.Predict != nil {
		s.ask = newPredictBox(st.Predict)
		if r, ok := s.player.Answer(idx); ok {
			s.verdict = &r
		}
	}
}

// tourKey handles a key during the tour.
func (s *lessonScreen) tourKey(km tea.KeyMsg) tea.Cmd {
	k := s.keys
	if s.revealing() {
		if key.Matches(km, k.Enter, k.sim.NextMark) {
			s.jumpToReveal()
			return nil
		}
		return s.sim.Update(km)
	}
	if _, at := s.stopShown(); at {
		switch {
		case key.Matches(km, k.Enter, k.sim.Play):
			s.leaveStop()
			if s.player.Done() {
				return nil // the last stop was at the end: sync offers the challenge
			}
			return s.sim.togglePlay()
		case key.Matches(km, k.sim.NextMark):
			s.leaveStop()
			s.jumpToStop()
			return nil
		case key.Matches(km, k.sim.StepFwd):
			s.leaveStop()
		case key.Matches(km, k.Challenge):
			return s.startChallenge()
		}
		return s.sim.Update(km)
	}
	if s.tourDone {
		switch {
		case key.Matches(km, k.Enter, k.Challenge):
			return s.startChallenge()
		case key.Matches(km, k.sim.Play, k.sim.StepFwd, k.sim.NextMark):
			s.status = "the tour is over: enter starts the challenge, [ goes back a stop, r watches it again"
			return nil
		}
		return s.sim.Update(km)
	}
	switch {
	case key.Matches(km, k.Enter, k.sim.NextMark):
		s.jumpToStop()
		return nil
	case key.Matches(km, k.Challenge):
		return s.startChallenge()
	}
	return s.sim.Update(km)
}

// leaveStop lets the run go on past the stop it waits at.
func (s *lessonScreen) leaveStop() {
	s.player.Continue()
	s.stop, s.verdict = -1, nil
}

// jumpToStop runs at once to the next stop, or to the end of the tour.
func (s *lessonScreen) jumpToStop() {
	s.sim.pause()
	s.player.RunToNextStop()
	s.afterJump()
}

// afterJump redraws the simulator after the Player moved the engine
// itself, lighting up only the latest step.
func (s *lessonScreen) afterJump() {
	s.sim.hot.reset()
	s.sim.absorbNew(true)
	s.sim.refresh()
	s.sim.rebaseTrackers()
}

// answerKey gives a key to the open question. A confirmed answer (or a
// skip) goes to the Player, and the run plays on to the reveal time so the
// learner watches what the question is about before the verdict.
func (s *lessonScreen) answerKey(km tea.KeyMsg) tea.Cmd {
	k := s.keys.sim
	if key.Matches(km, k.Focus, k.FocusBack, k.PageUp, k.PageDown, k.Faster, k.Slower) {
		return s.sim.Update(km)
	}
	if key.Matches(km, s.keys.Skip) {
		if err := s.player.ChooseSkip(); err != nil {
			s.ask.err = err.Error()
			return nil
		}
		return s.startReveal("skipped")
	}
	answer, submit := s.ask.update(km, s.keys)
	if !submit {
		return nil
	}
	if err := s.player.Choose(answer); err != nil {
		s.ask.err = err.Error()
		return nil
	}
	return s.startReveal(answer)
}

// byHand is the value of records sent from the menu: a value, so they
// are not tombstones (a nil value is one).
var byHand = "by-hand"

// addActions adds what the lesson may do beyond faults to an open fault
// menu: sending records now (the `produce` command of scenario files).
func (s *lessonScreen) addActions() {
	if !s.sim.menu.IsOpen() {
		return
	}
	var targets []faultTarget
	for _, p := range s.sim.snap.Producers {
		if p.Crashed {
			continue
		}
		for _, n := range []int{10, 100} {
			targets = append(targets, faultTarget{"producer " + sanitize(p.ID) + ": send " + itoa(n) + " records now",
				sim.Command{Kind: sim.CmdProduce, Producer: p.ID, Count: n, Value: &byHand}})
		}
	}
	// First, with the lessons' own word for it: challenges say "produce".
	s.sim.menu.kinds = append([]faultKind{{"Send records now (produce)", targets}}, s.sim.menu.kinds...)
	s.sim.menu.cursor = 0
}

// save changes the lesson progress and saves it. A failure is shown; a
// change of status is reported so the home screen's marks follow.
func (s *lessonScreen) save(change func(p *course.Progress)) tea.Cmd {
	slug := s.lesson.Slug
	before := s.book.status(slug)
	if err := s.book.update(change); err != nil {
		s.saved = "progress not saved: " + err.Error()
	} else {
		s.saved = ""
	}
	after := s.book.status(slug)
	if after == before || s.count == 0 { // a lesson file is not on the home screen's list
		return nil
	}
	n := s.lesson.Number
	return func() tea.Msg { return lessonStatusMsg{Number: n, Status: after} }
}
