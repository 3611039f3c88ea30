package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"kafkasim/sim"
	"kafkasim/ui/cmdline"
	"kafkasim/ui/keys"
	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
)

// fakeShell answers every line with a fixed text, so the command line can
// be tested without package sandbox. "produce" starts input mode; "fail"
// fails with a hint.
type fakeShell struct {
	run   *sim.Run
	lines []string // every line given to Exec
	input bool
	ended int
}

func (f *fakeShell) Exec(line string) cmdline.Result {
	f.lines = append(f.lines, line)
	switch {
	case f.input:
		return cmdline.Result{InputMode: true}
	case line == "produce":
		f.input = true
		return cmdline.Result{InputMode: true}
	case line == "fail":
		return cmdline.Result{Output: "fail: no such thing\nhint: try help\n", Err: true}
	}
	return cmdline.Result{Output: "ran " + line + "\nTopic: orders\tPartitionCount: 3\tReplicationFactor: 1\n"}
}

func (f *fakeShell) EndInput() cmdline.Result {
	f.input = false
	f.ended++
	return cmdline.Result{}
}

func (f *fakeShell) Complete(line string) []string {
	var out []string
	for _, c := range []string{"kafka-topics", "kafka-console-producer", "kafka-console-consumer", "kafka-consumer-groups",
		"kafka-topics --create", "kafka-topics --describe"} {
		if strings.HasPrefix(c, line) && c != line {
			out = append(out, c)
		}
	}
	return out
}

func (f *fakeShell) Run() *sim.Run { return f.run }

// fakeShellScreen is a simulator screen on an empty 3-broker cluster driven
// by a fakeShell, with the command line open, at w×h.
func fakeShellScreen(t *testing.T, w, h int) (*simview.Screen, *fakeShell) {
	t.Helper()
	sh := &fakeShell{}
	newShell := func(brokers int, seed uint64) (cmdline.Shell, error) {
		r, err := sim.NewRun(sim.Config{Seed: seed, Cluster: sim.DefaultCluster(brokers)}, nil)
		sh.run = r
		return sh, err
	}
	s := simview.New(plainStyles(), keys.NewSim(keys.NewGlobal()), cmdline.EmptySandboxSpec(3), cmdline.ShellStart(newShell, 3))
	s.SetSize(w, h)
	send(s, keyMsg(":"))
	if !s.Cmdline.IsOpen() {
		t.Fatalf(": should open the command line: status %q", s.Status)
	}
	return s, sh
}

// enterLine types a line and presses enter.
func enterLine(s *simview.Screen, line string) {
	send(s, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(line)})
	send(s, keyMsg("enter"))
}

func TestCmdlineRunsLinesAndKeepsHistory(t *testing.T) {
	s, sh := fakeShellScreen(t, 120, 36)
	enterLine(s, "kafka-topics --list")
	enterLine(s, "fail")
	if len(sh.lines) != 2 || sh.lines[1] != "fail" {
		t.Fatalf("lines given to the shell: %q", sh.lines)
	}
	v := s.View()
	for _, want := range []string{"$ kafka-topics --list", "ran kafka-topics --list", "Topic: orders   PartitionCount: 3", "hint: try help"} {
		if !strings.Contains(v, want) {
			t.Fatalf("the output pane should show %q:\n%s", want, v)
		}
	}
	send(s, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("dra")})
	for _, c := range []struct{ key, want string }{{"up", "fail"}, {"up", "kafka-topics --list"}, {"up", "kafka-topics --list"},
		{"down", "fail"}, {"down", "dra"}} {
		send(s, keyMsg(c.key))
		if got := string(s.Cmdline.Line); got != c.want {
			t.Fatalf("after %s the line is %q, want %q", c.key, got, c.want)
		}
	}
}

