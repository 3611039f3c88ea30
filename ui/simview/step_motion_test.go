package simview

import (
	"testing"

	"kafkasim/sim"
)

// TestStepLightsTheCommit: stepping with → onto a commit that moves a
// committed offset starts C's slide from where it was, as playing does: a
// step is not a jump, so the trackers compare it with what the screen
// showed before.
func TestStepLightsTheCommit(t *testing.T) {
	s := realScreen(t, loadSpec(t, "at-least-once"), 120, 36, 7_100)
	for range 5000 {
		was := map[int]int64{}
		for _, o := range s.Snap.Groups[0].Offsets {
			was[o.Partition] = o.Committed
		}
		cmd := s.Update(keyMsg("right"))
		for cmd != nil && s.Job != nil { // the step's slices; motion ticks are left alone
			cmd = s.Update(cmd())
		}
		for _, o := range s.Snap.Groups[0].Offsets {
			old := was[o.Partition]
			if old < 0 || o.Committed <= old {
				continue
			}
			k := HotKey{Kind: HotCommitFrom, S1: s.Snap.Groups[0].ID, S2: o.Topic, N1: o.Partition}
			if _, ok := s.Hot.Get(k); !ok {
				t.Fatalf("at %s the commit on %s-%d moved %d → %d, but no C slide is lit",
					sim.FormatMs(s.Snap.NowMs), o.Topic, o.Partition, old, o.Committed)
			}
			return
		}
	}
	t.Fatal("no committed offset moved within 5000 steps")
}
