package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Write replaces a file whole, with the permissions asked for, and leaves
// no temporary file behind.
func TestWriteReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "progress.json")
	for _, data := range []string{"first", "second"} {
		if err := Write(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != data {
			t.Fatalf("the file holds %q, want %q", got, data)
		}
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("permissions %v, want 0600", fi.Mode().Perm())
	}
	onlyFile(t, dir, "progress.json")
}

// Create never replaces a file: one there before, or one made meanwhile.
func TestCreateKeepsAnExistingFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "session.toml")
	if err := Create(path, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Create(path, []byte("theirs"), 0o644)
	if err == nil || !strings.Contains(err.Error(), "exists: not replacing it") {
		t.Fatalf("a second Create said %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "mine" {
		t.Fatalf("the file holds %q after a refused Create", got)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Fatalf("permissions %v, want 0644", fi.Mode().Perm())
	}
	onlyFile(t, dir, "session.toml")
}

func onlyFile(t *testing.T, dir, name string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != name {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("the directory holds %v, want only %s", names, name)
	}
}
