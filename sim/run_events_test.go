package sim

import (
	"runtime"
	"strconv"
	"testing"
)

// A run that keeps a window of events remembers at most about twice the
// window, numbers its events as a run that keeps all does, ends with the
// same digest, and still steps back: the checkpoints keep their own few
// events, and the replay from one reaches the same state.
func TestRunKeepsAWindowOfEvents(t *testing.T) {
	const window = 200
	all, kept := slicedRun(t), slicedRun(t)
	all.RunUntil(60_000)
	kept.KeepEvents(window)
	kept.RunUntil(60_000)
	s, ref := kept.Sim(), all.Sim()
	if n := len(s.Events()); n > 2*window+stepEventsRoom || n < window {
		t.Fatalf("kept %d events, want between %d and %d", n, window, 2*window)
	}
	if s.EventCount() != ref.EventCount() || s.Digest() != ref.Digest() {
		t.Fatalf("%d events, digest %s; keeping all: %d, %s", s.EventCount(), s.Digest(), ref.EventCount(), ref.Digest())
	}
	if ev, want := s.Events()[len(s.Events())-1], ref.Events()[ref.EventCount()-1]; ev.Seq != want.Seq || ev.Type != want.Type {
		t.Fatalf("last event %d %s, want %d %s", ev.Seq, ev.Type, want.Seq, want.Type)
	}
	windowed := 0
	for _, c := range kept.checkpoints {
		if c.eventBase > 0 {
			windowed++
			if len(c.events) > checkpointEvents {
				t.Fatalf("a checkpoint at step %d keeps %d events, want at most %d", c.step, len(c.events), checkpointEvents)
			}
		}
	}
	if windowed == 0 {
		t.Fatal("no checkpoint was taken after the run began forgetting: the test wants one")
	}
	target := s.StepCount() - 50
	all.Seek(target)
	kept.Seek(target)
	if kept.Sim().Digest() != all.Sim().Digest() {
		t.Fatalf("after a step back: digest %s, want %s", kept.Sim().Digest(), all.Sim().Digest())
	}
	if e := kept.Sim().Events(); len(e) == 0 || e[len(e)-1].Seq != all.Sim().EventCount()-1 {
		t.Fatalf("after a step back the window does not end at event %d", all.Sim().EventCount()-1)
	}
}

// A run that keeps a window moves it within one array: past the first
// move, a window's worth of events costs no new memory but the few events
// each checkpoint keeps of its own. (A fresh array per move wrote each
// event to memory never touched before: the page faults and copies were
// most of the cost of playing a busy run at ×100.)
func TestEventWindowMovesInPlace(t *testing.T) {
	const window, perStep, stepsPerCheckpoint = 4096, 200, 40
	r, err := NewRun(basicConfig(5), nil)
	if err != nil {
		t.Fatal(err)
	}
	r.KeepEvents(window)
	var checkpoints []*Sim
	step := func() {
		r.roomForStep()
		for range perStep {
			r.sim.emit(&Event{Type: EvNote, Text: "narration"})
		}
		r.sim.step++
		r.trimEvents()
		if r.sim.step%stepsPerCheckpoint == 0 { // as maybeCheckpoint takes one
			shared := r.sim.eventsShared
			c := r.sim.Clone()
			r.ownCheckpointEvents(c, shared)
			checkpoints = append(checkpoints, c)
		}
	}
	for r.sim.eventBase < 2*window {
		step()
	}
	array := &r.sim.events[:1][0]
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	from := r.sim.EventCount()
	for r.sim.EventCount()-from < 20*window {
		step()
	}
	runtime.ReadMemStats(&after)
	if &r.sim.events[:1][0] != array {
		t.Fatal("the window moved to a new array though nothing shared it")
	}
	emitted := uint64(r.sim.EventCount()-from) * eventBytes
	if got := after.TotalAlloc - before.TotalAlloc; got > emitted/8 {
		t.Fatalf("20 windows of events (%d KB) allocated %d KB, want under an eighth", emitted>>10, got>>10)
	}
	for _, c := range checkpoints {
		if c.eventBase > 0 && len(c.events) > checkpointEvents {
			t.Fatalf("a checkpoint keeps %d events, want at most %d", len(c.events), checkpointEvents)
		}
	}
}

