package lesson

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	course "kafkasim/lessons"
	"kafkasim/ui/components"
	"kafkasim/ui/nav"
)

// startChallenge opens the challenge run, paused at 0s so the learner can
// read the goal and act before anything happens.
func (s *Screen) startChallenge() tea.Cmd {
	if !s.openRun(course.ChallengeRun) {
		return nil
	}
	s.Phase, s.run = LessonChallenge, LessonChallenge
	s.Status = "your turn: f acts on the cluster, space plays, c checks"
	return nil
}

// challengeKey handles a key during the challenge.
func (s *Screen) challengeKey(km tea.KeyMsg) tea.Cmd {
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
	case key.Matches(km, k.Next, k.Enter) && s.Passed:
		return s.nextLesson()
	case key.Matches(km, k.Enter):
		s.Status = "c checks the challenge"
		return nil
	case key.Matches(km, k.Sim.Play, k.Sim.StepFwd, k.Sim.NextMark) && s.Player.Done():
		s.Status = "this run is over: c checks it, r tries again"
		return nil
	}
	return s.Sim.Update(km)
}

// check runs the challenge to its judging time and shows the verdict. The
// first check of a run counts as an attempt and is saved.
func (s *Screen) check() tea.Cmd {
	before := s.Player.Attempts()
	s.Sim.Pause()
	passed, details := s.Player.CheckChallenge()
	s.afterJump()
	s.checked, s.LastOK, s.Details, s.Hidden = true, passed, details, false
	s.Sim.Status = ""
	if s.Player.Attempts() == before {
		return nil
	}
	if passed {
		s.Passed = true
	} else {
		s.failures++
	}
	slug := s.Lesson.Slug
	return s.save(func(p *course.Progress) { p.RecordAttempt(slug, passed) })
}

// nextHint shows one more hint, escalating to the worked solution, and
// counts it in the progress.
func (s *Screen) nextHint() tea.Cmd {
	before := s.Player.HintsUsed()
	h := s.Player.NextHint()
	s.Hidden = false
	if s.Player.HintsUsed() == before {
		s.Status = "that is the whole solution: p plays it"
		return nil
	}
	if h.Level == course.HintSolution {
		s.Status = "p plays the solution by itself"
	}
	slug := s.Lesson.Slug
	return s.save(func(p *course.Progress) { p.RecordHint(slug) })
}

// playSolution starts the challenge again with the worked solution's
// steps given by themselves as the run reaches them, and plays it.
func (s *Screen) playSolution() tea.Cmd {
	hints := s.Player.Hints()
	if s.Player.HintsUsed() < len(hints) {
		s.Status = "i shows the hints first; the last one is the solution p plays"
		return nil
	}
	s.Sim.Restart()
	if err := s.Player.PlaySolution(); err != nil {
		s.Status = "cannot play the solution: " + err.Error()
		return nil
	}
	s.Sim.AfterSeek()
	s.resetRun()
	s.Status = "the solution plays itself: watch, then c checks it"
	return s.Sim.TogglePlay()
}

// nextLesson opens the lesson after this one.
func (s *Screen) nextLesson() tea.Cmd {
	if s.count == 0 {
		s.Status = "this lesson is a file of its own, outside the course: esc goes back"
		return nil
	}
	if s.Lesson.Number >= s.count {
		s.Status = "that was the last lesson: try the quiz from the home screen"
		return nil
	}
	n := components.Itoa(s.Lesson.Number + 1)
	return func() tea.Msg { return nav.OpenScreenMsg{Screen: nav.ScreenLesson, Arg: n} }
}
