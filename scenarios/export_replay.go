package scenarios

import (
	"fmt"

	"kafkasim/sim"
)

// replayed is a scenario run again with the commands once given by hand.
type replayed struct {
	s *sim.Sim
	// crowded[i] says hand command i was given in a millisecond in which
	// something had already happened or was still queued. A timeline entry
	// at that time runs before those, so the file cannot put it back at
	// exactly the same place.
	crowded []bool
}

// replayHand runs sc with seed and gives each hand command at the step it
// was given at, as sim.Run does, then runs on to untilMs.
func replayHand(sc *Scenario, seed uint64, hand []sim.Applied, untilMs int64) (replayed, error) {
	s, err := sc.NewSim(seed)
	if err != nil {
		return replayed{}, err
	}
	r := replayed{s: s, crowded: make([]bool, len(hand))}
	lastStepMs := int64(-1)
	for i, h := range hand {
		for s.StepCount() < h.Step && s.Step() {
			lastStepMs = s.Now()
		}
		if s.StepCount() != h.Step {
			return replayed{}, fmt.Errorf("hand command %d (%s) was given at step %d, but the run ends at step %d",
				i+1, h.Cmd.Kind, h.Step, s.StepCount())
		}
		next := s.NextAt()
		r.crowded[i] = lastStepMs >= h.AtMs || (next >= 0 && next <= h.AtMs)
		if h.AtMs > s.Now() {
			// The clock had moved on past the step before the command was
			// given (the screen runs whole frames of time); move it again.
			s.RunUntil(h.AtMs)
		}
		if err := s.Apply(h.Cmd); err != nil {
			return replayed{}, fmt.Errorf("hand command %d (%s at %s): %w", i+1, h.Cmd.Kind, ms(h.AtMs), err)
		}
	}
	s.RunUntil(untilMs)
	return r, nil
}

// ReplayDigest is the digest of sc run with seed and the commands given by
// hand (each at its step, as sim.Run records them) up to untilMs: the
// digest `kafkasim run` prints for the file Export writes from them, when
// the export is exact.
func ReplayDigest(sc *Scenario, seed uint64, hand []sim.Applied, untilMs int64) (string, error) {
	r, err := replayHand(sc, seed, hand, untilMs)
	if err != nil {
		return "", err
	}
	return r.s.Digest(), nil
}
