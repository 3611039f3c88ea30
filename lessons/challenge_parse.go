package lessons

import (
	"errors"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"kafkasim/scenarios"
)

// challenge checks the [challenge] table and fills l.Challenge.
func (p *parser) challenge(l *Lesson, r *rawChallenge, md *toml.MetaData) {
	c := Challenge{Goal: strings.TrimSpace(r.Goal), Hint: strings.TrimSpace(r.Hint),
		Setup: strings.TrimSpace(r.Setup), Scenario: r.Scenario, Timeline: r.Timeline,
		Line: p.lineOf("challenge")}
	if c.Line == 0 {
		p.errs = append(p.errs, &Error{File: p.file, Line: 1, Key: "challenge",
			Msg: "missing", Hint: "end every lesson with a [challenge] the engine can check"})
		return
	}
	if c.Goal == "" {
		p.fail("missing", "one sentence: what must the learner make happen?", "challenge", "goal")
	}
	if c.Hint == "" {
		p.fail("missing", "a nudge first sentence, then how it works: i shows it at any time", "challenge", "hint")
	}
	switch c.Timeline {
	case "":
		c.Timeline = TimelineTraffic
	case TimelineTraffic, TimelineFull:
	default:
		p.fail(strconv.Quote(c.Timeline)+" is not a timeline mode", `use "traffic" (the default) or "full"`,
			"challenge", "timeline")
	}
	if r.By != "" {
		ms, err := parseMs(r.By)
		if err != nil {
			p.fail(err.Error(), `by = "30s": when the run is judged`, "challenge", "by")
		}
		c.ByMs = ms
	}
	p.expects(&c, r.Expect, md)
	p.solution(&c, r.Solution, md)
	l.Challenge = c
}

// expects decodes [[challenge.expect]] into scenario expectations.
func (p *parser) expects(c *Challenge, prims []toml.Primitive, md *toml.MetaData) {
	if len(prims) == 0 {
		p.fail("no [[challenge.expect]]", "say what the engine must see, e.g. group = \"billing\" and duplicated = \"> 0\"",
			"challenge")
	}
	for i, prim := range prims {
		var e scenarios.Expect
		if err := md.PrimitiveDecode(prim, &e); err != nil {
			p.fail(err.Error(), "see scenarios.Expect for the keys", "challenge", "expect", strconv.Itoa(i))
			continue
		}
		if err := e.Validate(); err != nil {
			p.failProblems(err, "", "challenge", "expect", strconv.Itoa(i))
			continue
		}
		c.Expect = append(c.Expect, e)
	}
}

// solution decodes [[challenge.solution]] into timeline entries and checks
// each turns into an engine command.
func (p *parser) solution(c *Challenge, prims []toml.Primitive, md *toml.MetaData) {
	if len(prims) == 0 {
		p.fail("no [[challenge.solution]]", "write the actions that pass, so tests can prove the challenge can be won",
			"challenge")
	}
	for i, prim := range prims {
		at := strconv.Itoa(i)
		var e scenarios.TimelineEntry
		if err := md.PrimitiveDecode(prim, &e); err != nil {
			p.fail(err.Error(), "see scenarios.TimelineEntry for the keys", "challenge", "solution", at)
			continue
		}
		if _, err := e.Scheduled(); err != nil {
			p.failProblems(err, "write it as a scenario timeline entry", "challenge", "solution", at)
			continue
		}
		c.Solution = append(c.Solution, e)
	}
}

// failProblems records the problems a scenarios check found, each at the
// line of the key it names inside the table at path.
func (p *parser) failProblems(err error, hint string, path ...string) {
	var probs scenarios.Problems
	if !errors.As(err, &probs) {
		p.fail(err.Error(), hint, path...)
		return
	}
	for _, pr := range probs {
		h := pr.Hint
		if h == "" {
			h = hint
		}
		full := path
		if pr.Key != "" {
			full = append(append([]string(nil), path...), pr.Key)
		}
		p.fail(pr.Msg, h, full...)
	}
}

// undecoded reports keys the front matter has but no lesson field takes.
func (p *parser) undecoded(md *toml.MetaData) { p.reportUnknown(md.Undecoded()) }

// reportUnknown records each key as unknown, with the keys allowed there.
func (p *parser) reportUnknown(keys []toml.Key) {
	for _, k := range keys {
		path := []string(k)
		line := p.lines.plainLine(path)
		if line > 0 {
			line += p.tomlStart - 1
		}
		p.errs = append(p.errs, &Error{File: p.file, Line: line, Key: k.String(),
			Msg: "unknown key", Hint: hintFor(path)})
	}
}

// hintFor suggests the keys allowed where an unknown one was found.
func hintFor(path []string) string {
	parent := strings.Join(path[:len(path)-1], ".")
	switch parent {
	case "":
		return "top-level keys: number, title, scenario, summary, in_real_kafka, [[stop]], [challenge]"
	case "stop":
		return "a stop takes at, text, watch, when, else, [stop.predict]"
	case "stop.predict":
		return "a prediction takes question, metric, reveal, choices, means, explain"
	case "challenge":
		return "a challenge takes goal, hint, setup, scenario, timeline, by, [[challenge.expect]], [[challenge.solution]]"
	case "challenge.expect":
		return "see scenarios.Expect for the keys"
	case "challenge.solution":
		return "see scenarios.TimelineEntry for the keys"
	}
	return "check the spelling against the lesson format in lessons/doc.go"
}
