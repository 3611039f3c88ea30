package sim

import "testing"

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
