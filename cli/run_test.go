package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunJSONIsDeterministic(t *testing.T) {
	code1, out1, err1 := invoke(Run, "at-least-once", "--json", "--seed", "3")
	code2, out2, _ := invoke(Run, "--seed", "3", "--json", "at-least-once")
	if code1 == 2 {
		t.Fatalf("run failed: %s", err1)
	}
	if code1 != code2 || out1 != out2 {
		t.Fatalf("two runs with seed 3 differ")
	}
	lines := strings.Split(strings.TrimSuffix(out1, "\n"), "\n")
	var last struct {
		Type   string `json:"type"`
		Seed   uint64 `json:"seed"`
		Digest string `json:"digest"`
	}
	for i, l := range lines {
		if !json.Valid([]byte(l)) {
			t.Fatalf("line %d is not JSON: %s", i+1, l)
		}
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &last); err != nil || last.Type != "summary" || last.Seed != 3 || len(last.Digest) != 64 {
		t.Fatalf("summary line: %+v %v", last, err)
	}
	// The digest is the same whatever the output flags.
	_, text, _ := invoke(Run, "at-least-once", "--seed", "3", "--quiet")
	if !strings.Contains(text, last.Digest) {
		t.Errorf("--quiet summary lacks the JSON run's digest %s", last.Digest)
	}
}

func TestRunQuietPrintsOnlySummary(t *testing.T) {
	_, full, _ := invoke(Run, "the-log")
	_, quiet, _ := invoke(Run, "the-log", "--quiet")
	if !strings.HasSuffix(full, quiet) || !strings.HasPrefix(quiet, "scenario  the-log") {
		t.Errorf("quiet output is not the summary of the full one:\n%s", quiet)
	}
}

func TestRunBadInput(t *testing.T) {
	cases := map[string][]string{
		"no scenario":   {},
		"two scenarios": {"the-log", "acks"},
		"bad seed":      {"the-log", "--seed", "-1"},
		"bad until":     {"the-log", "--until", "soon"},
		"zero until":    {"the-log", "--until", "0s"},
		"unknown":       {"no-such-scenario"},
		"unknown flag":  {"the-log", "--fast"},
	}
	for name, args := range cases {
		code, out, errOut := invoke(Run, args...)
		if code != 2 || errOut == "" || strings.Contains(errOut, "goroutine") {
			t.Errorf("%s: code %d, out %q, err %q", name, code, out, errOut)
		}
	}
}

func TestRunUntilOverLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fast.toml")
	src := "[[topic]]\nname = \"t\"\n[[producer]]\nid = \"p\"\ntopic = \"t\"\nrate = 1000\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := invoke(Run, path, "--until", "720h")
	if code != 2 || out != "" || !strings.Contains(errOut, "more than the limit") {
		t.Errorf("code %d, out %q, err %q", code, out, errOut)
	}
}

func TestRunExitCodes(t *testing.T) {
	if code, _, errOut := invoke(Run, "the-log", "--quiet"); code != 0 {
		t.Errorf("the-log: code %d %s", code, errOut)
	}
	// Cut short, the-log's expectations cannot hold yet: exit 1.
	if code, out, _ := invoke(Run, "the-log", "--quiet", "--until", "5s"); code != 1 || !strings.Contains(out, "FAIL") {
		t.Errorf("the-log --until 5s: code %d\n%s", code, out)
	}
}
