package ui

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	course "kafkasim/lessons"
	"kafkasim/ui/components"
)

// TestFlowLessonOne runs the program through lesson 1 as a learner would:
// read, play to a stop, answer its prediction, finish the tour, pass the
// challenge.
func TestFlowLessonOne(t *testing.T) {
	dir := t.TempDir()
	m := newModel(Options{Lesson: 1, StateDir: dir}, plainStyles(), defaultDeps())
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Lesson 1 of 14")
	tm.Send(keyMsg("enter")) // watch it run: plays to the first stop at 2s
	waitFor(t, tm, "STOP 1 of 3")
	tm.Send(keyMsg("enter")) // continue
	tm.Send(keyMsg("enter")) // and run to the next stop
	waitFor(t, tm, "Will from-end process")
	tm.Send(keyMsg("enter")) // enter alone does not answer
	waitFor(t, tm, "pick an answer first")
	tm.Send(keyMsg("2"))
	waitFor(t, tm, "(enter to answer)")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "watch what happens until 28")
	tm.Send(keyMsg("enter")) // jump to the answer
	waitFor(t, tm, "Right.")
	for _, k := range []string{"enter", "enter"} {
		tm.Send(keyMsg(k))
	}
	waitFor(t, tm, "has the log start offset")
	tm.Send(keyMsg("b"))
	waitFor(t, tm, "(enter to answer)")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "Right.") // 1s at ×0.1 plays within seconds
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "END OF THE TOUR")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "CHALLENGE")
	tm.Send(keyMsg("f"))
	waitFor(t, tm, "Send records now")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "which one?")
	tm.Send(keyMsg("down"))
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "injected produce app")
	tm.Send(keyMsg("c"))
	waitFor(t, tm, "PASSED")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(Model)
	if got := final.book.Get("event-streaming-and-the-log"); got.Status != course.Passed || got.PredictionsRight != 2 {
		t.Fatalf("progress %+v", got)
	}
	if p, _, _ := course.LoadProgress(dir); p.Get("event-streaming-and-the-log").Status != course.Passed {
		t.Fatal("the pass was not saved")
	}
}

// TestFlowLessonTenChallenge passes the delivery-semantics challenge with
// the fault menu: lost produce responses on every broker make the plain
// producer write duplicates, while the idempotent one does not.
func TestFlowLessonTenChallenge(t *testing.T) {
	dir := t.TempDir()
	m := newModel(Options{Lesson: 10, StateDir: dir}, plainStyles(), defaultDeps())
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 36))
	waitFor(t, tm, "Lesson 10 of 14")
	tm.Send(keyMsg("c")) // straight to the challenge
	waitFor(t, tm, "Make reader-plain process a payment twice")
	// Drop produce acks is the fifth kind, after Send records, Crash, (no
	// broker is down to restart) and Slow.
	for b, downs := range []int{0, 1, 2} {
		tm.Send(keyMsg("f"))
		for range 3 {
			tm.Send(keyMsg("down"))
		}
		tm.Send(keyMsg("enter"))
		for range downs {
			tm.Send(keyMsg("down"))
		}
		tm.Send(keyMsg("enter"))
		waitFor(t, tm, "injected drop-acks b"+components.Itoa(b+1))
	}
	tm.Send(keyMsg("c"))
	waitFor(t, tm, "PASSED")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(Model)
	if got := final.book.Get("delivery-semantics"); got.Status != course.Passed || got.Attempts != 1 {
		t.Fatalf("progress %+v", got)
	}
	if len(final.lesson.Player.Actions()) != 3 {
		t.Fatalf("the Player should have recorded 3 actions, got %v", final.lesson.Player.Actions())
	}
}
