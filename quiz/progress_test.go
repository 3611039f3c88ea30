package quiz

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// finishedSession answers every question of a small quiz, the first right
// and the rest wrong.
func finishedSession(t *testing.T) *Session {
	t.Helper()
	s, err := NewSession(Options{Bank: []Question{qSingle, qTF, qNum}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for first := true; !s.Done(); first = false {
		q, _ := s.Current()
		r := Response{Picks: []int{-1}, Truth: !q.Truth, Number: q.Number + 1}
		if first {
			r = Response{Picks: q.Correct, Truth: q.Truth, Number: q.Number}
		}
		if _, err := s.Answer(r); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestProgressSaveLoad(t *testing.T) {
	dir := t.TempDir()
	store := NewStore(dir)
	p, warn := store.Load()
	if warn != nil || p.Quizzes != 0 || len(p.Topics) != 0 {
		t.Fatalf("missing file: %+v, %v", p, warn)
	}
	if !p.Record(finishedSession(t)) {
		t.Error("first finished quiz should be a new best")
	}
	if err := store.Save(p); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "quiz.json")); err != nil {
		t.Fatal(err)
	}
	got, warn := NewStore(dir).Load()
	if warn != nil {
		t.Fatal(warn)
	}
	if got.Quizzes != 1 || got.Topics["log"] != (Tally{Right: 1, Wrong: 2}) {
		t.Errorf("loaded %+v", got)
	}
	if b := got.Best["all"]; b != (Best{Right: 1, Total: 3, Percent: 33}) {
		t.Errorf("best %+v", b)
	}
	// A worse run keeps the best; counts still add up.
	if got.Record(finishedSession(t)) {
		t.Error("an equal run is not a new best")
	}
	if got.Topics["log"] != (Tally{Right: 2, Wrong: 4}) || got.Quizzes != 2 {
		t.Errorf("after second run %+v", got)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(leftovers) != 1 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestProgressRecordUnfinished(t *testing.T) {
	s, _ := NewSession(Options{Bank: []Question{qSingle, qTF}, Seed: 1})
	q, _ := s.Current()
	s.Answer(Response{Picks: q.Correct, Truth: q.Truth})
	p := NewProgress()
	if p.Record(s) || p.Quizzes != 0 || len(p.Best) != 0 {
		t.Errorf("unfinished quiz recorded as finished: %+v", p)
	}
	if p.Topics["log"].Total() != 1 {
		t.Errorf("answers still count: %+v", p.Topics)
	}
}

func TestProgressCorruptFile(t *testing.T) {
	tests := []struct {
		name, content string
	}{
		{"not json", "{ this is not json"},
		{"wrong shape", `{"version": 1, "topics": ["log"]}`},
		{"negative counts", `{"version": 1, "topics": {"log": {"right": -1, "wrong": 0}}}`},
		{"impossible best", `{"version": 1, "best": {"all": {"right": 5, "total": 3, "percent": 100}}}`},
		{"other version", `{"version": 9}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "quiz.json")
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			store := NewStore(dir)
			p, warn := store.Load()
			if warn == nil {
				t.Fatal("want a warning")
			}
			if p == nil || p.Quizzes != 0 || len(p.Topics) != 0 {
				t.Errorf("want fresh progress, got %+v", p)
			}
			bak, err := os.ReadFile(path + ".bak")
			if err != nil || string(bak) != tt.content {
				t.Fatalf("backup %q, %v", bak, err)
			}
			p.Record(finishedSession(t))
			if err := store.Save(p); err != nil {
				t.Fatalf("saving over a backed-up file: %v", err)
			}
			if bak, _ := os.ReadFile(path + ".bak"); string(bak) != tt.content {
				t.Error("the backup was overwritten")
			}
			if _, warn := NewStore(dir).Load(); warn != nil {
				t.Errorf("after saving, the file loads cleanly: %v", warn)
			}
		})
	}
}

func TestProgressUnreadableFileIsNotOverwritten(t *testing.T) {
	dir := t.TempDir()
	// A directory where the file should be: reading fails, and Save must
	// not try to replace it.
	if err := os.Mkdir(filepath.Join(dir, "quiz.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	store := NewStore(dir)
	p, warn := store.Load()
	if warn == nil || p == nil {
		t.Fatalf("want fresh progress and a warning, got %+v, %v", p, warn)
	}
	if err := store.Save(p); err == nil || !strings.Contains(err.Error(), "not saved") {
		t.Errorf("Save = %v, want a refusal", err)
	}
}

func TestDefaultStoreUsesXDGStateHome(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	s, err := DefaultStore()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "kafkasim", "quiz.json"); s.Path() != want {
		t.Errorf("Path = %s, want %s", s.Path(), want)
	}
	home := t.TempDir()
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", home)
	s, err = DefaultStore()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(home, ".local", "state", "kafkasim", "quiz.json"); s.Path() != want {
		t.Errorf("fallback Path = %s, want %s", s.Path(), want)
	}
}
