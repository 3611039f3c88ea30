package simview

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/simrun"
	"kafkasim/ui/whatif"
)

// crashedAtLeastOnce is the at-least-once scenario at 6s with c1 crashed
// by hand (before the timeline would), paused, at 120×36.
func crashedAtLeastOnce(t *testing.T) *Screen {
	t.Helper()
	s := realScreen(t, loadSpec(t, "at-least-once"), 120, 36, 6_000)
	send(s, components.FaultChosenMsg{Cmd: sim.Command{Kind: sim.CmdCrashConsumer, Group: "inventory", Consumer: 1}})
	if len(s.Hand) != 1 {
		t.Fatalf("seed %d: the crash was refused: %q", s.Spec.Seed, s.Status)
	}
	return s
}

// whatIfCommitBefore opens the what-if and asks for commit before
// processing, run to the scenario's end.
func whatIfCommitBefore(t *testing.T, s *Screen) {
	t.Helper()
	send(s, keyMsg("w"))
	if s.Whatif.Stage != whatif.WiSetting {
		t.Fatalf("w should open the what-if, stage %v", s.Whatif.Stage)
	}
	send(s, keyMsg("enter")) // commit mode; one group, so straight to its values
	if s.Whatif.Stage != whatif.WiValue {
		t.Fatalf("one group: the value should come next, stage %v", s.Whatif.Stage)
	}
	send(s, keyMsg("down")) // before-processing
	send(s, keyMsg("enter"))
	send(s, keyMsg("enter")) // the scenario's end
	if s.Whatif.Stage != whatif.WiResult {
		t.Fatalf("the branches should have run, stage %v, err %q", s.Whatif.Stage, s.Whatif.Err)
	}
}

// TestWhatIfCommitMode changes the commit mode after a hand crash: as
// played the group duplicates and loses nothing; committing before
// processing loses records and duplicates none. Branch A is the run
// itself.
func TestWhatIfCommitMode(t *testing.T) {
	s := crashedAtLeastOnce(t)
	whatIfCommitBefore(t, s)
	r := s.Whatif.Result
	re := regexp.MustCompile(`^same crash, commit after processing: (\d+) duplicates?, 0 lost; commit before processing: 0 duplicates, (\d+) lost$`)
	m := re.FindStringSubmatch(r.Verdict)
	if m == nil || m[1] == "0" || m[2] == "0" {
		t.Fatalf("seed %d: verdict %q", s.Spec.Seed, r.Verdict)
	}
	own := s.Run.(simrun.Run).R.Fork()
	own.RunUntil(s.Spec.DurationMs)
	if got, want := r.A.Ledger.Groups, own.Sim().Snapshot().Ledger.Groups; !equalLedgers(got, want) {
		t.Fatalf("seed %d: branch A %+v should be the run as played %+v", s.Spec.Seed, got, want)
	}
	if dup, _ := strconv.Atoi(m[1]); dup != r.A.Ledger.Groups[0].Duplicated {
		t.Fatalf("the verdict's numbers must be the ledger's: %q vs %+v", r.Verdict, r.A.Ledger.Groups[0])
	}
	send(s, keyMsg("esc"))
	if s.Whatif.IsOpen() || s.Run.Now() < 6_000 || s.Run.Now() > 6_100 {
		t.Fatalf("esc should go back to the simulator where it was: open %v, now %d", s.Whatif.IsOpen(), s.Run.Now())
	}
}

func equalLedgers(a, b []sim.GroupLedger) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestWhatIfGolden is the comparison at 120×36.
func TestWhatIfGolden(t *testing.T) {
	s := crashedAtLeastOnce(t)
	whatIfCommitBefore(t, s)
	golden.RequireEqual(t, []byte(s.View()))
}

// TestWhatIfChooserGolden is the first step of the chooser at 120×36.
func TestWhatIfChooserGolden(t *testing.T) {
	s := crashedAtLeastOnce(t)
	send(s, keyMsg("w"))
	golden.RequireEqual(t, []byte(s.View()))
}

// TestWhatIfEscBacksOut: esc goes back one step at a time, then closes.
func TestWhatIfEscBacksOut(t *testing.T) {
	s := realScreen(t, loadSpec(t, "acks"), 120, 36, 3_000)
	send(s, keyMsg("w"))
	send(s, keyMsg("down")) // acks
	send(s, keyMsg("enter"))
	if s.Whatif.Stage != whatif.WiTarget || s.Whatif.Setting.Name != "acks" {
		t.Fatalf("two producers: which one? stage %v setting %q", s.Whatif.Stage, s.Whatif.Setting.Name)
	}
	send(s, keyMsg("down"))
	send(s, keyMsg("enter"))
	if s.Whatif.Stage != whatif.WiValue || s.Whatif.Target != s.Spec.Config.Producers[1].ID {
		t.Fatalf("stage %v target %q", s.Whatif.Stage, s.Whatif.Target)
	}
	for _, want := range []whatif.WhatIfStage{whatif.WiTarget, whatif.WiSetting, whatif.WiClosed} {
		send(s, keyMsg("esc"))
		if s.Whatif.Stage != want {
			t.Fatalf("esc: stage %v, want %v", s.Whatif.Stage, want)
		}
	}
}

