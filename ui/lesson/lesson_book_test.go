package lesson

import (
	"os"
	"path/filepath"
	"testing"

	course "kafkasim/lessons"
	"kafkasim/state"
)

// A damaged lesson progress file whose backup cannot be written is never
// overwritten: opening a lesson used to replace it, losing the lessons it
// recorded as passed. The quiz already behaved so.
func TestLessonProgressNotSavedOverAnUnbackedDamagedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, course.ProgressFile)
	damaged := []byte(`{"lessons": {"the-log": {"status": "passed"}, "replication": {"status": "passed"`)
	if err := os.WriteFile(path, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(path+state.BackupSuffix, "taken"), 0o755); err != nil {
		t.Fatal(err)
	}
	book, warning := LoadBook(dir)
	if warning == "" {
		t.Fatal("no warning for a damaged file")
	}
	if err := book.Update(func(p *course.Progress) { p.Start("the-log") }); err == nil {
		t.Error("saving over the only copy should be refused")
	}
	if got, _ := os.ReadFile(path); string(got) != string(damaged) {
		t.Fatalf("the damaged file was overwritten: %s", got)
	}

	// Once the backup can be made, saving goes on as before.
	os.RemoveAll(path + state.BackupSuffix)
	book, _ = LoadBook(dir)
	if err := book.Update(func(p *course.Progress) { p.Start("the-log") }); err != nil {
		t.Fatalf("a backed-up file should be saved over: %v", err)
	}
	if bak, _ := os.ReadFile(path + state.BackupSuffix); string(bak) != string(damaged) {
		t.Errorf("the backup does not hold the damaged file")
	}
}
