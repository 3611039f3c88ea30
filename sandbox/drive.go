package sandbox

import "kafkasim/sim"

// The sandbox moves virtual time only as far as a command needs: until a
// record is acknowledged, until a consumer has read what there is, or by
// what play and step ask for.

// stepBudget bounds the engine steps one command may take, so a huge
// cluster (thousands of partitions) slows a command down but never
// freezes the session: about two seconds of work.
const stepBudget = 500_000

// stopReason says why stepUntil returned.
type stopReason int

const (
	stopDone        stopReason = iota // done reported true
	stopDeadline                      // the deadline came first
	stopBudget                        // stepBudget ran out first
	stopInterrupted                   // the pause hook interrupted the command
)

// stepUntil steps the run until done reports true after a step, or the
// next happening lies past deadline() (the clock then moves to the
// deadline), or the step budget runs out. onEvents sees each step's new
// events first.
func (s *Session) stepUntil(deadline func() int64, onEvents func([]sim.Event), done func() bool) stopReason {
	seen := s.run.Sim().EventCount()
	for steps := 0; ; steps++ {
		if done() {
			return stopDone
		}
		if steps == stepBudget {
			return stopBudget
		}
		if steps%pauseEvery == pauseEvery-1 && !s.pause() {
			return stopInterrupted
		}
		deadlineMs := deadline()
		at := s.run.Sim().NextAt()
		if at < 0 || at > deadlineMs {
			s.run.RunUntil(deadlineMs)
			if done() {
				return stopDone
			}
			return stopDeadline
		}
		if !s.run.Step() {
			if done() {
				return stopDone
			}
			return stopDeadline
		}
		if evs := s.run.Sim().EventsSince(seen); len(evs) > 0 {
			seen += len(evs)
			if onEvents != nil {
				onEvents(evs)
			}
		}
	}
}

// until is a fixed deadline for stepUntil.
func until(ms int64) func() int64 { return func() int64 { return ms } }

// budgetHint explains a command cut short by stepBudget.
func (s *Session) budgetHint(o *output) {
	o.hint("the simulator stopped this command after %d steps, at %s of virtual time: the cluster is large, so each moment takes many steps. Play shorter spans, or use fewer partitions.",
		stepBudget, clock(s.run.Sim().Now()))
}
