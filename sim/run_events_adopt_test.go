package sim

import (
	"slices"
	"testing"
)

// adoptRun is a run that keeps a window larger than all its events, as
// the screen's run of most scenarios does: its checkpoints share its one
// event array.
func adoptRun(t *testing.T) *Run {
	t.Helper()
	c := basicConfig(5)
	c.Producers[0].Count = 400
	r, err := NewRun(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.KeepEvents(1 << 14)
	r.RunUntil(40_000)
	if len(r.checkpoints) < 3 || r.Sim().eventBase != 0 {
		t.Fatalf("%d checkpoints, %d events forgotten: the test wants several and none", len(r.checkpoints), r.Sim().eventBase)
	}
	return r
}

// A step back writes the replay into the array the run was writing: no
// copy of the events, the very events as before, and the checkpoints
// still share the one array. (A copy at each step back cost a fresh
// window of memory and its page faults, and the checkpoints kept the old
// array beside it.)
func TestStepBackReplaysIntoTheSameArray(t *testing.T) {
	r := adoptRun(t)
	want := slices.Clone(r.Sim().Events())
	first := &r.Sim().Events()[0]
	end := r.Sim().StepCount()
	sk := r.BeginSeek(r.checkpoints[len(r.checkpoints)-1].step - 5)
	if sk.copying {
		t.Fatal("the step back copies the events")
	}
	for !sk.Advance(64) {
	}
	got := r.Sim().Events()
	if &got[0] != first || !slices.Equal(got, want[:len(got)]) {
		t.Fatalf("after the step back: same array %v, events the same %v", &got[0] == first, slices.Equal(got, want[:len(got)]))
	}
	for _, c := range r.checkpoints {
		if &c.events[0] != first {
			t.Fatalf("the checkpoint at step %d reads another array", c.step)
		}
	}
	r.Seek(end)
	if !slices.Equal(r.Sim().Events(), want) {
		t.Fatal("forward again, the events differ from the first time")
	}
}

// A branch after a step back writes its own events elsewhere: what was
// read past the branch point (a copy of the run taken before, the
// checkpoints kept) still reads the events of the first time, and a step
// back before the branch shows them.
func TestBranchAfterStepBackLeavesEarlierEventsAlone(t *testing.T) {
	r := adoptRun(t)
	want := slices.Clone(r.Sim().Events())
	before := r.Sim().Clone()
	early := r.checkpoints[0].step
	back := r.checkpoints[len(r.checkpoints)/2].step + 3
	r.Seek(back)
	if !r.eventsReadPast || len(r.Sim().Events()) >= len(want) {
		t.Fatal("the step back should write into the run's array, before its end")
	}
	if err := r.Apply(Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1}); err != nil {
		t.Fatal(err)
	}
	r.RunUntil(60_000)
	if !slices.Equal(before.Events(), want) {
		t.Fatal("the branch wrote over events a copy taken before reads")
	}
	for _, c := range r.checkpoints {
		if n := len(c.events); c.step <= back && !slices.Equal(c.events, want[:n]) {
			t.Fatalf("the checkpoint at step %d reads other events after the branch", c.step)
		}
	}
	r.Seek(early + 3)
	if got := r.Sim().Events(); !slices.Equal(got, want[:len(got)]) {
		t.Fatal("a step back before the branch shows other events than the first time")
	}
}

// A step back called off puts the run back as it was, its events
// included, and the run plays on as if nothing happened.
func TestAdoptedStepBackCancelled(t *testing.T) {
	r, ref := adoptRun(t), adoptRun(t)
	want := slices.Clone(r.Sim().Events())
	sk := r.BeginSeek(r.checkpoints[0].step + 2)
	sk.Advance(1)
	sk.Cancel()
	if !slices.Equal(r.Sim().Events(), want) {
		t.Fatal("after the cancelled seek the events differ")
	}
	if err := r.Apply(Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 2}); err != nil {
		t.Fatal(err)
	}
	if err := ref.Apply(Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 2}); err != nil {
		t.Fatal(err)
	}
	r.RunUntil(60_000)
	ref.RunUntil(60_000)
	if r.Sim().Digest() != ref.Sim().Digest() || !slices.Equal(r.Sim().Events(), ref.Sim().Events()) {
		t.Fatal("the run plays on otherwise than one never sent back")
	}
}
