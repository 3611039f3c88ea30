package cli

import (
	"strings"
	"testing"
)

// TestReplayBadInput: every mistake is refused with exit 2 and a hint
// before anything connects to a cluster.
func TestReplayBadInput(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--bootstrap-server", "localhost:9092"}, "give one scenario"},
		{[]string{"at-least-once"}, "--bootstrap-server HOST:PORT: which cluster?"},
		{[]string{"at-least-once", "--bootstrap-server", "h:1", "--speed", "0"}, "--speed"},
		{[]string{"at-least-once", "--bootstrap-server", "h:1", "--on", "crash-consumer=kill"}, "not a broker fault"},
		{[]string{"at-least-once", "--bootstrap-server", "h:1", "--on", "crash-broker"}, "want KIND=COMMAND"},
		{[]string{"no-such-scenario", "--bootstrap-server", "h:1"}, "no such file"},
	}
	for _, tc := range tests {
		code, out, errOut := invoke(Replay, tc.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: code %d, stdout %q, stderr %q; want 2 and %q", tc.args, code, out, errOut, tc.want)
		}
	}
}