func TestCmdlineCompletion(t *testing.T) {
	s, _ := fakeShellScreen(t, 120, 36)
	send(s, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("kafka-con")})
	send(s, keyMsg("tab"))
	if got := string(s.Cmdline.Line); got != "kafka-cons" {
		t.Fatalf("three completions: their common start, got %q", got)
	}
	if last := s.Cmdline.Out[len(s.Cmdline.Out)-1].Text; last != "kafka-console-producer  kafka-console-consumer  kafka-consumer-groups" {
		t.Fatalf("the choices should be listed, got %q", last)
	}
	send(s, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("umer-")})
	send(s, keyMsg("tab"))
	if got := string(s.Cmdline.Line); got != "kafka-consumer-groups " {
		t.Fatalf("one completion is taken with a space, got %q", got)
	}
}

// TestCmdlineConsoleProducer: after a console producer starts, lines are
// records until esc, which ends the input and keeps the command line.
func TestCmdlineConsoleProducer(t *testing.T) {
	s, sh := fakeShellScreen(t, 120, 36)
	enterLine(s, "produce")
	if !s.Cmdline.Input || !strings.Contains(s.View(), "console producer: each line is a record") {
		t.Fatal("the pane should say lines are records now")
	}
	enterLine(s, "first record")
	send(s, keyMsg("esc"))
	if sh.ended != 1 || s.Cmdline.Input || !s.Cmdline.IsOpen() {
		t.Fatalf("esc should end the input (ended %d) and keep the command line open (%v)", sh.ended, s.Cmdline.IsOpen())
	}
	if sh.lines[1] != "first record" || !strings.Contains(s.View(), ">first record") {
		t.Fatalf("the record should go to the shell and show after >: %q", sh.lines)
	}
	send(s, keyMsg("esc"))
	if s.Cmdline.IsOpen() {
		t.Fatal("a second esc closes the command line")
	}
}

// TestCmdlineTakesEveryKey: q, w, x and space are text while it is open,
// and the root model does not quit or leave.
func TestCmdlineTakesEveryKey(t *testing.T) {
	d := fixtureDeps(3, 3, 30)
	d.shells = cmdline.Shells{NewShell: func(b int, seed uint64) (cmdline.Shell, error) {
		r, err := sim.NewRun(sim.Config{Seed: seed, Cluster: sim.DefaultCluster(b)}, nil)
		return &fakeShell{run: r}, err
	}}
	m := newModel(Options{Sandbox: true}, plainStyles(), d)
	m = runCmd(m, m.Init())
	if m.sim == nil || !m.sim.Cmdline.IsOpen() {
		t.Fatal("the sandbox should open with the command line")
	}
	for _, k := range []string{"q", "w", "x", "space", "?", "f"} {
		next, cmd := m.Update(keyMsg(k))
		m = next.(Model)
		if cmd != nil {
			if _, quit := cmd().(tea.QuitMsg); quit {
				t.Fatalf("%s should be typed, not quit", k)
			}
		}
	}
	if got := string(m.sim.Cmdline.Line); got != "qwx ?f" {
		t.Fatalf("typed %q", got)
	}
	m = press(t, m, "esc", "esc")
	if m.current != nav.ScreenHome {
		t.Fatalf("esc closes the command line, a second esc goes home: on %v", m.current)
	}
}

// TestCmdlineWithoutSandbox says why, instead of opening.
func TestCmdlineWithoutSandbox(t *testing.T) {
	s := newFixtureSim(120, 36, 3, 3, 30)
	send(s, keyMsg(":"))
	if s.Cmdline.IsOpen() || s.Status == "" {
		t.Fatalf("no shell: stay closed and say why (status %q)", s.Status)
	}
}

// TestCmdlineGolden is the command line at 120×36 after a few commands.
func TestCmdlineGolden(t *testing.T) {
	s, _ := fakeShellScreen(t, 120, 36)
	enterLine(s, "kafka-topics --list")
	enterLine(s, "fail")
	send(s, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("kafka-con")})
	send(s, keyMsg("tab"))
	golden.RequireEqual(t, []byte(s.View()))
}
