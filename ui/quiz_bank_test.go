package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/quiz"
	"kafkasim/ui/nav"
	quizui "kafkasim/ui/quiz"
)

// teacherBankFile is a question bank of a teacher's own.
const teacherBankFile = "../quiz/testdata/teacher/my-class.toml"

// TestQuizBankOption: `kafkasim quiz --bank FILE` asks every question of
// that file and nothing else, and saves no answers.
func TestQuizBankOption(t *testing.T) {
	seed := uint64(7)
	dir := t.TempDir()
	m := newModel(Options{Quiz: true, QuizBank: teacherBankFile, Seed: &seed, StateDir: dir}, plainStyles(), defaultDeps())
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = feed(next.(Model), next.(Model).Init())
	q := m.quiz
	if m.current != nav.ScreenQuiz || q == nil || q.Phase != quizui.QuizAsking {
		t.Fatalf("want the bank's first question, on %v", m.current)
	}
	if n := q.Session.Len(); n != 2 {
		t.Errorf("the quiz asks %d questions, want the bank's 2", n)
	}
	for !q.Session.Done() {
		cur, _ := q.Session.Current()
		if !strings.HasPrefix(cur.ID, "class-") {
			t.Fatalf("question %s is not from the teacher's bank", cur.ID)
		}
		text := "0" // the numeric question's answer
		if cur.Kind == quiz.TrueFalse {
			text = "false"
		}
		resp, err := cur.ParseResponse(text)
		if err != nil {
			t.Fatal(err)
		}
		if r, err := q.Session.Answer(resp); err != nil || !r.Correct {
			t.Fatalf("answer %q to %s: %+v, %v", text, cur.ID, r, err)
		}
		if _, err := q.Book.Record(q.Session); err != nil {
			t.Fatal(err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a quiz on a teacher's bank saved %d files in the state folder", len(entries))
	}
	if !contains(m.View(), "my-class.toml") {
		t.Errorf("the quiz should name the bank:\n%s", m.View())
	}
}

// TestQuizBankBroken shows a bank that no longer loads as an error.
func TestQuizBankBroken(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bank.toml")
	if err := os.WriteFile(bad, []byte("[[question]]\nid = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := newModel(Options{Quiz: true, QuizBank: bad}, plainStyles(), defaultDeps())
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = feed(next.(Model), next.(Model).Init())
	if m.current != nav.ScreenMessage || !contains(m.View(), "bank.toml:2") {
		t.Fatalf("want the bank's error, on %v:\n%s", m.current, m.View())
	}
}
