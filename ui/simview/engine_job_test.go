package simview

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/internal/cputime"
	"kafkasim/sim"
	"kafkasim/ui/cmdline"
	"kafkasim/ui/simrun"
	"kafkasim/ui/whatif"
)

// neverPause runs a what-if to its end in one go.
func neverPause(int, int64) bool { return true }

// finishSlices runs a job's slices to its end, returning the longest time
// one Update took.
func finishSlices(t testing.TB, s *Screen, cmd tea.Cmd) time.Duration {
	t.Helper()
	var longest time.Duration
	for n := 0; cmd != nil; n++ {
		if n > 1_000_000 {
			t.Fatal("the job never ended")
		}
		msg := cmd()
		if _, ok := msg.(TickMsg); ok {
			return longest
		}
		longest = max(longest, cputime.Of(func() { cmd = s.Update(msg) }))
	}
	return longest
}

// pauseCollector turns the garbage collector off for the rest of the test,
// from an empty start. Its cycles count as the process's CPU in whichever
// slice they land in, and measure the heap, not the slicing; under a loaded
// CI run one cycle made a 20 ms slice read 430 ms.
func pauseCollector(t testing.TB) {
	runtime.GC()
	old := debug.SetGCPercent(-1)
	t.Cleanup(func() { debug.SetGCPercent(old) })
}

// timedUpdate is s.Update(msg) and the CPU time it took (a bound on
// wall time would fail whenever the machine is busy).
func timedUpdate(s *Screen, msg tea.Msg) (cmd tea.Cmd, took time.Duration) {
	took = cputime.Of(func() { cmd = s.Update(msg) })
	return cmd, took
}

// longSpec is a busy scenario (many partitions, fast producers) made long,
// so a replay of it takes far more than one slice.
func longSpec(t *testing.T) simrun.Spec {
	t.Helper()
	spec := bigSpec(6, 60)
	spec.DurationMs = 3_600_000
	return spec
}

// A what-if on a long run works in slices with its progress showing; esc
// calls it off within one short Update and leaves the run as it was,
// ready for keys.
func TestWhatIfSlicedEscCancels(t *testing.T) {
	s := realScreen(t, longSpec(t), 120, 36, 5_000)
	s.Pause()
	now, step := s.Run.Now(), s.Run.StepCount()
	for _, k := range []string{"w", "enter", "down", "enter"} { // commit mode, before processing
		send(s, keyMsg(k))
	}
	if s.Whatif.Stage != whatif.WiUntil {
		t.Fatalf("stage %v, err %q", s.Whatif.Stage, s.Whatif.Err)
	}
	cmd := s.Update(keyMsg("enter")) // to the scenario's end: an hour
	cmd = s.Update(cmd())            // whatIfRunMsg starts the branches
	pauseCollector(t)
	var longest time.Duration
	for i := 0; i < 5; i++ {
		if cmd == nil || s.Job == nil {
			t.Fatal("an hour of a busy cluster should not run in a few slices")
		}
		var took time.Duration
		cmd, took = timedUpdate(s, cmd())
		longest = max(longest, took)
	}
	if v := s.View(); !strings.Contains(v, "branch A (as played) at") || !strings.Contains(v, "esc calls it off") {
		t.Errorf("no progress while the branches run:\n%s", v)
	}
	_, took := timedUpdate(s, keyMsg("esc"))
	t.Logf("longest slice %v, esc answered in %v", longest, took)
	if took > 100*time.Millisecond {
		t.Errorf("esc took %v", took)
	}
	if longest > 300*time.Millisecond { // 100 ms is the aim; the margin is for a loaded machine
		t.Errorf("one slice took %v", longest)
	}
	if s.Whatif.IsOpen() || s.Job != nil || s.Run.Now() != now || s.Run.StepCount() != step {
		t.Fatalf("esc should leave the run as it was: open %v, job %v, now %d (was %d)", s.Whatif.IsOpen(), s.Job != nil, s.Run.Now(), now)
	}
	if !strings.Contains(s.Status, "called off") {
		t.Errorf("status %q", s.Status)
	}
	if cmd != nil { // the slice message already on its way is dropped
		if next := s.Update(cmd()); next != nil || s.Job != nil {
			t.Error("a stale slice should do nothing")
		}
	}
	send(s, keyMsg("right"))
	if s.Run.StepCount() <= step {
		t.Error("the screen should take keys again")
	}
}

// A what-if that finishes in slices gives the same comparison as one run
// in one go.
func TestWhatIfSlicedSameResult(t *testing.T) {
	defer func(d time.Duration) { cmdline.Slice = d }(cmdline.Slice)
	cmdline.Slice = 0 // a slice per batch of steps: many slices
	s := crashedAtLeastOnce(t)
	for _, k := range []string{"w", "enter", "down", "enter"} {
		send(s, keyMsg(k))
	}
	req := whatif.Request{Spec: s.Whatif.Spec, Hand: s.Whatif.Hand, Setting: s.Whatif.Setting, Target: s.Whatif.Target,
		Value: s.Whatif.Value, UntilMs: s.Spec.DurationMs, Gen: s.Whatif.Gen}
	want, _ := whatif.Run(req, neverPause)
	cmd := s.Update(keyMsg("enter"))
	cmd = s.Update(cmd())
	if cmd == nil {
		t.Fatal("with a zero slice the what-if should take more than one")
	}
	finishSlices(t, s, cmd)
	if s.Whatif.Stage != whatif.WiResult || s.Whatif.Result.Verdict != want.Verdict || s.Whatif.Result.A.Ledger.Groups[0] != want.A.Ledger.Groups[0] {
		t.Fatalf("stage %v verdict %q, want %q", s.Whatif.Stage, s.Whatif.Result.Verdict, want.Verdict)
	}
}

