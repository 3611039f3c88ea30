package lessons

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kafkasim/scenarios"
)

const scenarioLesson = "testdata/scenario-lesson.toml"

// TestScenarioFilePlaysAsALesson: a scenario file with [[stop]]s and a
// [challenge] is a lesson of its own run; its prediction is answered by
// the engine, doing nothing fails its challenge and its solution passes.
// As a scenario the same file still runs, its lesson keys ignored.
func TestScenarioFilePlaysAsALesson(t *testing.T) {
	l, err := LoadFile(scenarioLesson)
	if err != nil {
		t.Fatal(err)
	}
	if l.Title != "A crash between processing and committing" || l.Number != 1 || l.Scenario != scenarioLesson ||
		!strings.HasPrefix(l.Summary, "A consumer that commits") || len(l.Sections) != 2 || l.Sections[1].Title != "What to watch" {
		t.Fatalf("lesson: %q #%d %q %q sections %+v", l.Title, l.Number, l.Scenario, l.Summary, l.Sections)
	}
	p, err := NewPlayer(l, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.RunToNextStop(); !ok {
		t.Fatal("the run never reached the stop")
	}
	if r, err := p.Predict("yes"); err != nil || !r.Right {
		t.Fatalf("the engine's answer: %+v, %v", r, err)
	}
	if err := p.StartChallenge(); err != nil {
		t.Fatal(err)
	}
	if ok, _ := p.CheckChallenge(); ok {
		t.Fatal("doing nothing passed the challenge")
	}
	if err := p.Restart(); err != nil {
		t.Fatal(err)
	}
	if err := playSolution(p); err != nil {
		t.Fatal(err)
	}
	if ok, details := p.CheckChallenge(); !ok {
		t.Fatalf("the solution failed: %v", details)
	}
	if _, err := scenarios.Load(scenarioLesson); err != nil {
		t.Fatalf("as a scenario: %v", err)
	}
}

// TestScenarioLessonErrors: a scenario file without a challenge is no
// lesson, and a lesson key's mistake names its file line.
func TestScenarioLessonErrors(t *testing.T) {
	data, err := os.ReadFile(scenarioLesson)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	noChallenge := filepath.Join(dir, "plain.toml")
	text := string(data)
	cut := strings.Index(text, "[challenge]")
	if err := os.WriteFile(noChallenge, []byte(text[:cut]), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(noChallenge); err == nil || !strings.Contains(err.Error(), "plain.toml:1: challenge: a scenario played as a lesson needs a [challenge]") {
		t.Errorf("no challenge: %v", err)
	}
	badStop := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(badStop, []byte(strings.Replace(text, `at = "7s"`, `at = "7s"
colour = 3`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = LoadFile(badStop)
	var es Errors
	if !errors.As(err, &es) || !strings.Contains(err.Error(), "bad.toml:54: stop.colour: unknown key") {
		t.Errorf("unknown stop key: %v", err)
	}
}
