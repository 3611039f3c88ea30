package simview

import (
	"strings"
	"testing"

	"kafkasim/sim"
)

// A commit moves C from 20 to 30: while the motion runs, a trail shows
// where it came from and shrinks; C itself is at 30 in every frame, so
// the animation never shows an offset the group did not commit.
func TestCommitSlidesWithoutLying(t *testing.T) {
	hot := NewAnim()
	k := HotKey{Kind: HotCommitFrom, S1: "g", S2: "t", N1: 0}
	hot.LightFrom(k, 20)
	var trails []int
	for frame := 0; frame <= MotionFrames; frame++ {
		row := RulerCells(10, 40)
		row.Mark(int(30-10)*2, 'C', RulerCommitted)
		row.Slide(hot, k, 30, 10, 40)
		text := string(row.R)
		if row.R[40] != 'C' || strings.Count(text, "C") != 1 {
			t.Fatalf("frame %d: C should sit at offset 30 (cell 40): %q", frame, text)
		}
		trails = append(trails, strings.Count(text, "‹"))
		hot.Advance()
	}
	if trails[0] != 10 || trails[len(trails)-1] != 0 {
		t.Fatalf("the trail should run from 10 offsets to none, got %v", trails)
	}
	for i := 1; i < len(trails); i++ {
		if trails[i] > trails[i-1] {
			t.Fatalf("the trail should only shrink: %v", trails)
		}
	}
}

// With --no-motion every change is drawn in its final state at once and
// no motion frame is ever scheduled.
func TestNoMotionSchedulesNothing(t *testing.T) {
	m := newFixtureSim(120, 36, 3, 3, 30)
	m.Hot.Still = true
	m.Hot.Absorb([]sim.Event{{Type: sim.EvTruncated, Topic: "orders", Partition: 0, Broker: 2, Offset: 5, EndOffset: 9}})
	if m.Hot.Moving() || m.Animate() != nil {
		t.Fatal("no motion should be scheduled with --no-motion")
	}
	if g := m.Hot.CrumbleAt(&m.Hot.Truncs[0]); g != Crumble[len(Crumble)-1] {
		t.Fatalf("truncated records should show crumbled at once, got %q", g)
	}
	m.Hot.Still = false
	if !m.Hot.Moving() || m.Animate() == nil {
		t.Fatal("with motion, a paused screen should draw the crumbling")
	}
	for range MotionFrames {
		m.Hot.Advance()
	}
	if m.Hot.Moving() {
		t.Fatal("the motion should end after its frames")
	}
}
