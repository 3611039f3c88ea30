package simview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kafkasim/scenarios"
)

// x to a file that exists asks first: another name is written instead, no
// answer keeps the file, y replaces it.
func TestShareAsksBeforeReplacingAFile(t *testing.T) {
	s := realScreen(t, loadSpec(t, "the-log"), 120, 36, 3_000)
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.toml")
	if err := os.WriteFile(path, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	send(s, keyMsg("x"))
	typeText(s, path)
	send(s, keyMsg("enter"))
	if !s.Prompt.IsOpen() || !strings.Contains(s.Prompt.Title, "Replace") {
		t.Fatalf("should ask before replacing; prompt open %v, title %q, status %q", s.Prompt.IsOpen(), s.Prompt.Title, s.Status)
	}
	other := filepath.Join(dir, "other.toml")
	typeText(s, other)
	send(s, keyMsg("enter"))
	if got, _ := os.ReadFile(path); string(got) != "precious" {
		t.Fatal("the existing file was replaced")
	}
	if _, err := os.Stat(other); err != nil || !strings.Contains(s.Status, "wrote "+other) {
		t.Fatalf("another name should be written instead: %v, status %q", err, s.Status)
	}

	send(s, keyMsg("x"))
	typeText(s, path)
	send(s, keyMsg("enter"))
	send(s, keyMsg("esc"))
	if got, _ := os.ReadFile(path); string(got) != "precious" {
		t.Fatal("esc replaced the file")
	}

	send(s, keyMsg("x"))
	typeText(s, path)
	send(s, keyMsg("enter"))
	typeText(s, "y")
	send(s, keyMsg("enter"))
	if _, err := scenarios.Load(path); err != nil || !strings.Contains(s.Status, "wrote "+path) {
		t.Fatalf("y should replace it with the run: %v, status %q", err, s.Status)
	}
}

// A run at the largest seed is shared and loads back with its seed.
func TestShareTheLargestSeed(t *testing.T) {
	spec := loadSpec(t, "the-log").WithSeed(1<<64 - 1)
	s := realScreen(t, spec, 120, 36, 3_000)
	path := filepath.Join(t.TempDir(), "big.toml")
	send(s, keyMsg("x"))
	typeText(s, path)
	send(s, keyMsg("enter"))
	sc, err := scenarios.Load(path)
	if err != nil || sc.Seed != 1<<64-1 {
		t.Fatalf("status %q; loaded %v, %v", s.Status, sc, err)
	}
}
