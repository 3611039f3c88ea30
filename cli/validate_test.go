package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidateGoodAndBad(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(good, []byte("title = \"fine\"\n[[topic]]\nname = \"t\"\n"), 0o644)
	os.WriteFile(bad, []byte("title = \"broken\"\n[[topic]]\nname = \"t\"\npartitions = 0\ncolour = 1\n"), 0o644)

	code, out, errOut := invoke(Validate, good)
	if code != 0 || !strings.Contains(out, "good.toml: ok: fine") || errOut != "" {
		t.Errorf("good: code %d out %q err %q", code, out, errOut)
	}
	code, out, errOut = invoke(Validate, good, bad)
	if code != 2 {
		t.Errorf("bad: code %d", code)
	}
	for _, want := range []string{"bad.toml:4: topic.partitions: 0 is out of range", "bad.toml:5: topic.colour: unknown key"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "good.toml: ok") {
		t.Errorf("the good file was not reported: %q", out)
	}
}

func TestValidateUsage(t *testing.T) {
	if code, _, errOut := invoke(Validate); code != 2 || !strings.Contains(errOut, "no files") {
		t.Errorf("code %d err %q", code, errOut)
	}
	if code, _, errOut := invoke(Validate, "/no/such/file.toml"); code != 2 || !strings.Contains(errOut, "no such file") {
		t.Errorf("code %d err %q", code, errOut)
	}
}

func TestValidateBuiltIns(t *testing.T) {
	code, out, errOut := invoke(Validate, "the-log", "at-least-once")
	if code != 0 {
		t.Fatalf("code %d\n%s%s", code, out, errOut)
	}
}
