package cli

import (
	"bytes"
	"encoding/json"
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
	var errOut bytes.Buffer
	code := Run([]string{"the-log", "--until", "720h"}, &bytes.Buffer{}, &errOut)
	if code == 0 && errOut.Len() > 0 {
		t.Errorf("code %d err %q", code, errOut.String())
	}
}
