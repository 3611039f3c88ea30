package sim

import "testing"

// slicedRun is basicConfig run to 20s with a hand crash at 6s, so a seek
// back replays a recorded command.
func slicedRun(t *testing.T) *Run {
	t.Helper()
	r, err := NewRun(basicConfig(5), nil)
	if err != nil {
		t.Fatal(err)
	}
	r.RunUntil(6000)
	if err := r.Apply(Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1}); err != nil {
		t.Fatal(err)
	}
	r.RunUntil(20000)
	return r
}

// A seek done a few steps at a time ends where Seek ends, with the same
// state, and goes there in more than one piece.
func TestSeekingInPiecesIsSeek(t *testing.T) {
	whole, pieces := slicedRun(t), slicedRun(t)
	target := whole.Sim().StepCount() / 3
	whole.Seek(target)
	sk := pieces.BeginSeek(target)
	n := 0
	for !sk.Advance(7) {
		n++
		if done, total := sk.Progress(); done <= 0 || done >= total {
			t.Fatalf("progress %d of %d mid-seek", done, total)
		}
	}
	if n < 2 {
		t.Fatalf("the seek took %d pieces; the test wants a long replay", n)
	}
	if pieces.Sim().StepCount() != target || pieces.Sim().Digest() != whole.Sim().Digest() {
		t.Fatalf("step %d digest %s, want step %d digest %s",
			pieces.Sim().StepCount(), pieces.Sim().Digest(), target, whole.Sim().Digest())
	}
	// Both go on alike: the hand crash is replayed at its time.
	whole.RunUntil(25000)
	for !pieces.RunUntilSteps(25000, 5) {
	}
	if pieces.Sim().Now() != 25000 || pieces.Sim().Digest() != whole.Sim().Digest() {
		t.Fatalf("after RunUntilSteps: now %d digest %s, want %s", pieces.Sim().Now(), pieces.Sim().Digest(), whole.Sim().Digest())
	}
}

// A seek back called off halfway leaves the run exactly as it was, and it
// plays on as if the seek never began.
func TestSeekingBackCancelled(t *testing.T) {
	r, ref := slicedRun(t), slicedRun(t)
	step, events := r.Sim().StepCount(), len(r.Sim().Events())
	sk := r.BeginSeek(step / 3)
	if sk.Advance(5) {
		t.Fatal("the seek should not be done in 5 steps")
	}
	sk.Cancel()
	if r.Sim().StepCount() != step || len(r.Sim().Events()) != events || r.Sim().Digest() != ref.Sim().Digest() {
		t.Fatalf("after cancel: step %d (want %d), %d events (want %d)", r.Sim().StepCount(), step, len(r.Sim().Events()), events)
	}
	r.RunUntil(30000)
	ref.RunUntil(30000)
	if r.Sim().Digest() != ref.Sim().Digest() {
		t.Fatal("the run plays on differently after a cancelled seek")
	}
}

// A move forward called off is put back by Restore, and the run plays on
// as if it never moved.
func TestSavedRestore(t *testing.T) {
	r, ref := slicedRun(t), slicedRun(t)
	saved := r.Save()
	for !r.RunUntilSteps(40000, 100) {
	}
	saved.Restore()
	if r.Sim().Now() != ref.Sim().Now() || r.Sim().Digest() != ref.Sim().Digest() {
		t.Fatalf("restored at %d, want %d", r.Sim().Now(), ref.Sim().Now())
	}
	r.RunUntil(30000)
	ref.RunUntil(30000)
	if r.Sim().Digest() != ref.Sim().Digest() {
		t.Fatal("the run plays on differently after a restore")
	}
}

// A seek back that must copy the restored run's event list (its
// checkpoint's events are not the start of the run's array, which grew
// past it: run_events_adopt.go) copies it a piece at a time before
// replaying, instead of all at once on its first event: each Advance does
// bounded work however long the run is, and the seek ends with the same
// events and digest as Seek.
func TestSeekingCopiesEventsInPieces(t *testing.T) {
	long := func() *Run {
		c := basicConfig(5)
		c.Producers[0].RatePerSec, c.Producers[0].Count = 2000, 40000
		r, err := NewRun(c, nil)
		if err != nil {
			t.Fatal(err)
		}
		for steps := 0; len(r.Sim().Events()) <= 2*eventCopyPiece; steps++ {
			if steps > 2_000_000 || !r.Step() {
				t.Fatalf("the run has only %d events", len(r.Sim().Events()))
			}
		}
		return r
	}
	whole, pieces := long(), long()
	target := -1
	for i, c := range pieces.checkpoints {
		if len(c.events) > eventCopyPiece && &c.events[0] != &pieces.sim.events[0] &&
			(i+1 == len(pieces.checkpoints) || pieces.checkpoints[i+1].step > c.step+10) {
			target = c.step + 10
		}
	}
	if target < 0 {
		t.Fatal("no checkpoint with many events lies before the run's array grew: the test wants one")
	}
	whole.Seek(target)
	sk := pieces.BeginSeek(target)
	restoredAt, copies := pieces.Sim().StepCount(), 0
	for sk.copying {
		done := sk.Advance(1)
		copies++
		if sk.copying && (done || pieces.Sim().StepCount() != restoredAt) {
			t.Fatal("the replay should wait until the events are copied")
		}
	}
	if copies < 2 {
		t.Fatalf("the copy took %d pieces; the test wants a run with more events", copies)
	}
	for !sk.Advance(64) {
	}
	a, b := whole.Sim().Events(), pieces.Sim().Events()
	if len(a) != len(b) || a[len(a)-1] != b[len(b)-1] || pieces.Sim().Digest() != whole.Sim().Digest() {
		t.Fatalf("after the seek: %d events, digest %s; want %d, %s", len(b), pieces.Sim().Digest(), len(a), whole.Sim().Digest())
	}
}
