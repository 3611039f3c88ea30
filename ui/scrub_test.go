package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
)

func TestParseGoTo(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"35s", 35_000, true}, {"1m30s", 90_000, true}, {"35", 35_000, true}, {"2.5", 2_500, true},
		{":35s", 35_000, true}, {"+5s", 25_000, true}, {"-5s", 15_000, true}, {"-1m", 0, true},
		{"soon", 0, false}, {"", 0, false}, {"48h", 0, false},
	} {
		got, ok := simview.ParseGoTo(c.in, 20_000)
		if ok != c.ok || got != c.want {
			t.Errorf("%q: got %d %v, want %d %v", c.in, got, ok, c.want, c.ok)
		}
	}
	marks := []components.Mark{{AtMs: 10_000}, {AtMs: 20_000}}
	if at, ok := simview.ParseMarkRef("m2", marks); !ok || at != 20_000 {
		t.Errorf("m2: %d %v", at, ok)
	}
	for _, bad := range []string{"m0", "m3", "m", "35s"} {
		if _, ok := simview.ParseMarkRef(bad, marks); ok {
			t.Errorf("%q should not name a mark", bad)
		}
	}
}

// simOn opens a built-in scenario on the real engine, paused at its start.
func simOn(t *testing.T, scenario string, w, h int) Model {
	t.Helper()
	m := newModel(Options{Lessons: []nav.LessonEntry{}}, plainStyles(), defaultDeps())
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m = runCmd(next.(Model), next.(Model).loadCmd(scenario))
	if m.sim == nil || m.sim.Run == nil {
		t.Fatalf("%s did not open", scenario)
	}
	m.sim.Pause()
	return m
}

// finishJob runs a job (a seek or a jump) to its end, as its slices would.
func runJob(m Model, cmd tea.Cmd) Model {
	for cmd != nil {
		next, c := m.Update(cmd())
		m, cmd = next.(Model), c
	}
	return m
}

// TestNextEventOfAKind: R, C and E stop on the step of the next
// rebalance, commit and election, with its events on screen; with none
// ahead the run stays where it was.
func TestNextEventOfAKind(t *testing.T) {
	m := simOn(t, "unclean-election", 120, 36)
	m = runJob(m, m.sim.GoToTime(1_000))
	m = runJob(m, m.sim.NextEvent(simview.KindElection))
	ev := m.sim.Events[len(m.sim.Events)-1]
	if m.sim.Run.Now() != 38_000 || last(m.sim.Events, sim.EvLeaderElected) < 0 {
		t.Fatalf("E from 1s should stop at b3's unclean election at 38s, at %s (last %s)", components.FmtMs(m.sim.Run.Now()), ev.Type)
	}
	if !strings.Contains(m.sim.Status, "next leader election at 38.000s") {
		t.Errorf("status %q", m.sim.Status)
	}

	m = simOn(t, "rebalances", 120, 36)
	m = runJob(m, m.sim.GoToTime(5_000))
	m = runJob(m, m.sim.NextEvent(simview.KindRebalance))
	if m.sim.Run.Now() != 10_000 || m.sim.Events[last(m.sim.Events, sim.EvRebalanceStarted)].AtMs != 10_000 {
		t.Errorf("R from 5s should stop at c3's join at 10s, at %s", components.FmtMs(m.sim.Run.Now()))
	}
	m = runJob(m, m.sim.GoToTime(59_000))
	before := m.sim.Run.StepCount()
	m = runJob(m, m.sim.NextEvent(simview.KindRebalance))
	if m.sim.Run.Now() != 59_000 || m.sim.Run.StepCount() != before || !strings.Contains(m.sim.Status, "no rebalance ahead") {
		t.Errorf("with no rebalance left the run should stay at 59s: at %s step %d (was %d), status %q",
			components.FmtMs(m.sim.Run.Now()), m.sim.Run.StepCount(), before, m.sim.Status)
	}
}

// TestGoToTimeBackIsTheSameRun: going to 10s from 35s shows what going
// straight to 10s shows: the same clock, step and events.
func TestGoToTimeBackIsTheSameRun(t *testing.T) {
	direct := simOn(t, "at-least-once", 120, 36)
	direct = runJob(direct, direct.sim.GoToTime(10_000))
	scrubbed := simOn(t, "at-least-once", 120, 36)
	scrubbed = runJob(scrubbed, scrubbed.sim.GoToTime(35_000))
	scrubbed = runJob(scrubbed, scrubbed.sim.GoToTime(10_000))
	if d, s := direct.sim.Run, scrubbed.sim.Run; d.Now() != s.Now() || d.StepCount() != s.StepCount() || len(d.Events()) != len(s.Events()) {
		t.Fatalf("direct: %s step %d %d events; scrubbed: %s step %d %d events",
			components.FmtMs(d.Now()), d.StepCount(), len(d.Events()), components.FmtMs(s.Now()), s.StepCount(), len(s.Events()))
	}
	if direct.View() != scrubbed.View() {
		t.Errorf("the screens differ:\n%s\n---\n%s", direct.View(), scrubbed.View())
	}
}

// TestFlowScrub drives the program: t 35s, then t 10s, then t m1; the
// shown time and the group's state follow each time.
func TestFlowScrub(t *testing.T) {
	m := newModel(Options{Scenario: "at-least-once", Lessons: []nav.LessonEntry{}}, plainStyles(), defaultDeps())
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 36))
	waitFor(t, tm, "PARTITION LOGS")
	tm.Send(keyMsg("space"))
	waitFor(t, tm, "paused")
	for _, step := range []struct{ typed, shown, state string }{
		{"35s", "35.000s / 50.000s", "[c1 ✕]"},
		{"9s", "9.000s / 50.000s", "[★c1 ▶]"},
		{"m2", "24.000s / 50.000s", "[c1 ✕]"},
	} {
		tm.Send(keyMsg("t"))
		waitFor(t, tm, "Go to time")
		tm.Type(step.typed)
		tm.Send(keyMsg("enter"))
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			return bytes.Contains(b, []byte(step.shown)) && bytes.Contains(b, []byte(step.state))
		}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(Model)
	if now := final.sim.Run.Now(); now != 24_000 {
		t.Errorf("the run should be at mark 2 (24s), at %s", components.FmtMs(now))
	}
}

// TestClickTimeline: a left click on the track goes to the time under it;
// a click beside it does nothing.
func TestClickTimeline(t *testing.T) {
	m := simOn(t, "at-least-once", 120, 36)
	r := m.sim.Lay.Timeline
	_, trackW, _ := m.sim.Timeline.Scale(0, 50_000, m.sim.Marks)
	x := r.X + 1 + (trackW-1)/2 // the middle of 0–50s
	next, cmd := m.Update(tea.MouseMsg{X: x, Y: r.Y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	m = runJob(next.(Model), cmd)
	if now := m.sim.Run.Now(); now < 24_000 || now > 26_000 || now%1000 != 0 {
		t.Errorf("a click mid-track should go to about 25s, a whole second: at %s", components.FmtMs(now))
	}
	if !strings.Contains(m.View(), components.FmtMs(m.sim.Run.Now())+" / 50.000s") {
		t.Errorf("the clock does not show the new time")
	}
	before := m.sim.Run.Now()
	next, cmd = m.Update(tea.MouseMsg{X: r.X + r.W - 2, Y: r.Y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	m = runJob(next.(Model), cmd)
	if m.sim.Run.Now() != before {
		t.Errorf("a click on the clock moved the run to %s", components.FmtMs(m.sim.Run.Now()))
	}
}
