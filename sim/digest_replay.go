package sim

// A run played on the screen never shows its digest, yet writing every
// event's canonical form and hashing it was about 8% of the CPU of playing
// at ×100. The engine is deterministic: the same config, seed and commands
// give the same events. So a run may keep, instead of a hash of its events,
// a hashing copy of its start, and replay from it the commands it was given
// when its digest is asked for.

// DigestOnDemand makes the run hash no event as it plays. Sim.Digest, on
// the run's simulation and on its checkpoints, saved copies and forks,
// then replays the run from its start with the commands given to it, and
// returns the same digest hashing as it went would have: as dear as a
// headless run to the same step. For a run whose digest is seldom read
// (the screen's) and that changes between steps only by the commands
// given to it (Run.Apply).
func (r *Run) DigestOnDemand() {
	if r.base.digestFrom != nil {
		return
	}
	origin := r.base.Clone()
	for _, s := range append([]*Sim{r.base, r.sim}, r.checkpoints...) {
		s.digestFrom, s.digest, s.scratch = origin, nil, nil
	}
}

// replayDigest runs a copy of the start to s's step, giving the commands
// s was given at the steps and times it was given them (as Run.applyDue
// does), and returns its digest.
func (s *Sim) replayDigest() string {
	c := s.digestFrom.Clone()
	c.DiscardEvents()
	for _, a := range s.applied {
		c.stepTo(a.Step)
		c.nowMs = max(c.nowMs, a.AtMs)
		_ = c.Apply(a.Cmd) // it was valid when given; the same state makes it valid again
	}
	c.stepTo(s.step)
	return c.Digest()
}

func (s *Sim) stepTo(step int) {
	for s.step < step && s.Step() {
	}
}
