package ui

import (
	"testing"
	"time"

	"kafkasim/ui/simview"
)

// Playback advances by the real time between frames times the speed, so a
// late frame makes up for the time it lost (a terminal that draws slowly
// still plays at the speed shown); the first frame counts one interval.
func TestPlaybackFollowsRealElapsedTime(t *testing.T) {
	m := playScenario(t, 80, 24)
	s := m.sim
	m = press(t, m, "space")
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	m.Update(simview.TickMsg{Gen: s.Gen, At: t0})
	if s.Run.Now() != 50 { // ×1: the first frame stands for one interval
		t.Fatalf("first frame at ×1: now %dms, want 50", s.Run.Now())
	}
	m.Update(simview.TickMsg{Gen: s.Gen, At: t0.Add(200 * time.Millisecond)})
	if s.Run.Now() != 250 {
		t.Fatalf("a frame 200ms after the last at ×1: now %dms, want 250", s.Run.Now())
	}
	m.Update(simview.TickMsg{Gen: s.Gen, At: t0.Add(time.Hour)})
	if got := s.Run.Now(); got != 250+simview.MaxFrameGap.Milliseconds() {
		t.Fatalf("a frame an hour late: now %dms, want %d (capped)", got, 250+simview.MaxFrameGap.Milliseconds())
	}
}