// After the window has moved many times, going back — to a checkpoint
// taken before the first move, or after — and calling off a long move
// forward show the events the run showed there before: each one the event
// a run that keeps all has under that Seq, the list ending where it ended.
func TestStepBackAfterWindowMovesShowsTheSameEvents(t *testing.T) {
	const window = 500
	ref, kept := busyRun(t), busyRun(t)
	kept.KeepEvents(window)
	ref.RunUntil(70_000)
	for kept.Sim().eventBase == 0 {
		if !kept.Step() {
			t.Fatal("the run ended before its window moved")
		}
	}
	firstMove := kept.Sim().StepCount()
	kept.RunUntil(30_000)
	now := kept.Sim().StepCount()
	targets := []int{firstMove / 2, firstMove + (now-firstMove)/2, now - 5}
	shown := map[int][]Event{}
	for _, step := range targets {
		kept.Seek(step)
		shown[step] = append([]Event(nil), kept.Sim().Events()...)
	}
	saved := kept.Save()
	savedEvents := append([]Event(nil), kept.Sim().Events()...)
	savedCount := kept.Sim().EventCount()
	kept.RunUntil(70_000)
	if n := kept.Sim().EventCount() - savedCount; n < 10*window {
		t.Fatalf("only %d events after the save: the test wants the window to move many times", n)
	}
	all := ref.Sim().Events()
	check := func(what string, got, want []Event) {
		t.Helper()
		if len(got) == 0 || got[len(got)-1].Seq != want[len(want)-1].Seq {
			t.Fatalf("%s: the list ends at a different event than before", what)
		}
		for _, e := range got {
			if e != all[e.Seq] {
				t.Fatalf("%s: event %d is %+v, want %+v", what, e.Seq, e, all[e.Seq])
			}
		}
	}
	saved.Restore()
	check("after calling off a move forward", kept.Sim().Events(), savedEvents)
	kept.RunUntil(70_000)
	for i := len(targets) - 1; i >= 0; i-- {
		step := targets[i]
		if i%2 == 0 {
			kept.Seek(step)
		} else {
			sk := kept.BeginSeek(step)
			for !sk.Advance(50) {
			}
		}
		check("back at step "+strconv.Itoa(step), kept.Sim().Events(), shown[step])
	}
}

// busyConfig is a producer that never stops, 100 records a second over
// six partitions.
func busyConfig() Config {
	c := basicConfig(7)
	c.Topics[0].Partitions = 6
	c.Producers[0].Count, c.Producers[0].RatePerSec = 0, 100
	return c
}

// busyRun is a run of busyConfig, which emits events for as long as it
// plays (a few hundred a virtual second), with a broker crash given by
// hand at 5 s.
func busyRun(t *testing.T) *Run {
	t.Helper()
	r, err := NewRun(busyConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	r.RunUntil(5000)
	if err := r.Apply(Command{Kind: CmdCrashBroker, Broker: 2}); err != nil {
		t.Fatal(err)
	}
	return r
}

// Going back to a time whose events the window has forgotten starts from
// the latest checkpoint at or before it, not from the first step, and
// replaying from there reaches the same run.
func TestStepBeforeIsTheLatestCheckpointInTime(t *testing.T) {
	c := basicConfig(3)
	c.Producers[0].Count, c.Producers[0].RatePerSec = 0, 2000
	r, err := NewRun(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.KeepEvents(512)
	r.RunUntil(20_000)
	const atMs = 7_500
	step := r.StepBefore(atMs)
	if step == 0 {
		t.Fatalf("no checkpoint before %d ms in a 20 s run with %d checkpoints", atMs, len(r.checkpoints))
	}
	for _, cp := range r.checkpoints {
		if cp.nowMs <= atMs && cp.step > step {
			t.Fatalf("checkpoint at step %d (%d ms) is later than the one found, step %d", cp.step, cp.nowMs, step)
		}
	}
	if first := r.Sim().Events()[0]; first.AtMs <= atMs {
		t.Fatalf("the window still holds events from %d ms: the test needs them forgotten", first.AtMs)
	}
	r.Seek(step)
	if now := r.Sim().Now(); now > atMs {
		t.Fatalf("the checkpoint found is at %d ms, after %d", now, atMs)
	}
	r.RunUntil(atMs)
	fresh, _ := NewRun(c, nil)
	fresh.RunUntil(atMs)
	if r.Sim().Digest() != fresh.Sim().Digest() {
		t.Fatalf("replayed from the checkpoint, the run differs from a fresh one at %d ms", atMs)
	}
}
