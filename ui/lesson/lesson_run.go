package lesson

import (
	course "kafkasim/lessons"
	"kafkasim/sim"
	"kafkasim/ui/simrun"
)

// playerRun lets the simulator screen drive a lesson's Player as it drives
// any run: time moves only through the Player, so no stop is skipped, and
// faults go through Player.Apply, so the challenge records them.
type playerRun struct {
	p *course.Player
}

// lessonRunFactory starts (or restarts) the Player's tour or challenge
// whenever the simulator screen asks for a fresh run.
func lessonRunFactory(p *course.Player, mode course.Mode) simrun.Factory {
	return func(simrun.Spec) (simrun.Runner, error) {
		start := p.StartTour
		if mode == course.ChallengeRun {
			start = p.StartChallenge
		}
		if err := start(); err != nil {
			return nil, err
		}
		return playerRun{p: p}, nil
	}
}

// held reports whether the run waits for the learner: at a stop, or at
// its end.
func (r playerRun) held() bool { return r.p.PausedIndex() >= 0 || r.p.Done() }

// NextAt is the next happening, the next stop or the end of the run,
// whichever is first; -1 while the run waits for the learner.
func (r playerRun) NextAt() int64 {
	if r.held() {
		return -1
	}
	next := r.p.Sim().NextAt()
	if at, ok := r.p.NextHoldAt(); ok && (next < 0 || next >= at) {
		return at
	}
	if end := r.p.EndMs(); next < 0 || next > end {
		return end
	}
	return next
}

// Step runs one happening, or moves the clock to the next stop or the end.
func (r playerRun) Step() bool {
	at := r.NextAt()
	if at < 0 {
		return false
	}
	if at != r.p.Sim().NextAt() || at == r.p.EndMs() {
		r.p.Advance(at)
		return true
	}
	if hold, ok := r.p.NextHoldAt(); ok && hold == at {
		r.p.Advance(at)
		return true
	}
	return r.p.Sim().Step()
}

// RunUntil advances to ms, stopping early at a stop.
func (r playerRun) RunUntil(ms int64) { r.p.Advance(ms) }

func (r playerRun) Now() int64                      { return r.p.Sim().Now() }
func (r playerRun) StepCount() int                  { return r.p.Sim().StepCount() }
func (r playerRun) Events() []sim.Event             { return r.p.Sim().Events() }
func (r playerRun) Snapshot() sim.Snapshot          { return r.p.Sim().Snapshot() }
func (r playerRun) SnapshotTail(n int) sim.Snapshot { return r.p.Sim().SnapshotTail(n) }
func (r playerRun) SnapshotWindows(n int, window sim.LogWindow) sim.Snapshot {
	return r.p.Sim().SnapshotWindows(n, window)
}
func (r playerRun) Fates(group string, want sim.Fate) []sim.RecordFate {
	return r.p.Sim().Fates(group, want)
}
func (r playerRun) Apply(cmd sim.Command) error { return r.p.Apply(cmd) }

// Seek moves the Player's run to a step; going back replays it.
func (r playerRun) Seek(step int) error { return r.p.SeekStep(step) }

// Record tells one record's story for the record inspector (inspector.go).
func (r playerRun) Record(id int) (sim.RecordStory, bool) { return r.p.Sim().Record(id) }
