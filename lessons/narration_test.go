package lessons

import (
	"regexp"
	"strings"
	"testing"

	"kafkasim/scenarios"
)

// outcomeWords mark a scripted line that states what happened to records
// or writes: such a line must say, by its when, which metrics make it
// true, so the screen can tell when a learner's faults changed them.
var outcomeWords = regexp.MustCompile(`(?i)\b(processed (all|every|everything|only|part|\d+)|exactly once|at least once|twice|second time|duplicat\w*|lost|loses|skipped|skips|is gone|refuses|fail|fails|failed|no bob|(processed|read|handled) (all|every|everything))\b`)

// TestScenarioNarrationHoldsUntouched runs every built-in scenario with
// no learner input and reads each say line's condition when the line is
// said: a scripted line must not contradict the metrics it names.
func TestScenarioNarrationHoldsUntouched(t *testing.T) {
	for _, sc := range scenarios.BuiltIn() {
		s, err := sc.NewSim(sc.Seed)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range sc.Narration {
			if outcomeWords.MatchString(n.Say) && len(n.When) == 0 {
				t.Errorf("%s:%d: the line states an outcome but has no when: %q", sc.Name, n.Line, firstWords(n.Say))
			}
			if len(n.When) == 0 {
				continue
			}
			s.RunUntil(n.AtMs)
			for _, f := range n.When.Failing(s.Snapshot()) {
				t.Errorf("%s:%d at %dms: %s %s is false (it is %d, err %v): %q", sc.Name, n.Line, n.AtMs,
					f.Metric, f.Cmp, f.Value, f.Err, firstWords(n.Say))
			}
		}
	}
}

// TestLessonNarrationHoldsUntouched walks every built-in lesson's tour,
// skipping each question, and checks each stop's text as it is said.
func TestLessonNarrationHoldsUntouched(t *testing.T) {
	for _, l := range All() {
		for i, st := range l.Stops {
			if outcomeWords.MatchString(st.Text) && len(st.When) == 0 {
				t.Errorf("lesson %d stop %d (line %d) states an outcome but has no when: %q", l.Number, i+1, st.Line, firstWords(st.Text))
			}
		}
		p, err := NewPlayer(l, 0)
		if err != nil {
			t.Fatal(err)
		}
		for {
			stop, ok := p.RunToNextStop()
			if !ok {
				break
			}
			i := p.PausedIndex()
			if said := p.StopText(i); strings.Contains(said, DiffersMark) {
				t.Errorf("lesson %d stop %d at %dms contradicts the untouched run: %q", l.Number, i+1, stop.AtMs, said)
			}
			if stop.Predict != nil {
				if _, err := p.Skip(); err != nil {
					t.Fatalf("lesson %d stop %d: %v", l.Number, i+1, err)
				}
			}
			p.Continue()
		}
	}
}

// TestNarrateMarksAContradiction: a line whose condition fails is said
// with its else, or kept and marked with what the engine says.
func TestNarrateMarksAContradiction(t *testing.T) {
	sc, err := scenarios.Load("offsets-restart")
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewSim(sc.Seed)
	if err != nil {
		t.Fatal(err)
	}
	s.RunUntil(45_000)
	snap := s.Snapshot()
	holds, _ := scenarios.ParseCondition("group.billing.duplicated == 0")
	fails, _ := scenarios.ParseCondition("group.billing.duplicated > 0 and group.billing.lost == 0")
	if got := Narrate("once", holds, "", snap); got != "once" {
		t.Errorf("a line that holds was changed: %q", got)
	}
	if got := Narrate("twice", fails, "not twice", snap); got != "not twice" {
		t.Errorf("else not said: %q", got)
	}
	got := Narrate("twice", fails, "", snap)
	if want := DiffersMark + "billing processed 0 records more than once) twice"; got != want {
		t.Errorf("marked line = %q, want %q", got, want)
	}
}

func firstWords(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