// A seek back on a long run replays in slices with its progress in the
// footer; esc calls it off within one short Update and leaves the run
// exactly where it was.
func TestSeekSlicedEscCancels(t *testing.T) {
	defer func(d time.Duration) { cmdline.Slice = d }(cmdline.Slice)
	cmdline.Slice = 0 // hand back at every batch, so the replay surely spans slices
	s := longScreen(t, 60_000)
	now, step, events := s.Run.Now(), s.Run.StepCount(), len(s.Events)
	// Just before a multiple of 1024 steps, the first checkpoint interval:
	// the nearest checkpoint is at least 1023 steps back, several batches.
	target := step/1024*1024 - 1
	cmd := s.Seek(target)
	if cmd == nil || s.Job == nil {
		t.Fatal("the seek should replay in slices from a checkpoint")
	}
	cmd = s.Update(cmd())
	if v := s.View(); !strings.Contains(v, "replaying to") || !strings.Contains(v, "esc calls it off") {
		t.Errorf("no progress while seeking:\n%s", v)
	}
	for _, k := range []string{"space", "f", "w", "]"} { // other keys wait
		s.Update(keyMsg(k))
	}
	if s.Job == nil || s.Menu.IsOpen() || s.Whatif.IsOpen() || s.Playing {
		t.Fatal("keys other than esc should wait while a seek runs")
	}
	_, took := timedUpdate(s, keyMsg("esc"))
	t.Logf("esc answered in %v", took)
	if took > 100*time.Millisecond {
		t.Errorf("esc took %v", took)
	}
	if s.Job != nil || s.Run.Now() != now || s.Run.StepCount() != step || len(s.Events) != events {
		t.Fatalf("esc should put the run back: step %d (was %d), now %d (was %d), %d events (was %d)",
			s.Run.StepCount(), step, s.Run.Now(), now, len(s.Events), events)
	}
	if cmd != nil && s.Update(cmd()) != nil {
		t.Error("a stale slice should do nothing")
	}
	// ← with the real slice length: no slice keeps the screen longer than
	// a key may wait, and it lands on the previous event's step. The first
	// Update restores a checkpoint; the restored run's event list is then
	// copied a piece at a time (sim.Seeking), so no slice grows with the
	// run.
	cmdline.Slice = 20 * time.Millisecond
	pauseCollector(t)
	start := time.Now()
	cmd, first := timedUpdate(s, keyMsg("left"))
	longest := finishSlices(t, s, cmd)
	t.Logf("the step back took %v; first Update (restore) %v, longest slice after it %v", time.Since(start), first, longest)
	if longest > 300*time.Millisecond { // 100 ms is the aim; the margin is for a loaded machine
		t.Errorf("one Update took %v", longest)
	}
	if s.Job != nil || s.Run.StepCount() >= step || s.Snap.NowMs > now {
		t.Fatalf("the step back should end before step %d: at %d", step, s.Run.StepCount())
	}
	if last := s.Events[len(s.Events)-1]; last.Step != s.Run.StepCount() {
		t.Errorf("the seek should land on an event's step: at %d, last event at %d", s.Run.StepCount(), last.Step)
	}
}

// longScreen is longSpec played to runMs (every step, not a frame's
// worth), paused.
func longScreen(t *testing.T, runMs int64) *Screen {
	t.Helper()
	s := realScreen(t, longSpec(t), 120, 36, 0)
	s.Run.RunUntil(runMs)
	s.AbsorbNew(false)
	s.Refresh()
	s.Pause()
	return s
}

// ] to a mark far ahead runs forward in slices with its progress; esc puts
// the run back where it was.
func TestNextMarkSlicedEscRestores(t *testing.T) {
	spec := longSpec(t)
	spec.Timeline = []sim.Scheduled{{AtMs: 3_000_000, Cmd: sim.Command{Kind: sim.CmdNote, Say: "far ahead"}}}
	s := realScreen(t, spec, 120, 36, 5_000)
	s.Pause()
	now, step, events := s.Run.Now(), s.Run.StepCount(), len(s.Events)
	pauseCollector(t)
	cmd, first := timedUpdate(s, keyMsg("]"))
	var longest time.Duration
	for i := 0; i < 3; i++ {
		if cmd == nil || s.Job == nil {
			t.Fatal("fifty minutes of a busy cluster should not run in a few slices")
		}
		var took time.Duration
		cmd, took = timedUpdate(s, cmd())
		longest = max(longest, took)
	}
	if v := s.View(); !strings.Contains(v, "running to 3000.000s") {
		t.Errorf("no progress while jumping:\n%s", v)
	}
	_, took := timedUpdate(s, keyMsg("esc"))
	t.Logf("first Update (a copy of the run) %v, longest slice %v, esc answered in %v", first, longest, took)
	if took > 100*time.Millisecond {
		t.Errorf("esc took %v", took)
	}
	if longest > 300*time.Millisecond { // 100 ms is the aim; the margin is for a loaded machine
		t.Errorf("one slice took %v", longest)
	}
	if s.Job != nil || s.Run.Now() != now || s.Run.StepCount() != step || len(s.Events) != events {
		t.Fatalf("esc should put the run back: step %d (was %d), now %d (was %d)", s.Run.StepCount(), step, s.Run.Now(), now)
	}
	send(s, keyMsg("right"))
	if s.Run.StepCount() <= step {
		t.Error("the screen should take keys again")
	}
}
