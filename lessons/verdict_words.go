package lessons

import (
	"strconv"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// PlainVerdict says the judged challenge's checks in words, one a line:
// "✔ billing processed 12 records more than once (wanted: more than 0)".
// The engine's names stay in CheckChallenge's details, shown on request.
func (p *Player) PlainVerdict() []string {
	if !p.judged {
		return nil
	}
	return plainVerdict(p.lesson.Challenge.Expect, p.run.Sim().Snapshot())
}

func plainVerdict(expects []scenarios.Expect, snap sim.Snapshot) []string {
	var out []string
	for _, e := range expects {
		for _, t := range e.Terms() {
			v, err := scenarios.Metric(snap, t.Metric)
			if err != nil {
				out = append(out, "✘ the engine cannot say this now: "+err.Error())
				continue
			}
			mark := "✔ "
			if !t.Cmp.Holds(v) {
				mark = "✘ "
			}
			out = append(out, mark+MetricWords(t.Metric, v)+" (wanted: "+ComparisonWords(t.Cmp)+")")
		}
	}
	return out
}

// ComparisonWords says "> 0" as "more than 0".
func ComparisonWords(c scenarios.Comparison) string {
	n := strconv.FormatInt(c.Value, 10)
	switch c.Op {
	case ">":
		return "more than " + n
	case ">=":
		return n + " or more"
	case "<":
		return "fewer than " + n
	case "<=":
		return n + " or fewer"
	case "!=":
		return "anything but " + n
	}
	if c.Value == 0 {
		return "none"
	}
	return "exactly " + n
}
