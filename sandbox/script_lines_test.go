package sandbox

import (
	"kafkasim/internal/cputime"
	"strings"
	"testing"
	"time"
)

// A line over the limit is an error that names its line, not
// "bufio.Scanner: token too long".
func TestScriptLongLineNamesItsLine(t *testing.T) {
	s := newSession(t, 1)
	script := "list\n# two\n" + strings.Repeat("x", maxScriptLine+10) + "\nlist\n"
	var out strings.Builder
	_, err := s.RunScript(strings.NewReader(script), &out, false)
	if err == nil || !strings.Contains(err.Error(), "line 3 is longer than the limit") {
		t.Fatalf("err = %v", err)
	}
	// A line just under the limit is read whole.
	s = newSession(t, 1)
	_, err = s.RunScript(strings.NewReader("# "+strings.Repeat("y", maxScriptLine-10)+"\n"), &out, false)
	if err != nil {
		t.Fatalf("a line under the limit: %v", err)
	}
}

// A hundred thousand continuation lines join in linear time (they took
// 42 s when each join copied the command so far), and a joined command
// over the limit names where it started.
func TestScriptContinuationLinesAreLinear(t *testing.T) {
	s := newSession(t, 1)
	script := "kafka-topics --bootstrap-server localhost:9092 --list \\\n" + strings.Repeat("  --list \\\n", 100_000) + "\n"
	var out strings.Builder
	var err error
	took := cputime.Of(func() { _, err = s.RunScript(strings.NewReader(script), &out, false) })
	if err != nil {
		t.Fatal(err)
	}
	if took > 5*time.Second {
		t.Errorf("took %v", took)
	}
	s = newSession(t, 1)
	long := "list \\\n" + strings.Repeat(strings.Repeat("z", 1000)+" \\\n", 2000) + "\n"
	_, err = s.RunScript(strings.NewReader(long), &out, false)
	if err == nil || !strings.Contains(err.Error(), "continued from line 1") {
		t.Fatalf("err = %v", err)
	}
}
