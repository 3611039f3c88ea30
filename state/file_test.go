package state

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type progress struct {
	Passed   []int          `json:"passed"`
	Attempts map[string]int `json:"attempts"`
}

func TestLoadMissingFileIsFresh(t *testing.T) {
	dir := t.TempDir()
	p := progress{Passed: []int{7}}
	warn, err := Load(filepath.Join(dir, "nowhere"), "p.json", &p)
	if warn != nil || err != nil {
		t.Fatalf("Load = %v, %v; want nil, nil", warn, err)
	}
	if len(p.Passed) != 1 || p.Passed[0] != 7 {
		t.Errorf("fresh value changed: %+v", p)
	}
}

func TestSaveThenLoad(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "deep", "er")
	in := progress{Passed: []int{1, 2}, Attempts: map[string]int{"3": 4}}
	if err := Save(dir, "p.json", in); err != nil {
		t.Fatal(err)
	}
	var out progress
	warn, err := Load(dir, "p.json", &out)
	if warn != nil || err != nil {
		t.Fatalf("Load = %v, %v", warn, err)
	}
	if len(out.Passed) != 2 || out.Attempts["3"] != 4 {
		t.Errorf("round trip: got %+v", out)
	}
}

func TestSaveIsAtomic(t *testing.T) {
	dir := t.TempDir()
	if err := Save(dir, "p.json", progress{Passed: []int{1}}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "p.json"))

	// A value that cannot be encoded must leave the old file whole.
	if err := Save(dir, "p.json", map[string]any{"bad": make(chan int)}); err == nil {
		t.Fatal("Save of a channel succeeded")
	}
	after, _ := os.ReadFile(filepath.Join(dir, "p.json"))
	if string(before) != string(after) {
		t.Errorf("failed Save changed the file:\n%s\n---\n%s", before, after)
	}

	// A second good save replaces the file and leaves no temporary behind.
	if err := Save(dir, "p.json", progress{Passed: []int{1, 2, 3}}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "p.json" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only p.json", names)
	}
}

func TestSaveOverReadOnlyTargetFails(t *testing.T) {
	// A directory in place of the file makes the rename fail: the error must
	// surface and no temporary file may be left behind.
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "p.json", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Save(dir, "p.json", progress{}); err == nil {
		t.Fatal("Save over a directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left %d entries, want 1", len(entries))
	}
}

func TestLoadCorruptKeepsBackup(t *testing.T) {
	for name, body := range map[string]string{
		"not json":   "{passed: [1,",
		"wrong type": `{"passed": "yes"}`,
		"empty":      "",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "p.json")
			if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			p := progress{Passed: []int{9}}
			warn, err := Load(dir, "p.json", &p)
			if err != nil {
				t.Fatalf("err = %v, want nil", err)
			}
			if warn == nil || !strings.Contains(warn.Error(), "p.json.bak") {
				t.Fatalf("warning = %v, want one naming the backup", warn)
			}
			if len(p.Passed) != 1 || p.Passed[0] != 9 {
				t.Errorf("damaged file leaked into the value: %+v", p)
			}
			bak, err := os.ReadFile(path + BackupSuffix)
			if err != nil || string(bak) != body {
				t.Errorf("backup = %q, %v; want %q", bak, err, body)
			}
			// The caller saves fresh progress; the next load is clean.
			if err := Save(dir, "p.json", p); err != nil {
				t.Fatal(err)
			}
			if warn, err := Load(dir, "p.json", &p); warn != nil || err != nil {
				t.Errorf("second Load = %v, %v", warn, err)
			}
		})
	}
}

func TestBadArguments(t *testing.T) {
	dir := t.TempDir()
	var p progress
	for _, name := range []string{"", "..", "a/b", `a\b`, "p.json.bak"} {
		if err := Save(dir, name, p); err == nil {
			t.Errorf("Save(%q) succeeded", name)
		}
		if _, err := Load(dir, name, &p); err == nil {
			t.Errorf("Load(%q) succeeded", name)
		}
	}
	if _, err := Load(dir, "p.json", p); err == nil {
		t.Error("Load into a non-pointer succeeded")
	}
	if _, err := Load(dir, "p.json", (*progress)(nil)); err == nil {
		t.Error("Load into a nil pointer succeeded")
	}
}
