package lesson

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	course "kafkasim/lessons"
	"kafkasim/ui/components"
	"kafkasim/ui/simview"
)

// revealState is an answer whose interval is playing: from the stop to
// the reveal time, at a speed slow enough to watch.
type revealState struct {
	stop   int    // the question's stop, -1 when nothing plays
	answer string // what the learner said, or "skipped"
	speed  int    // the speed to go back to after the reveal
}

var noReveal = revealState{stop: -1}

// revealWatchMs is the longest, in real time, the interval between an
// answer and its reveal plays: long enough to see a crash and a
// rebalance go by, short enough not to wait.
const revealWatchMs = 6000

// revealSpeed is the slowest speed that plays an interval of d virtual
// ms within revealWatchMs of real time.
func revealSpeed(d int64) int {
	for i, sp := range simview.Speeds {
		if d*1000/sp.MsPerSec <= revealWatchMs {
			return i
		}
	}
	return len(simview.Speeds) - 1
}

// startReveal plays the run from the stop to the answer's reveal time.
func (s *Screen) startReveal(answer string) tea.Cmd {
	stop, at, _ := s.Player.Revealing()
	s.reveal = revealState{stop: stop, answer: answer, speed: s.Sim.Speed}
	d := at - s.Player.Sim().Now()
	if d <= 0 {
		s.jumpToReveal()
		return s.syncReveal()
	}
	s.Sim.Speed = revealSpeed(d)
	s.Sim.Playing = false
	s.Status = "watch what happens until " + components.FmtMs(at) + " · enter jumps to the answer"
	return s.Sim.TogglePlay()
}

// jumpToReveal runs at once to the reveal time.
func (s *Screen) jumpToReveal() {
	if _, at, ok := s.Player.Revealing(); ok {
		s.Sim.Pause()
		s.Player.Advance(at)
		s.afterJump()
	}
}

// syncReveal shows the verdict once the run reaches the reveal, and
// records it.
func (s *Screen) syncReveal() tea.Cmd {
	r, ok := s.Player.Answer(s.reveal.stop)
	if !ok {
		return nil
	}
	s.Sim.Pause()
	s.Sim.Speed = s.reveal.speed
	s.Sim.Status, s.Status = "", ""
	s.Stop, s.Verdict, s.Hidden = s.reveal.stop, &r, false
	s.reveal = noReveal
	slug := s.Lesson.Slug
	if r.Skipped {
		return s.save(func(p *course.Progress) { p.RecordSkip(slug) })
	}
	return s.save(func(p *course.Progress) { p.RecordPrediction(slug, r.Right) })
}

// rewindKey handles the keys that go back in a tour: ← one event, [ to
// the previous stop. ok is false for any other key.
func (s *Screen) rewindKey(km tea.KeyMsg) (tea.Cmd, bool) {
	k := s.keys.Sim
	switch {
	case key.Matches(km, k.StepBack):
		s.endReveal()
		cmd := s.Sim.Update(km) // the screen seeks; the Player replays
		s.Stop, s.Verdict = -1, nil
		return cmd, true
	case key.Matches(km, k.PrevMark):
		s.endReveal()
		i, ok := s.Player.PreviousStop()
		if !ok {
			s.Status = "no stop before this moment: r starts the tour again"
			return nil, true
		}
		s.Sim.Pause()
		if err := s.Player.BackToStop(i); err != nil {
			s.Status = err.Error()
			return nil, true
		}
		s.Sim.AfterSeek()
		s.Stop, s.TourDone = -1, false // sync opens the stop again
		s.Status = "back at stop " + components.Itoa(i+1)
		return nil, true
	}
	return nil, false
}

// endReveal forgets a reveal that was playing: going back drops it.
func (s *Screen) endReveal() {
	if s.reveal.stop >= 0 {
		s.Sim.Speed = s.reveal.speed
	}
	s.reveal = noReveal
}
