package lessons

import (
	"strings"
	"testing"
)

// TestHintsAloneSolveEveryChallenge takes each built-in challenge's hints
// in order, as a learner pressing i would, and gives only the `do` steps
// they show. Every challenge must pass that way, and the rung before the
// solution must name each kind of step the solution takes, so the text
// hints do not leave one out (lesson 5's once left out the restart).
func TestHintsAloneSolveEveryChallenge(t *testing.T) {
	for _, l := range parseBuiltins(t) {
		p, err := NewPlayer(l, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.StartChallenge(); err != nil {
			t.Fatal(err)
		}
		var shown []Hint
		for range len(p.Hints()) + 1 { // one press more than there are rungs
			shown = append(shown, p.NextHint())
		}
		last := shown[len(shown)-1]
		if last.Level != HintSolution || p.HintsUsed() != len(p.Hints()) {
			t.Fatalf("%s: the hints end at %v after %d presses", lessonName(l), last.Level, p.HintsUsed())
		}
		var said []string
		for _, h := range shown[:len(shown)-2] {
			said = append(said, h.Text)
		}
		if got := strings.Join(said, " "); got != l.Challenge.Hint {
			t.Errorf("%s: the text hints say %q, the lesson's hint is %q", lessonName(l), got, l.Challenge.Hint)
		}
		for _, h := range shown[:len(shown)-1] { // the last press repeats the solution
			for _, s := range h.Steps {
				p.Advance(s.AtMs)
				if err := p.Apply(s.Cmd); err != nil {
					t.Fatalf("%s: hint step %s at %d: %v", lessonName(l), s.Cmd.Kind, s.AtMs, err)
				}
			}
		}
		if ok, d := p.CheckChallenge(); !ok {
			t.Errorf("%s: doing what the hints say fails: %v", lessonName(l), d)
		}
		for _, e := range l.Challenge.Solution {
			if !strings.Contains(last.Text, stepWords(e)) {
				t.Errorf("%s: the solution hint does not say %q", lessonName(l), stepWords(e))
			}
		}
	}
}

// TestPlaySolutionPlaysItself: after PlaySolution, running the challenge
// to its end with no learner input gives the steps and passes.
func TestPlaySolutionPlaysItself(t *testing.T) {
	for _, l := range parseBuiltins(t) {
		p, err := NewPlayer(l, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.PlaySolution(); err != nil {
			t.Fatal(err)
		}
		for !p.Done() {
			p.Advance(p.EndMs())
		}
		if ok, d := p.CheckChallenge(); !ok {
			t.Errorf("%s: the played solution fails: %v", lessonName(l), d)
		}
		if got, want := len(p.Actions()), len(l.Challenge.Solution); got != want {
			t.Errorf("%s: %d steps given, the solution has %d", lessonName(l), got, want)
		}
	}
}

// TestBackToStopRestoresTheQuestion: going back to an answered stop
// replays the run to that stop's moment and shows its verdict again; an
// unanswered stop's question is open again.
func TestBackToStopRestoresTheQuestion(t *testing.T) {
	p := newTestPlayer(t)
	p.RunToNextStop() // stop 0 at 2s
	p.Continue()
	p.RunToNextStop() // stop 1 at 5s, a question
	want := p.Sim().StepCount()
	r, err := p.Predict("3")
	if err != nil {
		t.Fatal(err)
	}
	if p.Sim().Now() != 8000 || p.PausedIndex() != 1 {
		t.Fatalf("after the answer: %dms, paused at %d", p.Sim().Now(), p.PausedIndex())
	}
	i, ok := p.PreviousStop()
	if !ok || i != 1 {
		t.Fatalf("from the reveal, [ goes to stop %d, %v; want the stop itself", i, ok)
	}
	if err := p.BackToStop(i); err != nil {
		t.Fatal(err)
	}
	if p.Sim().Now() != 5000 || p.PausedIndex() != 1 {
		t.Fatalf("back at %dms, paused at %d", p.Sim().Now(), p.PausedIndex())
	}
	if got := p.Sim().StepCount(); got != want {
		t.Errorf("the replay is at step %d, the first visit was at %d", got, want)
	}
	if again, ok := p.Answer(1); !ok || again != r {
		t.Errorf("the verdict was not kept: %+v", again)
	}
	if i, _ := p.PreviousStop(); i != 0 {
		t.Errorf("from stop 1's moment, [ goes to stop %d, want 0", i)
	}
}

// TestSkipIsRecorded: a skipped question shows the engine's answer and is
// marked a skip, neither right nor wrong.
func TestSkipIsRecorded(t *testing.T) {
	p := newTestPlayer(t)
	p.RunToNextStop()
	p.Continue()
	p.RunToNextStop()
	r, err := p.Skip()
	if err != nil {
		t.Fatal(err)
	}
	if !r.Skipped || r.Right || r.Value != metricAt(t, p.Seed(), 8000, "partition.events-0.leo") {
		t.Errorf("skip: %+v", r)
	}
	if !strings.HasPrefix(r.Message, "Skipped") {
		t.Errorf("message %q", r.Message)
	}
}

// TestChooseThenPlayToReveal: an answer given with Choose is judged only
// when the run reaches the reveal time, so the interval can be watched.
func TestChooseThenPlayToReveal(t *testing.T) {
	p := newTestPlayer(t)
	p.RunToNextStop()
	p.Continue()
	p.RunToNextStop()
	if err := p.Choose("4"); err != nil {
		t.Fatal(err)
	}
	if _, ok := p.Answer(1); ok {
		t.Fatal("judged before the reveal")
	}
	stop, at, ok := p.Revealing()
	if !ok || stop != 1 || at != 8000 {
		t.Fatalf("Revealing() = %d %d %v", stop, at, ok)
	}
	p.Advance(6000)
	if _, ok := p.Answer(1); ok || p.Sim().Now() != 6000 {
		t.Fatalf("judged at %dms", p.Sim().Now())
	}
	if s, ok := p.Advance(20_000); !ok || s != &p.Lesson().Stops[1] || p.Sim().Now() != 8000 {
		t.Fatalf("the run did not hold at the reveal: %dms", p.Sim().Now())
	}
	if _, ok := p.Answer(1); !ok {
		t.Fatal("not judged at the reveal")
	}
}