// TestWhatIfRefusesTheValueAsPlayed and says why.
func TestWhatIfRefusesTheValueAsPlayed(t *testing.T) {
	s := crashedAtLeastOnce(t)
	send(s, keyMsg("w"))
	send(s, keyMsg("enter"))
	send(s, keyMsg("enter")) // after-processing: as played
	if s.Whatif.Stage != whatif.WiValue || !strings.Contains(s.Whatif.Err, "as played") {
		t.Fatalf("stage %v err %q", s.Whatif.Stage, s.Whatif.Err)
	}
	if !strings.Contains(s.View(), "after-processing (as played)") {
		t.Fatal("the value as played should be marked")
	}
}

// TestWhatIfNothingToChange: a scenario without groups cannot change a
// group's setting, and says so.
func TestWhatIfNothingToChange(t *testing.T) {
	s := newFixtureSim(120, 36, 3, 3, 30)
	send(s, keyMsg("w"))
	send(s, keyMsg("enter"))
	if s.Whatif.Stage != whatif.WiSetting || !strings.Contains(s.Whatif.Err, "no group") {
		t.Fatalf("stage %v err %q", s.Whatif.Stage, s.Whatif.Err)
	}
}

// TestWhatIfTypedTime runs to a typed time; while typing, keys are text.
func TestWhatIfTypedTime(t *testing.T) {
	s := crashedAtLeastOnce(t)
	send(s, keyMsg("w"))
	send(s, keyMsg("enter"))
	send(s, keyMsg("down"))
	send(s, keyMsg("enter"))
	for range len(s.Whatif.Until) - 1 {
		send(s, keyMsg("down"))
	}
	send(s, keyMsg("enter"))
	if !s.Whatif.CapturesKeys() || !s.CapturesKeys() {
		t.Fatalf("typing a time should capture keys, stage %v", s.Whatif.Stage)
	}
	send(s, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	send(s, keyMsg("enter"))
	if s.Whatif.Stage != whatif.WiTypeUntil || !strings.Contains(s.Whatif.Err, "not a time") {
		t.Fatalf("q is not a time: stage %v err %q", s.Whatif.Stage, s.Whatif.Err)
	}
	send(s, keyMsg("backspace"))
	send(s, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("20s")})
	send(s, keyMsg("enter"))
	if s.Whatif.Stage != whatif.WiResult || s.Whatif.Result.Req.UntilMs != 20_000 {
		t.Fatalf("stage %v, until %d", s.Whatif.Stage, s.Whatif.Result.Req.UntilMs)
	}
}

// TestWhatIfLateResultDropped: a result that arrives after esc is ignored.
func TestWhatIfLateResultDropped(t *testing.T) {
	s := crashedAtLeastOnce(t)
	send(s, keyMsg("w"))
	send(s, keyMsg("enter"))
	send(s, keyMsg("down"))
	send(s, keyMsg("enter"))
	cmd := s.Update(keyMsg("enter")) // runs the branches: hold the answer
	send(s, keyMsg("esc"))
	send(s, cmd())
	if s.Whatif.IsOpen() {
		t.Fatalf("a late result should not reopen the what-if, stage %v", s.Whatif.Stage)
	}
}

// TestWhatIfEveryChange runs each setting's every value on a scenario that
// has its target, and expects a verdict built from the ledgers.
func TestWhatIfEveryChange(t *testing.T) {
	for _, c := range []struct{ scenario, setting string }{
		{"at-least-once", whatif.CommitMode}, {"acks", "acks"}, {"producer-retries", "enable.idempotence"},
		{"replication", "min.insync.replicas"}, {"unclean-election", "unclean.leader.election.enable"},
		{"rebalances", "partition.assignment.strategy"}, {"producer-backlog", "batch.size"},
		{"producer-backlog", "linger.ms"}, {"slow-processing", "max.poll.records"},
		{"slow-processing", "max.poll.interval.ms"},
	} {
		spec := loadSpec(t, c.scenario)
		st := whatif.WhatIfSettings[whatif.IndexOf(whatif.WhatIfSettings, c.setting)]
		world := whatif.WhatIfWorld{Cfg: &spec.Config}
		target := st.Targets(world)[0]
		for _, v := range st.ValuesFor(world, target) {
			if v == st.Current(world, target) {
				continue
			}
			r, _ := whatif.Run(whatif.Request{Spec: spec, Setting: st, Target: target, Value: v, UntilMs: spec.DurationMs}, neverPause)
			if r.A.Err != nil || !strings.Contains(r.Verdict, st.Label(v)+": ") {
				t.Errorf("%s %s=%s seed %d: verdict %q, A err %v, B err %v", c.scenario, c.setting, v, spec.Seed, r.Verdict, r.A.Err, r.B.Err)
			}
		}
	}
}
