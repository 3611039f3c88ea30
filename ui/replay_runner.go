package ui

import (
	"fmt"

	"kafkasim/sim"
)

// replayRunner gives a *sim.Sim the time travel the screen needs, until
// sim.Run (with checkpoints) replaces it: it records the config, the
// timeline and the commands applied by hand (with the step and time they ran
// at), and seeks by replaying from the start. Replay is exact because the
// engine is deterministic.
type replayRunner struct {
	cfg      sim.Config
	timeline []sim.Scheduled
	hand     []sim.Applied
	s        *sim.Sim
}

func newReplayRunner(cfg sim.Config, timeline []sim.Scheduled) (*replayRunner, error) {
	r := &replayRunner{cfg: cfg, timeline: timeline}
	if err := r.reset(); err != nil {
		return nil, err
	}
	return r, nil
}

// reset builds a fresh engine at step 0 with the timeline queued.
func (r *replayRunner) reset() error {
	s, err := sim.New(r.cfg)
	if err != nil {
		return err
	}
	for _, it := range r.timeline {
		if err := s.Schedule(it.AtMs, it.Cmd); err != nil {
			return fmt.Errorf("timeline at %s (%s): %w", fmtMs(it.AtMs), it.Cmd.Kind, err)
		}
	}
	r.s = s
	r.applyHand()
	return nil
}

// applyHand re-applies the hand commands recorded at the current step.
func (r *replayRunner) applyHand() {
	step := r.s.StepCount()
	for _, a := range r.hand {
		if a.Step == step {
			r.s.RunUntil(a.AtMs)
			_ = r.s.Apply(a.Cmd) // it succeeded when recorded; replay is deterministic
		}
	}
}

// Step runs one happening, then any hand command recorded after it.
func (r *replayRunner) Step() bool {
	if !r.s.Step() {
		return false
	}
	r.applyHand()
	return true
}

// RunUntil steps through what is due by ms, hand commands included.
func (r *replayRunner) RunUntil(ms int64) {
	for {
		next := r.s.NextAt()
		if next < 0 || next > ms {
			break
		}
		r.Step()
	}
	r.s.RunUntil(ms)
}

func (r *replayRunner) Now() int64             { return r.s.Now() }
func (r *replayRunner) StepCount() int         { return r.s.StepCount() }
func (r *replayRunner) NextAt() int64          { return r.s.NextAt() }
func (r *replayRunner) Events() []sim.Event    { return r.s.Events() }
func (r *replayRunner) Snapshot() sim.Snapshot { return r.s.Snapshot() }

// Apply runs a command now and records it, forgetting recorded commands
// after this step: the future has changed.
func (r *replayRunner) Apply(cmd sim.Command) error {
	if err := r.s.Apply(cmd); err != nil {
		return err
	}
	step := r.s.StepCount()
	kept := r.hand[:0]
	for _, a := range r.hand {
		if a.Step <= step {
			kept = append(kept, a)
		}
	}
	r.hand = append(kept, sim.Applied{Step: step, AtMs: r.s.Now(), Cmd: cmd})
	return nil
}

// Seek replays from the start to step.
func (r *replayRunner) Seek(step int) error {
	if step < 0 {
		return fmt.Errorf("step %d is before the start", step)
	}
	if step < r.s.StepCount() {
		if err := r.reset(); err != nil {
			return err
		}
	}
	for r.s.StepCount() < step {
		if !r.Step() {
			return fmt.Errorf("the run ends at step %d", r.s.StepCount())
		}
	}
	return nil
}
