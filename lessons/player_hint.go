package lessons

import (
	"fmt"
	"strings"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// HintLevel is how much a hint gives away.
type HintLevel int

// The levels, in the order a learner gets them.
const (
	HintNudge     HintLevel = iota + 1 // where to look
	HintMechanism                      // how it works and what to do
	HintSolution                       // the worked steps, which can play themselves
)

// String names the level.
func (l HintLevel) String() string {
	switch l {
	case HintNudge:
		return "nudge"
	case HintMechanism:
		return "how it works"
	case HintSolution:
		return "solution"
	}
	return "?"
}

// Hint is one rung of a challenge's hints.
type Hint struct {
	Level HintLevel
	Text  string
	// Steps are the solution's commands with their times (HintSolution
	// only): doing exactly these passes the challenge.
	Steps []sim.Scheduled
}

// Hints are the challenge's hints, escalating: a nudge (the hint's first
// sentence), the mechanism (the rest of the hint), then the worked
// solution. A one-sentence hint is the mechanism alone.
func (p *Player) Hints() []Hint {
	c := p.lesson.Challenge
	first, rest := firstSentence(c.Hint)
	out := []Hint{{Level: HintMechanism, Text: c.Hint}}
	if rest != "" {
		out = []Hint{{Level: HintNudge, Text: first}, {Level: HintMechanism, Text: rest}}
	}
	steps, err := p.Solution()
	sol := Hint{Level: HintSolution, Steps: steps}
	if err != nil {
		sol.Text = "the worked solution cannot be read: " + err.Error()
	} else {
		sol.Text = solutionText(c.Solution)
	}
	return append(out, sol)
}

// NextHint shows one more hint, up to the solution, and returns it.
// Asking again once all are shown returns the solution again.
func (p *Player) NextHint() Hint {
	all := p.Hints()
	p.hintsShown = min(p.hintsShown+1, len(all))
	return all[p.hintsShown-1]
}

// HintsShown are the hints shown so far, in order.
func (p *Player) HintsShown() []Hint { return p.Hints()[:p.hintsShown] }

// HintsUsed is how many hints have been shown.
func (p *Player) HintsUsed() int { return p.hintsShown }

// PlaySolution starts a fresh challenge attempt that gives the worked
// solution's steps by itself as the run reaches their times. Play it (or
// check it) to watch the goal reached.
func (p *Player) PlaySolution() error {
	steps, err := p.Solution()
	if err != nil {
		return err
	}
	if err := p.StartChallenge(); err != nil {
		return err
	}
	p.script = steps
	return nil
}

// PlayingSolution reports solution steps still to come in this run.
func (p *Player) PlayingSolution() bool { return len(p.script) > 0 }

// playScriptStep gives the next solution step. A step the engine refuses
// is dropped: the run goes on and the check will say what it lacks.
func (p *Player) playScriptStep() {
	s := p.script[0]
	p.script = p.script[1:]
	_ = p.run.Apply(s.Cmd)
}

// firstSentence splits text after its first sentence.
func firstSentence(text string) (first, rest string) {
	for i := 0; i+1 < len(text); i++ {
		if (text[i] == '.' || text[i] == '?') && text[i+1] == ' ' {
			return text[:i+1], strings.TrimSpace(text[i+1:])
		}
	}
	return text, ""
}

// solutionText writes the solution's steps one a line: "at 3s: pause
// consumer 1 of billing".
func solutionText(steps []scenarios.TimelineEntry) string {
	lines := make([]string, 0, len(steps))
	for _, e := range steps {
		at := e.At
		if at == "" {
			at = "0s"
		}
		lines = append(lines, fmt.Sprintf("at %s: %s", at, stepWords(e)))
	}
	return strings.Join(lines, "\n")
}

// stepWords says one timeline step in words, naming its target.
func stepWords(e scenarios.TimelineEntry) string {
	verb, what, _ := strings.Cut(e.Do, "-")
	w := verb + " " + what
	switch {
	case e.Group != "" && e.Consumer > 0:
		w = fmt.Sprintf("%s consumer %d of group %s", verb, e.Consumer, e.Group)
	case e.Group != "":
		w = fmt.Sprintf("%s a consumer to group %s", verb, e.Group)
	case e.Do == "add-partitions":
		w = fmt.Sprintf("grow topic %s to %d partitions", e.Topic, e.Partitions)
	case e.Do == "produce":
		w = fmt.Sprintf("produce %s from %s", records(int64(max(e.Count, 1))), e.Producer)
		if e.Key != nil {
			w += " with key " + *e.Key
		}
	case e.Do == "drop-acks":
		w = fmt.Sprintf("drop the next %d produce responses of broker %d", e.Count, e.Broker)
	case e.Do == "slow-broker":
		w = fmt.Sprintf("slow broker %d by %s", e.Broker, e.Delay)
	case e.Broker > 0:
		w += fmt.Sprintf(" %d", e.Broker)
	case e.Producer != "":
		w += " " + e.Producer
	case e.Controller > 0:
		w += fmt.Sprintf(" %d", e.Controller)
	}
	return w
}
