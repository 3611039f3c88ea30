package lessons

import (
	"fmt"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// Mode is what a Player is running: the guided tour of the lesson's
// scenario, or the closing challenge.
type Mode int

// The modes.
const (
	Tour Mode = iota
	ChallengeRun
)

// String names the mode.
func (m Mode) String() string {
	if m == ChallengeRun {
		return "challenge"
	}
	return "tour"
}

// Player drives one lesson over the engine. In the tour it runs the
// lesson's scenario and pauses at each stop; in the challenge it runs the
// challenge's scenario, records what the learner does, and judges the
// result. It owns its Sim; the TUI reads it and steps it only through the
// Player, so stops are never skipped.
type Player struct {
	lesson *Lesson
	seed   uint64
	tourSc *scenarios.Scenario
	chalSc *scenarios.Scenario

	mode    Mode
	run     *sim.Run // records the learner's commands, so the run can go back
	next    int      // the next stop not yet reached
	paused  int      // the stop the run waits at, -1 when none
	answers map[int]PredictResult
	pending *pendingAnswer  // an answer whose reveal the run is playing towards
	script  []sim.Scheduled // solution steps still to play, in time order

	stopTexts map[int]string // each reached stop's text, as the run allowed it then

	hintsShown int      // challenge hints shown so far: they escalate
	judged     bool     // the challenge run has been checked
	verdict    []string // its details
	verdictOK  bool     // and whether it passed
	attempts   int
	failures   int
	passed     bool
}

// NewPlayer starts the tour of a lesson. A zero seed means the scenario's
// own seed, so everyone sees the same run unless they ask otherwise. The
// lesson's texts and worked solution describe that run; under another seed
// stops and predictions still work (answers always come from the engine)
// but narration such as "broker 3 leads payments-2" may not match.
func NewPlayer(l *Lesson, seed uint64) (*Player, error) {
	tourSc, err := scenarios.Load(l.Scenario)
	if err != nil {
		return nil, fmt.Errorf("lesson %d: %w", l.Number, err)
	}
	chalSc := tourSc
	if l.Challenge.Scenario != "" {
		if chalSc, err = scenarios.Load(l.Challenge.Scenario); err != nil {
			return nil, fmt.Errorf("lesson %d challenge: %w", l.Number, err)
		}
	}
	if seed == 0 {
		seed = tourSc.Seed
	}
	p := &Player{lesson: l, seed: seed, tourSc: tourSc, chalSc: chalSc, answers: map[int]PredictResult{}}
	if err := p.StartTour(); err != nil {
		return nil, err
	}
	return p, nil
}

// Narration is the say lines of the scenario the current mode runs, with
// their conditions.
func (p *Player) Narration() []scenarios.Narration {
	if p.mode == ChallengeRun {
		return p.chalSc.Narration
	}
	return p.tourSc.Narration
}

// Lesson is the lesson being played.
func (p *Player) Lesson() *Lesson { return p.lesson }

// Seed is the seed of the current run; show it so a run can be repeated.
func (p *Player) Seed() uint64 { return p.seed }

// Mode says whether the tour or the challenge is running.
func (p *Player) Mode() Mode { return p.mode }

// Sim is the engine of the current run. Read it freely; advance it with
// [Player.Advance] so stops are not skipped.
func (p *Player) Sim() *sim.Sim { return p.run.Sim() }

// Restart begins the current mode again from time zero. A tour restart
// clears its answers so every question can be asked again; challenge
// attempts and the hint they unlocked are kept.
func (p *Player) Restart() error {
	if p.mode == ChallengeRun {
		return p.StartChallenge()
	}
	return p.StartTour()
}

// StartTour (re)starts the guided run: the lesson's scenario with its full
// timeline, from time zero, with every stop ahead.
func (p *Player) StartTour() error {
	r, err := newRun(p.tourSc.Config, p.tourSc.Timeline, p.seed)
	if err != nil {
		return fmt.Errorf("lesson %d: %w", p.lesson.Number, err)
	}
	p.mode, p.run, p.next, p.paused, p.pending, p.script = Tour, r, 0, -1, nil, nil
	p.answers, p.stopTexts = map[int]PredictResult{}, nil
	p.judged = false
	return nil
}

// newRun starts an engine run that remembers the commands given by hand.
func newRun(cfg sim.Config, timeline []sim.Scheduled, seed uint64) (*sim.Run, error) {
	cfg.Seed = seed
	return sim.NewRun(cfg, timeline)
}

// EndMs is when the current run ends: the scenario's duration in the tour,
// the judging time in the challenge.
func (p *Player) EndMs() int64 {
	if p.mode == ChallengeRun {
		return p.JudgeAtMs()
	}
	return p.tourSc.DurationMs
}

// Advance runs the engine up to untilMs, but no further than the next stop
// (tour), the reveal of an answer, or the end of the run; solution steps
// being played are given on the way. It returns the stop it paused at, if
// any; while paused, Advance does nothing until [Player.Continue].
func (p *Player) Advance(untilMs int64) (*Stop, bool) {
	if p.paused >= 0 || p.judged {
		return p.Paused()
	}
	untilMs = min(untilMs, p.EndMs())
	for {
		at, kind := p.nextHold()
		if kind == holdNone || at > untilMs {
			break
		}
		p.run.RunUntil(at)
		switch kind {
		case holdScript:
			p.playScriptStep()
			continue
		case holdReveal:
			p.reveal()
		default:
			p.arrive(p.next)
		}
		return p.Paused()
	}
	if untilMs > p.Now() {
		p.run.RunUntil(untilMs)
	}
	return nil, false
}

// Now is the current run's virtual time.
func (p *Player) Now() int64 { return p.run.Sim().Now() }

// What the run holds at next.
const (
	holdNone = iota
	holdStop
	holdReveal
	holdScript
)

// nextHold is the next time the run must not pass unattended: a solution
// step to give, an answer's reveal, or the next stop.
func (p *Player) nextHold() (int64, int) {
	if len(p.script) > 0 {
		return p.script[0].AtMs, holdScript
	}
	if p.pending != nil {
		return p.pending.revealMs, holdReveal
	}
	if at, ok := p.NextStopAt(); ok {
		return at, holdStop
	}
	return 0, holdNone
}

// NextHoldAt is when the run next holds by itself (a stop, a reveal, a
// solution step), for a screen that plays it.
func (p *Player) NextHoldAt() (int64, bool) {
	at, kind := p.nextHold()
	return at, kind != holdNone
}

// RunToNextStop advances to the next stop, or to the end of the run when
// no stop is left.
func (p *Player) RunToNextStop() (*Stop, bool) { return p.Advance(p.EndMs()) }

// Done reports whether the run has reached its end.
func (p *Player) Done() bool {
	return p.paused < 0 && p.pending == nil && p.Now() >= p.EndMs()
}
