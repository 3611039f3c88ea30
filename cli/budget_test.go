package cli

import (
	"fmt"
	"kafkasim/internal/cputime"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"kafkasim/scenarios"
)

// bigScenario is the run that validated and then took days: 50
// brokers, 1,000 topics of 10 partitions, for 720 hours.
func bigScenario(t *testing.T) string {
	var b strings.Builder
	b.WriteString("duration = \"720h\"\n[cluster]\nbrokers = 50\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "[[topic]]\nname = \"t%d\"\npartitions = 10\nreplication_factor = 3\n", i)
	}
	path := filepath.Join(t.TempDir(), "big.toml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestValidateAndRunRefuseWhatIsOverBudget(t *testing.T) {
	path := bigScenario(t)
	code, _, stderr := invoke(Validate, path)
	if code != 2 || !strings.Contains(stderr, "machine time") || !strings.Contains(stderr, "--budget") {
		t.Fatalf("validate: code %d, stderr %q", code, stderr)
	}
	if code, _, _ := invoke(Validate, path, "--budget", "100h"); code != 0 {
		t.Errorf("validate --budget 100h: code %d", code)
	}
	took := cputime.Of(func() { code, _, stderr = invoke(Run, path) })
	if code != 2 || !strings.Contains(stderr, "fewer partitions") || took > 10*time.Second {
		t.Fatalf("run: code %d after %v of CPU, stderr %q", code, took, stderr)
	}
	if code, _, stderr := invoke(Run, path, "--budget", "forever"); code != 2 || !strings.Contains(stderr, "not a duration") {
		t.Errorf("bad --budget: code %d, %q", code, stderr)
	}
}

// lockedBuffer is a writer two goroutines may share.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Ctrl-C stops a long run cleanly: the summary of what ran is printed and
// the exit status is 130.
func TestRunStopsOnCtrlC(t *testing.T) {
	path := filepath.Join(t.TempDir(), "long.toml")
	src := "duration = \"720h\"\n[[topic]]\nname = \"t\"\npartitions = 3\nreplication_factor = 3\n" +
		"[[producer]]\nid = \"p\"\ntopic = \"t\"\nrate = 1\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr lockedBuffer
	done := make(chan int, 1)
	go func() { done <- Run([]string{path, "--budget", "7h"}, &stdout, &stderr) }()
	for deadline := time.Now().Add(30 * time.Second); stdout.String() == ""; {
		if time.Now().After(deadline) {
			t.Fatal("the run printed nothing")
		}
		time.Sleep(10 * time.Millisecond)
	}
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case code := <-done:
		if code != 130 {
			t.Errorf("exit %d, want 130; stderr %q", code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Ctrl-C did not stop the run")
	}
	if !strings.Contains(stderr.String(), "stopped at") || !strings.Contains(stdout.String(), "digest") {
		t.Errorf("want the summary and a note; stderr %q, stdout ends %q", stderr.String(), tail(stdout.String()))
	}
}

func tail(s string) string { return s[max(len(s)-300, 0):] }

func TestProgressBarDrawsAndClears(t *testing.T) {
	var buf strings.Builder
	w := &runWatch{stderr: &buf, terminal: true, show: true, start: time.Now().Add(-2 * time.Second)}
	w.progress(scenariosProgress(30_000, 60_000, 1234))
	if got := buf.String(); !strings.Contains(got, "████████████░░░░░░░░░░░░") || !strings.Contains(got, "1,234 records") {
		t.Errorf("bar %q", got)
	}
	out := w.output(&strings.Builder{})
	out.Write([]byte("summary\n"))
	if !strings.HasSuffix(buf.String(), "\r\x1b[K") {
		t.Errorf("the bar was not cleared before output: %q", buf.String())
	}
}

func scenariosProgress(now, until, acked int64) scenarios.Progress {
	return scenarios.Progress{NowMs: now, UntilMs: until, Acked: acked}
}
