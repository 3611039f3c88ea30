package ui

import (
	"testing"

	course "kafkasim/lessons"
)

func TestFaultMenuSubtitlePerScreen(t *testing.T) {
	m := playScenario(t, 120, 36)
	if v := press(t, m, "f").View(); !contains(v, "stepping back and forth replays it") {
		t.Fatalf("the simulator's menu should say faults replay:\n%s", v)
	}
	l := openOn(t, ScreenLesson, "1", "", 120, 36)
	l = drive(t, l, "enter", "f")
	if v := l.View(); contains(v, "stepping back") || !contains(v, "a lesson runs forward only") {
		t.Fatalf("a lesson's menu should not promise replay:\n%s", v)
	}
	l = drive(t, l, "esc", "c", "f")
	if v := l.View(); !contains(v, "counts when c checks") {
		t.Fatalf("the challenge's menu should say the fault counts:\n%s", v)
	}
	if lessonFaultSubtitle(course.Tour) == lessonFaultSubtitle(course.ChallengeRun) {
		t.Fatal("tour and challenge should say different things")
	}
}
