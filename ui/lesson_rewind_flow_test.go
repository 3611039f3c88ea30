package ui

import (
	"bytes"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	course "kafkasim/lessons"
)

// TestFlowRevealPlaysAndRewind: after an answer the run plays the
// interval up to the reveal (the clock is seen moving between the stop and
// the reveal), and [ goes back to the stop with its verdict restored;
// another [ goes to the stop before, whose text shows again.
func TestFlowRevealPlaysAndRewind(t *testing.T) {
	m := newModel(Options{Lesson: 1, StateDir: t.TempDir()}, plainStyles(), defaultDeps())
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 36))
	waitFor(t, tm, "Lesson 1 of 14")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "STOP 1 of 3")
	tm.Send(keyMsg("enter"))
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "Will from-end process")
	tm.Send(keyMsg("2"))
	tm.Send(keyMsg("enter"))
	waitForAll(t, tm, "watch what happens until 28", "▶ playing ×5")
	waitFor(t, tm, "t 20.") // the interval is shown on its way, not skipped
	waitFor(t, tm, "Right.")
	tm.Send(keyMsg("["))
	// One frame: the clock back at the stop. The verdict's lines are the
	// same as before, so the renderer does not draw them again.
	waitForAll(t, tm, "back at stop 2", "t 9.000s")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(Model)
	s := final.lesson
	if s.Stop != 1 || s.Verdict == nil || !s.Verdict.Right || !contains(s.View(), "Right.") {
		t.Fatalf("back at stop 2 its verdict should show again: stop %d verdict %+v", s.Stop, s.Verdict)
	}
	if got := final.book.Get("event-streaming-and-the-log"); got.PredictionsTotal != 1 {
		t.Fatalf("going back counted the answer again: %+v", got)
	}
}

// TestFlowHintsToSolution: in lesson 5's challenge, i three times shows
// the nudge, the mechanism and the solution; p plays it; c passes.
func TestFlowHintsToSolution(t *testing.T) {
	dir := t.TempDir()
	m := newModel(Options{Lesson: 5, StateDir: dir}, plainStyles(), defaultDeps())
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 36))
	waitFor(t, tm, "Lesson 5 of 14")
	tm.Send(keyMsg("c"))
	waitFor(t, tm, "CHALLENGE")
	tm.Send(keyMsg("i"))
	waitFor(t, tm, "nudge")
	tm.Send(keyMsg("i"))
	waitFor(t, tm, "how it works")
	tm.Send(keyMsg("i"))
	waitFor(t, tm, "restart consumer 1 of group billing")
	tm.Send(keyMsg("p"))
	waitFor(t, tm, "the solution plays itself")
	tm.Send(keyMsg("c"))
	waitFor(t, tm, "PASSED")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(Model)
	if got := final.book.Get("offsets-and-commits"); got.Status != course.Passed || got.HintsUsed != 3 {
		t.Fatalf("progress %+v", got)
	}
}

// waitForAll waits for output that holds every text: what one frame
// shows at once must be waited for at once, as waiting reads it.
func waitForAll(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, s := range texts {
			if !bytes.Contains(b, []byte(s)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}
