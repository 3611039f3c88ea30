package lessons

import (
	"fmt"
	"strconv"
	"strings"

	"kafkasim/scenarios"
)

// stops checks the [[stop]] tables and fills l.Stops.
func (p *parser) stops(l *Lesson, raws []rawStop) {
	var lastMs int64 = -1 // a stop must come after the previous stop and its reveal
	for i, r := range raws {
		at := strconv.Itoa(i)
		s := Stop{Text: strings.TrimSpace(r.Text), Watch: r.Watch, Line: p.lineOf("stop", at)}
		ms, err := parseMs(r.At)
		switch {
		case err != nil:
			p.fail(err.Error(), `write a time like at = "4s"`, "stop", at, "at")
		case ms <= lastMs:
			p.fail(fmt.Sprintf("%s is not after the previous stop (or its reveal) at %s", r.At, formatMs(lastMs)),
				"keep stops in time order, each after the last reveal", "stop", at, "at")
		default:
			s.AtMs, lastMs = ms, ms
		}
		if s.Text == "" {
			p.fail("missing", "say what to look at now", "stop", at, "text")
		}
		for _, w := range r.Watch {
			if err := CheckMetricName(w); err != nil {
				p.fail(err.Error(), "use a scenarios.Metric name", "stop", at, "watch")
			}
		}
		s.When, s.Else = p.when(r.When, r.Else, at)
		s.Code, s.CodeLine = p.code(r.Code, at)
		if r.Predict != nil {
			s.Predict = p.predict(r.Predict, s.AtMs, at)
			if s.Predict != nil && s.Predict.RevealMs > lastMs {
				lastMs = s.Predict.RevealMs
			}
		}
		l.Stops = append(l.Stops, s)
	}
}

// predict checks one [stop.predict] table.
func (p *parser) predict(r *rawPredict, atMs int64, at string) *Predict {
	key := func(k string) []string { return []string{"stop", at, "predict", k} }
	pr := &Predict{Question: strings.TrimSpace(r.Question), Metric: r.Metric, Choices: r.Choices,
		Explain: strings.TrimSpace(r.Explain)}
	if pr.Question == "" {
		p.fail("missing", "ask what the learner should predict", key("question")...)
	}
	if err := CheckMetricName(r.Metric); err != nil {
		p.fail(err.Error(), `e.g. metric = "group.billing.lost"`, key("metric")...)
	}
	ms, err := parseMs(r.Reveal)
	switch {
	case err != nil:
		p.fail(err.Error(), `reveal = "12s": when the engine's answer is read`, key("reveal")...)
	case ms < atMs:
		p.fail(fmt.Sprintf("reveal %s is before its stop at %s", r.Reveal, formatMs(atMs)),
			"reveal at or after the stop", key("reveal")...)
	default:
		pr.RevealMs = ms
	}
	p.choices(pr, r, key)
	return pr
}

// choices checks choices and means: whole numbers, or labels with a
// condition each.
func (p *parser) choices(pr *Predict, r *rawPredict, key func(string) []string) {
	seen := map[string]bool{}
	for _, c := range r.Choices {
		if seen[c] {
			p.fail(fmt.Sprintf("choice %q appears twice", c), "", key("choices")...)
		}
		seen[c] = true
	}
	if len(r.Choices) == 1 {
		p.fail("a single choice is no choice", "give two or more, or none for a typed number", key("choices")...)
	}
	if len(r.Means) == 0 {
		for _, c := range r.Choices {
			if _, err := strconv.ParseInt(c, 10, 64); err != nil {
				p.fail(fmt.Sprintf("choice %q is not a whole number", c),
					`add means = ["> 0", "== 0"] to give labelled choices a meaning`, key("choices")...)
			}
		}
		return
	}
	if len(r.Means) != len(r.Choices) {
		p.fail(fmt.Sprintf("%d conditions for %d choices", len(r.Means), len(r.Choices)),
			"give one condition per choice, in the same order", key("means")...)
		return
	}
	for _, m := range r.Means {
		c, err := scenarios.ParseComparison(m)
		if err != nil {
			p.fail(err.Error(), `write conditions like "> 0" or "== 12"`, key("means")...)
			continue
		}
		pr.Means = append(pr.Means, c)
	}
}

// lineOf returns the file line of a key given with positions, 0 if unknown.
func (p *parser) lineOf(path ...string) int {
	if n := p.lines.line(path...); n > 0 {
		return n + p.tomlStart - 1
	}
	return 0
}

// when checks a stop's when and else.
func (p *parser) when(when, other, at string) (scenarios.Condition, string) {
	other = strings.TrimSpace(other)
	if when == "" {
		if other != "" {
			p.fail("else without when", `say when the text is true: when = "group.billing.lost == 0"`, "stop", at, "else")
		}
		return nil, ""
	}
	c, err := scenarios.ParseCondition(when)
	if err != nil {
		p.fail(err.Error(), `e.g. when = "group.billing.duplicated == 0"`, "stop", at, "when")
		return nil, ""
	}
	for _, t := range c {
		if err := CheckMetricName(t.Metric); err != nil {
			p.fail(err.Error(), "use a scenarios.Metric name", "stop", at, "when")
			return nil, ""
		}
	}
	return c, other
}

// code checks a stop's code: a built-in program, and a label in it.
func (p *parser) code(ref, at string) (string, int) {
	if ref == "" {
		return "", -1
	}
	name, label, _ := strings.Cut(ref, ":")
	sn, err := LoadSnippet(name)
	if err != nil {
		p.fail(err.Error(), `code = "consumer.py:commit" names a program and a line label`, "stop", at, "code")
		return "", -1
	}
	if label == "" {
		return name, -1
	}
	line, ok := sn.Labels[label]
	if !ok {
		p.fail(fmt.Sprintf("%s has no line labelled %q", name, label), "its labels: "+sn.labelNames(), "stop", at, "code")
		return "", -1
	}
	return name, line
}
