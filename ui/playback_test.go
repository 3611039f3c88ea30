package ui

import (
	"strings"
	"testing"

	course "kafkasim/lessons"
	"kafkasim/ui/components"
	"kafkasim/ui/lesson"
	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
)

func TestSpeedSaysWhatItMeans(t *testing.T) {
	m := playScenario(t, 120, 36) // the fixture lasts 60s
	s := m.sim
	press(t, m, "+")
	if want := "×2 = 2 virtual seconds per real second · 1m left: about 30s to watch"; s.Status != want {
		t.Fatalf("status %q, want %q", s.Status, want)
	}
	for range 3 {
		press(t, m, "-")
	}
	if !strings.HasPrefix(s.Status, "×0.25 = 0.25 virtual seconds per real second") || !contains(s.Status, "4m") {
		t.Fatalf("status %q", s.Status)
	}
	m = press(t, m, "?")
	if v := m.View(); !contains(v, "×1 = 1 virtual second per real second; now ×0.25") {
		t.Fatalf("help should say what ×1 means:\n%s", v)
	}
	// A 120s scenario at the fastest speeds plays in seconds.
	for i, want := range map[int]int64{len(simview.Speeds) - 2: 4_000, len(simview.Speeds) - 3: 12_000} {
		if got := 120_000 * 1000 / simview.Speeds[i].MsPerSec; got > want {
			t.Errorf("%s plays 120s in %dms, want at most %dms", simview.Speeds[i].Label, got, want)
		}
	}
}

func TestPlayStopsOnTheScenarioEnd(t *testing.T) {
	m := playScenario(t, 120, 36)
	s := m.sim
	s.Spec.DurationMs = 1_025 // not a whole number of 50ms frames
	m = press(t, m, "space")
	for i := 0; i < 100 && s.Playing; i++ {
		m.Update(simview.TickMsg{Gen: s.Gen})
	}
	if s.Run.Now() != 1_025 || s.Playing || !contains(s.Status, "end of the scenario") {
		t.Fatalf("want a pause at exactly 1.025s, at %dms playing %v: %q", s.Run.Now(), s.Playing, s.Status)
	}
	if v := m.View(); !contains(v, "1.025s / 1.025s") {
		t.Fatalf("the timeline should end on the duration:\n%s", v)
	}
}

func TestTimelineWithoutDuration(t *testing.T) {
	st := plainStyles()
	tl := components.TimelinePane{W: 80}
	tests := []struct {
		nowMs int64
		want  string
	}{
		{0, "0.000s (scale 0–10s)"},
		{9_999, "9.999s (scale 0–10s)"},
		{12_000, "12.000s (scale 0–30s)"},
		{90_000, "90.000s (scale 0–2m)"},
		{4_000_000, "4000.000s (scale 0–2h)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			lines := tl.Render(st, tt.nowMs, 0, nil)
			if !contains(lines[0], tt.want) || contains(lines[0], " / ") {
				t.Fatalf("got %q, want %q and no denominator", lines[0], tt.want)
			}
		})
	}
	if got := components.ScaleLabel(90_500); got != "1m30s" {
		t.Fatalf("scaleLabel(90.5s) = %q", got)
	}
	if got := components.ScaleLabel(5_400_000); got != "1h30m" {
		t.Fatalf("scaleLabel(1.5h) = %q", got)
	}
}

func TestFaultMenuSubtitlePerScreen(t *testing.T) {
	m := playScenario(t, 120, 36)
	if v := press(t, m, "f").View(); !contains(v, "stepping back and forth replays it") {
		t.Fatalf("the simulator's menu should say faults replay:\n%s", v)
	}
	l := openOn(t, nav.ScreenLesson, "1", "", 120, 36)
	l = drive(t, l, "enter", "f")
	if v := l.View(); !contains(v, "← back before it or r starts the run again") {
		t.Fatalf("a lesson's menu should say how a fault is undone:\n%s", v)
	}
	l = drive(t, l, "esc", "c", "f")
	if v := l.View(); !contains(v, "counts when c checks") {
		t.Fatalf("the challenge's menu should say the fault counts:\n%s", v)
	}
	if lesson.LessonFaultSubtitle(course.Tour) == lesson.LessonFaultSubtitle(course.ChallengeRun) {
		t.Fatal("tour and challenge should say different things")
	}
}
