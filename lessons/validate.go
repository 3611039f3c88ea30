package lessons

import (
	"fmt"

	"kafkasim/scenarios"
)

// Validate checks what Parse cannot see on its own: that the scenarios a
// lesson names exist and that its stops, reveals and challenge fit inside
// the scenario's run.
func Validate(l *Lesson) error {
	var errs Errors
	add := func(line int, key, msg, hint string) {
		errs = append(errs, &Error{File: l.File, Line: line, Key: key, Msg: msg, Hint: hint})
	}
	sc, err := scenarios.Load(l.Scenario)
	if err != nil {
		add(1, "scenario", err.Error(), "use a built-in scenario name")
		return errs
	}
	end := sc.DurationMs
	for _, s := range l.Stops {
		if s.AtMs > end {
			add(s.Line, "stop.at", fmt.Sprintf("%s is after the scenario ends at %s", formatMs(s.AtMs), formatMs(end)), "")
		}
		if s.Predict != nil && s.Predict.RevealMs > end {
			add(s.Line, "stop.predict.reveal", fmt.Sprintf("%s is after the scenario ends at %s",
				formatMs(s.Predict.RevealMs), formatMs(end)), "")
		}
	}
	c := l.Challenge
	csc := sc
	if c.Scenario != "" {
		if csc, err = scenarios.Load(c.Scenario); err != nil {
			add(c.Line, "challenge.scenario", err.Error(), "use a built-in scenario name")
			return errs
		}
	}
	by := c.ByMs
	if by == 0 {
		by = csc.DurationMs
	}
	if by > csc.DurationMs {
		add(c.Line, "challenge.by", fmt.Sprintf("%s is after the scenario ends at %s",
			formatMs(by), formatMs(csc.DurationMs)), "")
	}
	for _, e := range c.Solution {
		s, err := e.Scheduled()
		if err == nil && s.AtMs > by {
			add(c.Line, "challenge.solution.at", fmt.Sprintf("%s is after the run is judged at %s",
				formatMs(s.AtMs), formatMs(by)), "")
		}
	}
	return orNil(errs)
}
