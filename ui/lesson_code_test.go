package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	course "kafkasim/lessons"
)

// TestFlowStopShowsItsProgram: lesson 14's first stop shows producer.py
// with the produce() call marked, beside the text at 120 columns and
// under it at 80.
func TestFlowStopShowsItsProgram(t *testing.T) {
	sn, err := course.LoadSnippet("producer.py")
	if err != nil {
		t.Fatal(err)
	}
	marked := fmt.Sprintf("▶%3d ", sn.Labels["send"]+1)
	for _, size := range [][2]int{{120, 36}, {80, 24}} {
		m := newModel(Options{Lesson: 14, StateDir: t.TempDir()}, plainStyles(), defaultDeps())
		tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(size[0], size[1]))
		waitFor(t, tm, "Producer and consumer programs")
		tm.Send(keyMsg("enter"))
		waitFor(t, tm, marked+`    producer.produce("orders", key=key,`)
		tm.Send(keyMsg("q"))
		tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second))
	}
}
