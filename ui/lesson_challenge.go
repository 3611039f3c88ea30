package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	course "kafkasim/lessons"
	"kafkasim/ui/components"
	"kafkasim/ui/nav"
)

// startChallenge opens the challenge run, paused at 0s so the learner can
// read the goal and act before anything happens.
func (s *lessonScreen) startChallenge() tea.Cmd {
	if !s.openRun(course.ChallengeRun) {
		return nil
	}
	s.phase, s.run = lessonChallenge, lessonChallenge
	s.status = "your turn: f acts on the cluster, space plays, c checks"
	return nil
}

// challengeKey handles a key during the challenge.
func (s *lessonScreen) challengeKey(km tea.KeyMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(km, k.Challenge):
		return s.check()
	case key.Matches(km, k.Hint):
		return s.nextHint()
	case key.Matches(km, k.Solve):
		return s.playSolution()
	case key.Matches(km, k.Tour):
		return s.startTour()
	case key.Matches(km, k.Next, k.Enter) && s.passed:
		return s.nextLesson()
	case key.Matches(km, k.Enter):
		s.status = "c checks the challenge"
		return nil
	case key.Matches(km, k.sim.Play, k.sim.StepFwd, k.sim.NextMark) && s.player.Done():
		s.status = "this run is over: c checks it, r tries again"
		return nil
	}
	return s.sim.Update(km)
}

// check runs the challenge to its judging time and shows the verdict. The
// first check of a run counts as an attempt and is saved.
func (s *lessonScreen) check() tea.Cmd {
	before := s.player.Attempts()
	s.sim.Pause()
	passed, details := s.player.CheckChallenge()
	s.afterJump()
	s.checked, s.lastOK, s.details, s.hidden = true, passed, details, false
	s.sim.Status = ""
	if s.player.Attempts() == before {
		return nil
	}
	if passed {
		s.passed = true
	} else {
		s.failures++
	}
	slug := s.lesson.Slug
	return s.save(func(p *course.Progress) { p.RecordAttempt(slug, passed) })
}

// nextHint shows one more hint, escalating to the worked solution, and
// counts it in the progress.
func (s *lessonScreen) nextHint() tea.Cmd {
	before := s.player.HintsUsed()
	h := s.player.NextHint()
	s.hidden = false
	if s.player.HintsUsed() == before {
		s.status = "that is the whole solution: p plays it"
		return nil
	}
	if h.Level == course.HintSolution {
		s.status = "p plays the solution by itself"
	}
	slug := s.lesson.Slug
	return s.save(func(p *course.Progress) { p.RecordHint(slug) })
}

// playSolution starts the challenge again with the worked solution's
// steps given by themselves as the run reaches them, and plays it.
func (s *lessonScreen) playSolution() tea.Cmd {
	hints := s.player.Hints()
	if s.player.HintsUsed() < len(hints) {
		s.status = "i shows the hints first; the last one is the solution p plays"
		return nil
	}
	s.sim.Restart()
	if err := s.player.PlaySolution(); err != nil {
		s.status = "cannot play the solution: " + err.Error()
		return nil
	}
	s.sim.AfterSeek()
	s.resetRun()
	s.status = "the solution plays itself: watch, then c checks it"
	return s.sim.TogglePlay()
}

// nextLesson opens the lesson after this one.
func (s *lessonScreen) nextLesson() tea.Cmd {
	if s.count == 0 {
		s.status = "this lesson is a file of its own, outside the course: esc goes back"
		return nil
	}
	if s.lesson.Number >= s.count {
		s.status = "that was the last lesson: try the quiz from the home screen"
		return nil
	}
	n := components.Itoa(s.lesson.Number + 1)
	return func() tea.Msg { return nav.OpenScreenMsg{Screen: nav.ScreenLesson, Arg: n} }
}
