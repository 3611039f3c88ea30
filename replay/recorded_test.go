package replay

import (
	"context"
	"strings"
	"testing"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// TestRecordedSessionIsRefused: an exported live session is made of the
// learner's own clients' requests; replay says so at once instead of
// skipping every entry with a note.
func TestRecordedSessionIsRefused(t *testing.T) {
	sc := &scenarios.Scenario{Name: "session", File: "session.toml", Timeline: []sim.Scheduled{
		{AtMs: 10, Cmd: sim.Command{Kind: sim.CmdClientRequest}},
		{AtMs: 20, Cmd: sim.Command{Kind: sim.CmdClientRequest}},
	}}
	_, err := Run(context.Background(), sc, Options{Bootstrap: []string{"127.0.0.1:1"}})
	if err == nil || !strings.Contains(err.Error(), "recorded live session (2 client requests)") ||
		!strings.Contains(err.Error(), "kafkasim run session.toml") {
		t.Fatalf("got %v", err)
	}
}
