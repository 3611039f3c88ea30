//go:build unix

package state

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// loadQuickly runs Load and fails the test if it does not return within a
// few seconds (a named pipe used to block it for ever).
func loadQuickly(t *testing.T, dir, name string) (warning, err error) {
	t.Helper()
	type result struct{ w, e error }
	done := make(chan result, 1)
	go func() {
		var v map[string]int
		w, e := Load(dir, name, &v)
		done <- result{w, e}
	}()
	select {
	case r := <-done:
		return r.w, r.e
	case <-time.After(5 * time.Second):
		t.Fatal("Load did not return")
	}
	return nil, nil
}

func TestLoadRefusesANamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "p.json"), 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	_, err := loadQuickly(t, dir, "p.json")
	if err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") || !strings.Contains(err.Error(), filepath.Join(dir, "p.json")) {
		t.Fatalf("err = %v", err)
	}
}

func TestLoadRefusesALinkToDevZero(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "z.json")); err != nil {
		t.Skip(err)
	}
	_, err := loadQuickly(t, dir, "z.json")
	if err == nil || !strings.Contains(err.Error(), "a device") {
		t.Fatalf("err = %v", err)
	}
}

func TestLoadRefusesAHugeFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "h.json"), make([]byte, MaxFileBytes+1), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := loadQuickly(t, dir, "h.json"); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("err = %v", err)
	}
}

// A damaged file whose backup cannot be written (the .bak name is taken
// by a directory that is not empty) is reported as not backed up, and
// SafeToSave says not to save over it.
func TestDamagedFileWithUnwritableBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(path+BackupSuffix, "full"), 0o755); err != nil {
		t.Fatal(err)
	}
	warning, err := loadQuickly(t, dir, "d.json")
	if err != nil || warning == nil || SafeToSave(warning) {
		t.Fatalf("warning %v, err %v, safe %v", warning, err, SafeToSave(warning))
	}
	if !strings.Contains(warning.Error(), path) || !strings.Contains(warning.Error(), "delete it to reset") {
		t.Errorf("the warning should say where the file is and how to reset: %v", warning)
	}
	os.RemoveAll(path + BackupSuffix)
	warning, _ = loadQuickly(t, dir, "d.json")
	if !SafeToSave(warning) {
		t.Errorf("backed up, it is safe to save: %v", warning)
	}
}
