package ui

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	"kafkasim/ui/components"
)

// TestFlowQuiz answers three questions and ends the quiz to see the score.
func TestFlowQuiz(t *testing.T) {
	seed := uint64(7)
	m := newModel(Options{Quiz: true, Seed: &seed, StateDir: t.TempDir()}, plainStyles(), defaultDeps())
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "choose what to practise")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "question 1 of 12")
	tm.Send(keyMsg("enter")) // nothing picked: enter alone does not answer
	waitFor(t, tm, "pick an answer first")
	for i := 1; i <= 3; i++ {
		if i > 1 {
			waitFor(t, tm, "question "+components.Itoa(i)+" of 12")
		}
		// An answer for any kind: a picks or ticks or places the first
		// choice (b, c, d the next ones, for an order question), t picks
		// true, 1 types a number; enter answers.
		for _, k := range []string{"a", "b", "c", "d", "t", "1", "enter"} {
			tm.Send(keyMsg(k))
		}
		waitFor(t, tm, "next question")
		if i < 3 {
			tm.Send(keyMsg("enter"))
		}
	}
	tm.Send(keyMsg("e"))
	waitFor(t, tm, "ended after 3 of 12")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(Model)
	if got := final.quiz.Session.Score().Overall.Total(); got != 3 {
		t.Fatalf("answered %d, want 3", got)
	}
}
