package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// TestFramePlainWithNoColor: NO_COLOR set and not empty gives plain text,
// exactly the terminal's height, no line wider than it, and the clock at
// the asked time.
func TestFramePlainWithNoColor(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	code, out, errOut := invoke(Frame, "at-least-once", "--at", "35s", "--size", "80x24")
	if code != 0 || errOut != "" {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("NO_COLOR frame has escape sequences:\n%s", out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 24 {
		t.Errorf("want 24 lines, got %d", len(lines))
	}
	for i, l := range lines {
		if n := utf8.RuneCountInString(l); n > 80 {
			t.Errorf("line %d is %d cells wide: %q", i, n, l)
		}
	}
	if !strings.Contains(out, "35.000s") {
		t.Errorf("the frame does not show 35.000s:\n%s", out)
	}
}

// TestFrameColourByDefault: with NO_COLOR empty (set but empty counts as
// unset, as no-color.org says), the frame is in ANSI colour, and the
// same arguments print the same bytes.
func TestFrameColourByDefault(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	_, a, _ := invoke(Frame, "at-least-once", "--at", "12s", "--size", "100x30", "--focus", "groups")
	_, b, _ := invoke(Frame, "at-least-once", "--at=12s", "--size=100×30", "--focus=groups")
	if !strings.Contains(a, "\x1b[") || !strings.Contains(a, "38;2;") {
		t.Errorf("no 24-bit colour in:\n%s", a)
	}
	if a != b {
		t.Error("the same frame printed different bytes")
	}
	lines := strings.Split(strings.TrimSuffix(a, "\n"), "\n")
	if len(lines) != 30 {
		t.Errorf("want 30 lines, got %d", len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > 100 {
			t.Errorf("line %d is %d cells wide", i, w)
		}
	}
	if plain := ansi.Strip(a); !strings.Contains(plain, "▶ GROUPS") {
		t.Errorf("--focus groups does not focus the groups pane:\n%s", plain)
	}
}

// TestFrameSeedChangesTheRun: --seed replaces the scenario's seed, as in
// play and run.
func TestFrameSeedChangesTheRun(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	_, out, _ := invoke(Frame, "at-least-once", "--at", "5s", "--seed", "42")
	if !strings.Contains(out, "seed 42") {
		t.Errorf("the header does not show seed 42:\n%s", out)
	}
}

func TestFrameBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("title = \"broken\"\n[[topic]]\nname = \"t\"\npartitions = 0\n"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"at-least-once"}, "--at is needed"},
		{[]string{}, "which scenario?"},
		{[]string{"a", "b", "--at", "1s"}, "one scenario at a time"},
		{[]string{"at-least-once", "--at", "soon"}, `--at: "soon" is not a duration`},
		{[]string{"at-least-once", "--at", "1s", "--size", "80by24"}, "--size: 80by24 is not a size"},
		{[]string{"at-least-once", "--at", "1s", "--size", "5x5"}, "out of range"},
		{[]string{"at-least-once", "--at", "1s", "--focus", "brokers"}, "--focus: no pane brokers: pick from cluster, logs"},
		{[]string{"no-such-scenario", "--at", "1s"}, "no-such-scenario"},
		{[]string{bad, "--at", "1s"}, "bad.toml:4: topic.partitions"},
		{[]string{"at-least-once", "--at", "1s", "--bogus"}, "flag provided but not defined"},
	} {
		code, out, errOut := invoke(Frame, c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: code %d, out %q, stderr %q (want %q)", c.args, code, out, errOut, c.want)
		}
	}
}

func TestFrameHelp(t *testing.T) {
	code, out, _ := invoke(Main, "frame", "--help")
	if code != 0 || !strings.Contains(out, "Usage: kafkasim frame SCENARIO --at DURATION") || !strings.Contains(out, "NO_COLOR") {
		t.Errorf("code %d, help %q", code, out)
	}
	if _, top, _ := invoke(Main, "--help"); !strings.Contains(top, "kafkasim frame SCENARIO") {
		t.Error("the top-level help does not list frame")
	}
}
