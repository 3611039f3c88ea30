package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kafkasim/quiz"
	"kafkasim/ui/home"
)

// TestHomeQuizPreviewShowsProgress: the quiz's preview sums up the saved
// progress; a damaged file is left alone (no backup) for the quiz to deal
// with when it opens.
func TestHomeQuizPreviewShowsProgress(t *testing.T) {
	dir := t.TempDir()
	p := quiz.NewProgress()
	p.Quizzes = 2
	p.Topics["offsets"] = quiz.Tally{Right: 1, Wrong: 3}
	p.Topics["log"] = quiz.Tally{Right: 5}
	if err := quiz.NewStore(dir).Save(p); err != nil {
		t.Fatal(err)
	}
	m := newModel(Options{StateDir: dir, Lessons: lessons()}, plainStyles(), fixtureDeps(3, 3, 30))
	m = press(t, m, "left") // from Lessons back round to Quiz
	if want := "2 quizzes finished · 6 of 9 answers right · weakest: offsets, log"; home.QuizProgressLine(home.PeekQuizProgress(dir)) != want {
		t.Errorf("progress %q, want %q", home.QuizProgressLine(home.PeekQuizProgress(dir)), want)
	}
	if v := m.View(); !strings.Contains(v, "progress 2 quizzes finished") || !strings.Contains(v, "weakest: offsets, log") {
		t.Errorf("the quiz preview lacks its progress:\n%s", v)
	}

	damaged := t.TempDir()
	path := quiz.NewStore(damaged).Path()
	if err := os.WriteFile(path, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	m = newModel(Options{StateDir: damaged, Lessons: lessons()}, plainStyles(), fixtureDeps(3, 3, 30))
	m = press(t, m, "left")
	if strings.Contains(m.View(), "progress ") {
		t.Errorf("a damaged file should show no progress:\n%s", m.View())
	}
	if _, err := os.Stat(filepath.Join(damaged, filepath.Base(path)+".bak")); err == nil {
		t.Error("the home screen should not back up the quiz's file")
	}
}
