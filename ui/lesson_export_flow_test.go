package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	course "kafkasim/lessons"
)

// TestFlowLessonSkeleton: x in a lesson writes a lesson of the run and
// the run beside it; the lesson loads as written. Asked again for the same
// name it asks first, and y keeps the old files as .bak.
func TestFlowLessonSkeleton(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.md")
	m := newModel(Options{Lesson: 5, StateDir: dir}, plainStyles(), defaultDeps())
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 36))
	waitFor(t, tm, "Offsets and commits")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "STOP 1 of 4")
	for round := 0; round < 2; round++ {
		tm.Send(keyMsg("x"))
		waitFor(t, tm, "Write a lesson of this run")
		tm.Send(tea.KeyMsg{Type: tea.KeyCtrlU})
		tm.Type(path)
		tm.Send(keyMsg("enter"))
		if round == 1 {
			waitFor(t, tm, "Replace")
			tm.Type("y")
			tm.Send(keyMsg("enter"))
			waitFor(t, tm, "(old ones kept as .bak)")
		} else {
			waitFor(t, tm, "finish the TODOs")
		}
	}
	tm.Send(keyMsg("q"))
	tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second))
	l, err := course.LoadFile(path)
	if err != nil {
		t.Fatalf("the skeleton does not load: %v", err)
	}
	if !strings.HasPrefix(l.Title, "Offsets and commits") || l.Scenario != filepath.Join(dir, "mine.toml") {
		t.Errorf("skeleton: title %q scenario %q", l.Title, l.Scenario)
	}
	for _, bak := range []string{"mine.md.bak", "mine.toml.bak"} {
		if _, err := os.Stat(filepath.Join(dir, bak)); err != nil {
			t.Errorf("no backup: %v", err)
		}
	}
}
