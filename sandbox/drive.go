package sandbox

import "kafkasim/sim"

// The sandbox moves virtual time only as far as a command needs: until a
// record is acknowledged, until a consumer has read what there is, or by
// what play and step ask for.

// stepUntil steps the run until done reports true after a step, or the
// next happening lies past deadline() (the clock then moves to the
// deadline). It reports whether done became true. onEvents sees each
// step's new events first.
func (s *Session) stepUntil(deadline func() int64, onEvents func([]sim.Event), done func() bool) bool {
	seen := len(s.run.Sim().Events())
	for {
		if done() {
			return true
		}
		deadlineMs := deadline()
		at := s.run.Sim().NextAt()
		if at < 0 || at > deadlineMs {
			s.run.RunUntil(deadlineMs)
			return done()
		}
		if !s.run.Step() {
			return done()
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
