package cli

import (
	"io"
	"runtime/debug"
	"strings"
	"testing"
)

// Only the terminal UI lowers the garbage collector's target (ui.Run): a
// headless run throws little away and keeps the default.
func TestRunKeepsTheCollectorsTarget(t *testing.T) {
	was := debug.SetGCPercent(100)
	defer debug.SetGCPercent(was)
	_, interactive, code := Dispatch([]string{"run", "acks", "--quiet"}, strings.NewReader(""), io.Discard, io.Discard)
	if interactive || code != 0 {
		t.Fatalf("run acks: interactive %v, exit %d", interactive, code)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("kafkasim run left GC percent %d, want 100", got)
	}
}
