package ui

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/internal/cputime"
	"kafkasim/ui/cmdline"
	"kafkasim/ui/components"
	"kafkasim/ui/simview"
)

// sandboxScreen is the sandbox screen on the real sandbox package, paused,
// with the command line open.
func sandboxScreen(t *testing.T) *simview.Screen {
	t.Helper()
	m := newModel(Options{Sandbox: true}, plainStyles(), defaultDeps())
	m = runCmd(m, m.Init())
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 36})
	s := next.(Model).sim
	if s == nil || !s.Cmdline.IsOpen() {
		t.Fatal("the sandbox should open with the command line open")
	}
	s.Pause()
	return s
}

// pauseCollector turns the garbage collector off for the rest of the test,
// from an empty start: its cycles would count as CPU in whichever slice
// they land in, measuring the heap rather than the slicing.
func pauseCollector(t testing.TB) {
	runtime.GC()
	old := debug.SetGCPercent(-1)
	t.Cleanup(func() { debug.SetGCPercent(old) })
}

// startLine types line and presses enter, returning the command that runs
// its next slice (nil when it ended at once).
func startLine(s *simview.Screen, line string) tea.Cmd {
	send(s, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(line)})
	return s.Update(keyMsg("enter"))
}

// finishJob runs a command's slices to its end, returning the longest time
// one Update took.
func finishJob(t *testing.T, s *simview.Screen, cmd tea.Cmd) time.Duration {
	t.Helper()
	var longest time.Duration
	for n := 0; cmd != nil; n++ {
		if n > 1_000_000 {
			t.Fatal("the command never ended")
		}
		msg := cmd()
		longest = max(longest, cputime.Of(func() { cmd = s.Update(msg) }))
	}
	return longest
}

// The endless console consumer runs in slices: a key sent while it runs
// is answered at once (esc stops it, as Ctrl-C stops the real tool) and
// the command ends with the consumer's summary.
func TestEndlessConsumerAnswersKeys(t *testing.T) {
	defer func(d time.Duration) { cmdline.Slice = d }(cmdline.Slice)
	cmdline.Slice = 0 // hand back at every pause, so the command is surely still running
	s := sandboxScreen(t)
	enterLine(s, "kafka-topics --bootstrap-server localhost:9092 --create --topic t --partitions 3 --replication-factor 3")
	before := s.Run.Now()
	cmd := startLine(s, "kafka-console-consumer --bootstrap-server localhost:9092 --topic t --timeout-ms 100000000000000")
	if cmd == nil || s.Cmdline.Busy == nil {
		t.Fatalf("the consumer should still be running:\n%s", outputText(s))
	}
	if v := s.View(); !strings.Contains(v, "running…") {
		t.Errorf("no spinner while the command runs:\n%s", v)
	}
	cmd = s.Update(cmd()) // one more slice
	var c tea.Cmd
	took := cputime.Of(func() { c = s.Update(keyMsg("esc")) })
	if c != nil {
		t.Errorf("esc while running should not start anything")
	}
	if took > 100*time.Millisecond {
		t.Errorf("esc took %v to answer", took)
	}
	if !strings.Contains(s.Status, "stopping") || !s.Cmdline.IsOpen() {
		t.Errorf("esc should stop the command, not close the command line (status %q)", s.Status)
	}
	finishJob(t, s, cmd)
	out := outputText(s)
	if s.Cmdline.Busy != nil || !strings.Contains(out, "^C") || !strings.Contains(out, "Processed a total of 0 messages") {
		t.Fatalf("the consumer should stop with ^C and its summary:\n%s", out)
	}
	if moved := s.Run.Now() - before; moved >= 300_000 {
		t.Errorf("the clock moved %dms: the stop came too late", moved)
	}
	enterLine(s, "kafka-topics --bootstrap-server localhost:9092 --list")
	if !strings.HasSuffix(strings.TrimSpace(outputText(s)), "t") {
		t.Errorf("the command line should take commands again:\n%s", outputText(s))
	}
}

// With the real slice length, no Update of a heavy command (an hour of a
// busy cluster) keeps the screen longer than a key may wait.
func TestHeavyCommandSlicesStayShort(t *testing.T) {
	s := sandboxScreen(t)
	enterLine(s, "kafka-topics --bootstrap-server localhost:9092 --create --topic t --partitions 200 --replication-factor 3")
	enterLine(s, "add consumer g t")
	cmd := startLine(s, "play 1h")
	pauseCollector(t)
	longest := finishJob(t, s, cmd)
	t.Logf("longest slice: %v", longest)
	// 100 ms is the aim; the margin is for a loaded test machine.
	if longest > 300*time.Millisecond {
		t.Errorf("one slice took %v", longest)
	}
	if !strings.Contains(outputText(s), "Played") {
		t.Errorf("play did not finish:\n%s", outputText(s))
	}
}

// The screen drops what a terminal would act on: bidirectional overrides
// and isolates as well as escapes.
func TestSanitizeDropsBidiControls(t *testing.T) {
	if got := components.Sanitize("a\u202eb\u2066c\x1b[2Jd\u009be"); got != "abcde" && got != "abc[2Jde" {
		t.Errorf("sanitize = %q", got)
	}
	if strings.ContainsAny(components.Sanitize("x\u202e\u2067\u200f"), "\u202e\u2067\u200f") {
		t.Error("bidi controls pass")
	}
}
