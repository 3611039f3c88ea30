package simview

import (
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/cmdline"
	"kafkasim/ui/components"
)

// slicedSeeker is a runner that can seek a piece at a time (sim.Run's
// BeginSeek); a runner that cannot (a lesson's) seeks in one go.
type slicedSeeker interface {
	BeginSeek(step int) *sim.Seeking
}

// Seek moves the run to a step and lights up that step's events. Going
// back replays from a checkpoint, which on a long run takes a while: it
// runs as the screen's job, in slices, with its progress in the footer,
// and esc calls it off, leaving the run where it was.
func (m *Screen) Seek(step int) tea.Cmd { return m.seekThen(step, nil) }

// seekThen is seek, with then (if not nil) in place of afterSeek once the
// run is at step: a move of the clock, say; a seek called off does not
// call it.
func (m *Screen) seekThen(step int, then func()) tea.Cmd {
	ss, ok := m.Run.(slicedSeeker)
	if !ok {
		if err := m.Run.Seek(step); err != nil {
			m.Status = "cannot go back: " + err.Error()
			return nil
		}
		if then != nil {
			then()
			return nil
		}
		m.AfterSeek()
		return nil
	}
	sk := ss.BeginSeek(step)
	targetMs := m.stepTime(step)
	var done bool
	work := func(pause func() bool) {
		for !sk.Advance(cmdline.EngineBatch) {
			if !pause() {
				return
			}
		}
		done = true
	}
	after := func() {
		if !done {
			sk.Cancel()
			m.Status = "seek called off: the run is where it was"
		} else if then != nil {
			then()
			return
		}
		m.AfterSeek()
	}
	progress := func() string {
		d, total := sk.Progress()
		return "replaying to " + components.FmtMs(targetMs) + ": at " + components.FmtMs(m.Run.Now()) + " " +
			components.Bar(int64(d), int64(total), 20) + " " + components.Percent(int64(d), int64(total))
	}
	return m.startEngineJob(work, after, progress)
}

// stepTime is the time of the latest event at or before step, as far as
// the screen knows: where a seek to step lands.
func (m *Screen) stepTime(step int) int64 {
	for i := len(m.Events) - 1; i >= 0; i-- {
		if m.Events[i].Step <= step {
			return m.Events[i].AtMs
		}
	}
	return 0
}

// forwardSaver is a runner that can keep a copy of itself before a long
// move forward (sim.Run's Save), so esc can put it back.
type forwardSaver interface {
	Save() *sim.Saved
}

// checkpointFinder is a runner that knows its checkpoints' times.
type checkpointFinder interface {
	StepBefore(atMs int64) int
}

// jumpForward steps the run with step until it returns false (or
// maxStepsPerJump steps), as the screen's job in slices, then calls
// finish. esc calls it off: a run that can keep a copy of itself goes
// back where it was (keep); any other stops where it got.
func (m *Screen) jumpForward(targetMs int64, keep bool, step func() bool, finish func()) tea.Cmd {
	restore := func() { m.Status = "stopped at " + components.FmtMs(m.Run.Now()) }
	if s, ok := m.Run.(forwardSaver); ok && keep {
		saved := s.Save()
		restore = func() {
			saved.Restore()
			m.Status = "jump called off: the run is where it was"
		}
	}
	fromMs := m.Run.Now()
	var done bool
	work := func(pause func() bool) {
		for n := 1; n <= maxStepsPerJump && step(); n++ {
			if n%cmdline.EngineBatch == 0 && !pause() {
				return
			}
		}
		done = true
	}
	after := func() {
		if done {
			finish()
			return
		}
		restore()
		m.AfterSeek()
	}
	progress := func() string {
		now := m.Run.Now()
		return "running to " + components.FmtMs(targetMs) + ": at " + components.FmtMs(now) + " " +
			components.Bar(now-fromMs, targetMs-fromMs, 20) + " " + components.Percent(now-fromMs, targetMs-fromMs)
	}
	return m.startEngineJob(work, after, progress)
}
