package scenarios

import (
	"fmt"
	"strings"

	"kafkasim/sim"
)

// Condition binds a line of narration to the run: every term must hold
// for the line to be true, e.g. "group.billing.duplicated == 0 and
// group.billing.lost == 0". A line that states an outcome carries one, so
// the screen can tell when the learner's faults made the script wrong.
type Condition []Term

// Term is one metric compared with a number.
type Term struct {
	Metric string
	Cmp    Comparison
}

// TermValue is a term with the value the engine gave.
type TermValue struct {
	Term
	Value int64
	Err   error // the engine could not say (the entity is gone, ...)
}

// ParseCondition reads terms joined by " and ": "METRIC OP N". Metric
// names are only split off here; the caller checks them against what the
// scenario declares.
func ParseCondition(s string) (Condition, error) {
	var c Condition
	for _, part := range strings.Split(s, " and ") {
		part = strings.TrimSpace(part)
		i := strings.IndexAny(part, "<>=!")
		if i <= 0 {
			return nil, fmt.Errorf("%q is not a condition: write a metric, an operator and a number, such as \"group.billing.lost == 0\"", part)
		}
		cmp, err := ParseComparison(part[i:])
		if err != nil {
			return nil, err
		}
		c = append(c, Term{Metric: strings.TrimSpace(part[:i]), Cmp: cmp})
	}
	return c, nil
}

// Failing returns the terms that do not hold in snap, with their values;
// none means the condition holds.
func (c Condition) Failing(snap sim.Snapshot) []TermValue {
	var out []TermValue
	for _, t := range c {
		v, err := Metric(snap, t.Metric)
		if err != nil || !t.Cmp.Holds(v) {
			out = append(out, TermValue{Term: t, Value: v, Err: err})
		}
	}
	return out
}

// String writes the condition as a file would.
func (c Condition) String() string {
	parts := make([]string, len(c))
	for i, t := range c {
		parts[i] = t.Metric + " " + t.Cmp.String()
	}
	return strings.Join(parts, " and ")
}

// Narration is one scripted line of a scenario: a timeline entry's say,
// with the condition that makes it true and what to say otherwise.
type Narration struct {
	AtMs int64
	Say  string
	When Condition // empty: the line states no outcome
	Else string    // said instead when When fails; may be empty
	Line int       // the timeline entry's line in the file
}

// NarrationFor finds the scripted line a note event carries: the same
// text, said at or before atMs.
func (sc *Scenario) NarrationFor(text string, atMs int64) (Narration, bool) {
	for i := len(sc.Narration) - 1; i >= 0; i-- {
		if n := sc.Narration[i]; n.Say == text && n.AtMs <= atMs {
			return n, true
		}
	}
	return Narration{}, false
}
