package lessons

import (
	"slices"
	"strconv"
	"testing"

	"kafkasim/scenarios"
)

// requireScenarios fails a test whose lessons name scenarios the library
// does not have.
func requireScenarios(t *testing.T) {
	t.Helper()
	have := scenarios.Names()
	var missing []string
	for _, l := range parseBuiltins(t) {
		for _, n := range []string{l.Scenario, l.Challenge.Scenario} {
			if n != "" && !slices.Contains(have, n) && !slices.Contains(missing, n) {
				missing = append(missing, n)
			}
		}
	}
	if len(missing) > 0 {
		t.Fatalf("lessons name scenarios the library does not have: %v", missing)
	}
}

// TestBuiltinLessonsValidate checks every lesson against its scenarios:
// they exist, and every stop, reveal and solution step fits in the run.
func TestBuiltinLessonsValidate(t *testing.T) {
	requireScenarios(t)
	if _, err := LoadFS(contentFS, contentDir); err != nil {
		t.Fatal(err)
	}
}

// engineLessons returns the lessons, each validated; a lesson whose
// scenarios are missing fails.
func engineLessons(t *testing.T) []*Lesson {
	t.Helper()
	have := scenarios.Names()
	var out []*Lesson
	for _, l := range parseBuiltins(t) {
		missing := !slices.Contains(have, l.Scenario) ||
			(l.Challenge.Scenario != "" && !slices.Contains(have, l.Challenge.Scenario))
		if missing {
			t.Errorf("lesson %s: scenario %q or %q is not in the library", lessonName(l), l.Scenario, l.Challenge.Scenario)
			continue
		}
		if err := Validate(l); err != nil {
			t.Errorf("%v", err)
			continue
		}
		out = append(out, l)
	}
	return out
}

// TestMetricsAnswer runs each lesson's tour and asks the engine for every
// watched and predicted metric at its time: each must be answerable.
func TestMetricsAnswer(t *testing.T) {
	for _, l := range engineLessons(t) {
		t.Run(lessonName(l), func(t *testing.T) {
			p, err := NewPlayer(l, 0)
			if err != nil {
				t.Fatal(err)
			}
			for {
				s, ok := p.RunToNextStop()
				if !ok {
					break
				}
				for _, w := range p.Watch() {
					if w.Err != nil {
						t.Errorf("stop at %s: watch %s: %v (seed %d)", formatMs(s.AtMs), w.Metric, w.Err, p.Seed())
					}
				}
				if s.Predict != nil {
					ans := "0"
					if len(s.Predict.Choices) > 0 {
						ans = s.Predict.Choices[0]
					}
					r, err := p.Predict(ans)
					if err != nil {
						t.Errorf("stop at %s: %v (seed %d)", formatMs(s.AtMs), err, p.Seed())
					} else {
						t.Logf("%s: %s", formatMs(s.AtMs), r.Message)
						if r.Expected == "none of the choices" ||
							(len(s.Predict.Means) == 0 && len(s.Predict.Choices) > 0 &&
								!slices.Contains(s.Predict.Choices, strconv.FormatInt(r.Value, 10))) {
							t.Errorf("stop at %s: no choice is right: %s", formatMs(s.AtMs), r.Message)
						}
					}
				}
				p.Continue()
			}
		})
	}
}

// TestChallengeSolutions plays each challenge's solution and checks that
// it passes, and that doing nothing does not.
func TestChallengeSolutions(t *testing.T) {
	for _, l := range engineLessons(t) {
		t.Run(lessonName(l), func(t *testing.T) {
			p, err := NewPlayer(l, 0)
			if err != nil {
				t.Fatal(err)
			}
			if err := p.StartChallenge(); err != nil {
				t.Fatal(err)
			}
			if ok, details := p.CheckChallenge(); ok {
				t.Errorf("passes without doing anything (seed %d):\n%v", p.Seed(), details)
			}
			if err := p.Restart(); err != nil {
				t.Fatal(err)
			}
			if err := playSolution(p); err != nil {
				t.Fatalf("seed %d: %v", p.Seed(), err)
			}
			if ok, details := p.CheckChallenge(); !ok {
				t.Errorf("the solution does not pass (seed %d):\n%v", p.Seed(), details)
			}
			if !p.Passed() || p.Attempts() != 2 {
				t.Errorf("Passed() = %v, Attempts() = %d; want true, 2", p.Passed(), p.Attempts())
			}
		})
	}
}

// playSolution applies the lesson's solution steps at their times.
func playSolution(p *Player) error {
	steps, err := p.Solution()
	if err != nil {
		return err
	}
	for _, s := range steps {
		p.Advance(s.AtMs)
		if err := p.Apply(s.Cmd); err != nil {
			return err
		}
	}
	return nil
}
