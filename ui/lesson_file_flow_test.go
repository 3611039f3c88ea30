package ui

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	course "kafkasim/lessons"
	"kafkasim/ui/home"
)

// exampleLessonFile is the README's lesson example, played from disk.
const exampleLessonFile = "../lessons/testdata/first-lesson.md"

// TestFlowLessonFile plays a lesson file as `kafkasim lesson FILE.md`
// opens it: its prediction, then its challenge passed with the fault menu.
// Its progress is kept under the file's own key and never marks a
// built-in lesson.
func TestFlowLessonFile(t *testing.T) {
	dir := t.TempDir()
	m := newModel(Options{LessonFile: exampleLessonFile, StateDir: dir}, plainStyles(), defaultDeps())
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Lesson 1 (from a file)")
	tm.Send(keyMsg("enter")) // watch it run to the stop
	waitFor(t, tm, "Will from-beginning process")
	tm.Send(keyMsg("1"))
	waitFor(t, tm, "(enter to answer)")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "watch what happens until 28")
	tm.Send(keyMsg("enter")) // jump to the answer
	waitFor(t, tm, "Right.")
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
	key := course.FileKey(exampleLessonFile)
	p, _, _ := course.LoadProgress(dir)
	if got := p.Get(key); got.Status != course.Passed || got.PredictionsRight != 1 {
		t.Fatalf("the lesson file's progress under %s: %+v", key, got)
	}
	if len(p.Lessons) != 1 {
		t.Errorf("progress holds %d records, want only the file's: %v", len(p.Lessons), p.Lessons)
	}
	for _, e := range final.home.Items {
		if e.Kind == home.HomeLesson && e.Mark != "○" {
			t.Errorf("the home screen marks %q after a lesson file", e.Label)
		}
	}
}
