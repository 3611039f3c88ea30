package lessons

import (
	"os"
	"path/filepath"
	"testing"
)

func TestProgressStatuses(t *testing.T) {
	var p Progress
	if got := p.Get("offsets").Status; got != NotStarted {
		t.Fatalf("fresh status = %q", got)
	}
	p.Start("offsets")
	if got := p.Get("offsets").Status; got != InProgress {
		t.Errorf("after Start: %q", got)
	}
	p.RecordAttempt("offsets", false)
	p.RecordAttempt("offsets", true)
	p.RecordAttempt("offsets", false) // a later failure does not undo a pass
	lp := p.Get("offsets")
	if lp.Status != Passed || lp.Attempts != 3 {
		t.Errorf("after attempts: %+v", lp)
	}
	p.Start("offsets")
	if p.Get("offsets").Status != Passed {
		t.Error("Start demoted a passed lesson")
	}
	p.RecordPrediction("keys", true)
	p.RecordPrediction("keys", false)
	if lp := p.Get("keys"); lp.PredictionsRight != 1 || lp.PredictionsTotal != 2 || lp.Status != InProgress {
		t.Errorf("predictions: %+v", lp)
	}
}

func TestProgressSaveLoad(t *testing.T) {
	dir := t.TempDir()
	p, warn, err := LoadProgress(dir)
	if warn != nil || err != nil || len(p.Lessons) != 0 {
		t.Fatalf("fresh load: %+v %v %v", p, warn, err)
	}
	p.RecordAttempt("keys", true)
	if err := SaveProgress(dir, p); err != nil {
		t.Fatal(err)
	}
	q, warn, err := LoadProgress(dir)
	if warn != nil || err != nil || q.Get("keys").Status != Passed {
		t.Fatalf("reload: %+v %v %v", q, warn, err)
	}
	// A damaged file gives fresh progress and a warning, never an error.
	if err := os.WriteFile(filepath.Join(dir, ProgressFile), []byte("{oops"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, warn, err := LoadProgress(dir)
	if err != nil || warn == nil || len(r.Lessons) != 0 {
		t.Fatalf("corrupt load: %+v %v %v", r, warn, err)
	}
}

// TestProgressSkipsAndHints: a skip is counted apart from the answers,
// and hints add up over visits.
func TestProgressSkipsAndHints(t *testing.T) {
	var p Progress
	p.RecordSkip("x")
	p.RecordPrediction("x", true)
	p.RecordHint("x")
	p.RecordHint("x")
	got := p.Get("x")
	if got.PredictionsSkipped != 1 || got.PredictionsTotal != 1 || got.HintsUsed != 2 || got.Status != InProgress {
		t.Errorf("%+v", got)
	}
}
