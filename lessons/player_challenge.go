package lessons

import (
	"errors"
	"fmt"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// ErrJudged is returned by Apply once the challenge run has been checked:
// Restart for another attempt.
var ErrJudged = errors.New("lessons: this run has been judged; restart to try again")

// StartChallenge begins a fresh challenge attempt: the challenge's
// scenario from time zero, with its whole timeline or only its traffic
// (see Challenge.Timeline). Failed attempts so far are kept.
func (p *Player) StartChallenge() error {
	sc := *p.chalSc
	if p.lesson.Challenge.Timeline != TimelineFull {
		sc.Timeline = trafficOnly(sc.Timeline)
	}
	r, err := newRun(sc.Config, sc.Timeline, p.seed)
	if err != nil {
		return fmt.Errorf("lesson %d challenge: %w", p.lesson.Number, err)
	}
	p.mode, p.run, p.paused, p.pending, p.script = ChallengeRun, r, -1, nil, nil
	p.judged, p.verdict, p.verdictOK = false, nil, false
	return nil
}

// trafficOnly keeps the entries that feed the cluster (produce) or narrate
// it (note), dropping scripted faults so the learner can bring their own.
func trafficOnly(tl []sim.Scheduled) []sim.Scheduled {
	var out []sim.Scheduled
	for _, s := range tl {
		if s.Cmd.Kind == sim.CmdProduce || s.Cmd.Kind == sim.CmdNote {
			out = append(out, s)
		}
	}
	return out
}

// JudgeAtMs is when the challenge run is checked.
func (p *Player) JudgeAtMs() int64 {
	if by := p.lesson.Challenge.ByMs; by > 0 {
		return by
	}
	return p.chalSc.DurationMs
}

// Apply runs one learner command now and records it. Engine refusals (a
// broker that does not exist, ...) come back as errors and are not recorded.
// After a step back, commands recorded later than now are forgotten.
func (p *Player) Apply(cmd sim.Command) error {
	if p.judged {
		return ErrJudged
	}
	return p.run.Apply(cmd)
}

// Actions lists the learner's commands in this run, with their times: a
// timeline that replays the attempt.
func (p *Player) Actions() []sim.Scheduled {
	var out []sim.Scheduled
	for _, a := range p.run.Commands() {
		out = append(out, sim.Scheduled{AtMs: a.AtMs, Cmd: a.Cmd})
	}
	return out
}

// CheckChallenge runs the challenge to its judging time and checks every
// expectation. details has one line per expectation. Each first check of a
// run counts as an attempt; checking again returns the same verdict.
func (p *Player) CheckChallenge() (passed bool, details []string) {
	if p.mode != ChallengeRun {
		return false, []string{"start the challenge first"}
	}
	if p.judged {
		return p.verdictOK, p.verdict
	}
	p.paused = -1
	p.Advance(p.JudgeAtMs()) // gives any solution steps still to play
	p.script = nil
	passed, details = judge(p.lesson.Challenge.Expect, p.run.Sim().Snapshot())
	p.judged, p.verdict, p.verdictOK = true, details, passed
	p.attempts++
	if passed {
		p.passed = true
	} else {
		p.failures++
	}
	return passed, details
}

// judge checks expectations against a snapshot.
func judge(expects []scenarios.Expect, snap sim.Snapshot) (bool, []string) {
	passed := true
	details := make([]string, 0, len(expects))
	for _, e := range expects {
		ok, detail := e.Check(snap)
		mark := "ok  "
		if !ok {
			mark, passed = "FAIL", false
		}
		details = append(details, mark+" "+detail)
	}
	return passed, details
}

// Attempts is how many challenge runs have been checked.
func (p *Player) Attempts() int { return p.attempts }

// Passed reports whether any attempt has passed.
func (p *Player) Passed() bool { return p.passed }

// Solution returns the challenge's worked answer as engine commands with
// their times, for a "show me" button and for tests.
func (p *Player) Solution() ([]sim.Scheduled, error) {
	out := make([]sim.Scheduled, 0, len(p.lesson.Challenge.Solution))
	for _, e := range p.lesson.Challenge.Solution {
		s, err := e.Scheduled()
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}
