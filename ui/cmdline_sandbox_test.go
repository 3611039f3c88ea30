package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/cmdline"
	"kafkasim/ui/simview"
	"kafkasim/ui/whatif"
)

// outputText is the command line's output as plain text.
func outputText(s *simview.Screen) string {
	var b strings.Builder
	for _, l := range s.Cmdline.Out {
		b.WriteString(l.Text + "\n")
	}
	return b.String()
}

// TestSandboxWalkthrough types the course's CLI walkthrough into the
// sandbox screen on the real sandbox package, and expects Kafka's answers
// and the panes to show the same cluster.
func TestSandboxWalkthrough(t *testing.T) {
	m := newModel(Options{Sandbox: true}, plainStyles(), defaultDeps())
	m = runCmd(m, m.Init())
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 36})
	m = next.(Model)
	s := m.sim
	if s == nil || !s.Cmdline.IsOpen() {
		t.Fatal("the sandbox should open on the simulator with the command line open")
	}
	s.Pause()
	bs := "--bootstrap-server localhost:9092"
	steps := []struct{ line, want string }{
		{"kafka-topics " + bs + " --create --topic orders --partitions 3 --replication-factor 1", "Created topic orders."},
		{"kafka-topics " + bs + " --list", "orders"},
		{"kafka-topics " + bs + " --describe --topic orders", "PartitionCount: 3"},
		{"kafka-console-producer " + bs + " --topic orders", ""},
		{"first", ""}, {"second", ""}, {"third", ""},
	}
	for _, st := range steps {
		enterLine(s, st.line)
		if !strings.Contains(outputText(s), st.want) {
			t.Fatalf("after %q want %q in:\n%s", st.line, st.want, outputText(s))
		}
	}
	if !s.Cmdline.Input {
		t.Fatalf("the console producer should be reading records:\n%s", outputText(s))
	}
	send(s, keyMsg("esc"))
	enterLine(s, "kafka-console-consumer "+bs+" --topic orders --from-beginning --group billing --max-messages 3")
	out := outputText(s)
	for _, v := range []string{"first", "second", "third"} {
		if strings.Count(out, v) < 2 { // typed once, consumed once
			t.Fatalf("the consumer should print %q:\n%s", v, out)
		}
	}
	enterLine(s, "kafka-consumer-groups "+bs+" --describe --group billing")
	if !strings.Contains(outputText(s), "CURRENT-OFFSET") {
		t.Fatalf("describe should print the offsets table:\n%s", outputText(s))
	}
	if len(s.Snap.Topics) != 1 || s.Snap.Topics[0].Name != "orders" || len(s.Snap.Topics[0].Partitions) != 3 {
		t.Fatalf("the panes should show topic orders with 3 partitions: %+v", s.Snap.Topics)
	}
	if len(s.Hand) == 0 {
		t.Fatal("the commands should be on the timeline")
	}
}

// TestCmdlineOnAScenario attaches a session to a playing scenario's run.
func TestCmdlineOnAScenario(t *testing.T) {
	s := realScreen(t, loadSpec(t, "at-least-once"), 120, 36, 3_000)
	s.Shells = cmdline.SandboxShells()
	send(s, keyMsg(":"))
	enterLine(s, "kafka-topics --bootstrap-server localhost:9092 --list")
	if !strings.Contains(outputText(s), "orders") {
		t.Fatalf("the scenario's topic should be listed:\n%s", outputText(s))
	}
}

// TestWhatIfInTheSandbox changes a setting of a topic made at the command
// line: the what-if finds it among the commands and replays the session.
func TestWhatIfInTheSandbox(t *testing.T) {
	m := newModel(Options{Sandbox: true}, plainStyles(), defaultDeps())
	m = runCmd(m, m.Init())
	s := m.sim
	s.Pause()
	bs := "--bootstrap-server localhost:9092"
	for _, l := range []string{"kafka-topics " + bs + " --create --topic orders --partitions 1 --replication-factor 3",
		"kafka-console-producer " + bs + " --topic orders", "one", "two"} {
		enterLine(s, l)
	}
	send(s, keyMsg("esc"))
	enterLine(s, "kafka-console-consumer "+bs+" --topic orders --from-beginning --group billing --max-messages 2")
	send(s, keyMsg("esc")) // close the command line
	world := whatif.WhatIfWorld{Cfg: &s.Spec.Config, Hand: s.Hand}
	st := whatif.WhatIfSettings[whatif.IndexOf(whatif.WhatIfSettings, "min.insync.replicas")]
	if got := st.Targets(world); len(got) != 1 || got[0] != "orders" {
		t.Fatalf("the topic made by hand should be a target: %v", got)
	}
	r, _ := whatif.Run(whatif.Request{Spec: s.Spec, Hand: s.Hand, Setting: st, Target: "orders", Value: "3", UntilMs: s.Run.Now() + 5_000}, neverPause)
	if r.A.Err != nil || r.B.Err != nil || len(r.A.Skipped)+len(r.B.Skipped) > 0 {
		t.Fatalf("both branches should replay the session: %v %v %v %v", r.A.Err, r.B.Err, r.A.Skipped, r.B.Skipped)
	}
	if !strings.Contains(r.Verdict, "min.insync.replicas=1: ") || !strings.Contains(r.Verdict, "min.insync.replicas=3: ") {
		t.Fatalf("verdict %q", r.Verdict)
	}
	if s.Hand[0].Cmd.TopicSpec.MinInsyncReplicas != 1 {
		t.Fatal("the what-if must not change the run's own commands")
	}
}
