package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	course "kafkasim/lessons"
	"kafkasim/ui/components"
	"kafkasim/ui/lesson"
	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
	"kafkasim/ui/theme"
)

// TestLessonOneModel walks lesson 1 through the model: read, the stops and
// their predictions, the end of the tour, the challenge and its check.
func TestLessonOneModel(t *testing.T) {
	dir := t.TempDir()
	m := openOn(t, nav.ScreenLesson, "1", dir, 80, 24)
	s := m.lesson
	if m.current != nav.ScreenLesson || s == nil || s.Phase != lesson.LessonReading {
		t.Fatalf("want the lesson's text, on %v", m.current)
	}
	if got := m.book.Get("event-streaming-and-the-log").Status; got != course.InProgress {
		t.Fatalf("opening a lesson should mark it in progress, got %q", got)
	}
	m = drive(t, m, "enter")
	if s.Phase != lesson.LessonTour || !s.Sim.Playing {
		t.Fatalf("enter should start the tour playing (phase %v)", s.Phase)
	}
	m = drive(t, m, "enter") // jump to the first stop
	if s.Stop != 0 || s.Sim.Playing || s.Player.Sim().Now() != 2000 {
		t.Fatalf("want stop 1 at 2s, paused; stop %d at %dms", s.Stop, s.Player.Sim().Now())
	}
	if v := m.View(); !contains(v, "STOP 1 of 3") || !contains(v, "appending records to events-0") {
		t.Fatalf("the stop's text should show:\n%s", v)
	}
	m = drive(t, m, "enter", "enter") // continue, then jump to stop 2
	if s.Stop != 1 || !s.Asking() {
		t.Fatalf("want stop 2 asking its question, stop %d", s.Stop)
	}
	m = drive(t, m, "space", "right") // the run waits for the answer
	if s.Player.Sim().Now() != 9000 {
		t.Fatalf("keys other than answers moved the run to %dms", s.Player.Sim().Now())
	}
	m = drive(t, m, "enter")
	if s.Verdict != nil || !contains(s.Ask.Err, "pick an answer first") || s.Player.Sim().Now() != 9000 {
		t.Fatalf("enter with nothing picked answered or moved the run: %+v %q", s.Verdict, s.Ask.Err)
	}
	m = drive(t, m, "2")
	if s.Verdict != nil || s.Ask.Cursor != 1 {
		t.Fatal("a number key should pick, not answer")
	}
	m = drive(t, m, "enter") // confirm: the interval plays until the reveal
	if s.Verdict != nil || !s.Revealing() || !s.Sim.Playing {
		t.Fatalf("the answer should play its interval first (revealing %v, playing %v)", s.Revealing(), s.Sim.Playing)
	}
	m = drive(t, m, "enter") // jump to the answer
	if s.Verdict == nil || !s.Verdict.Right || s.Player.Sim().Now() != s.Verdict.RevealMs {
		t.Fatalf("answer 2 should be judged right at the reveal time: %+v", s.Verdict)
	}
	m = drive(t, m, "enter", "enter", "a", "enter", "enter", "enter")
	if !s.TourDone || s.Verdict != nil {
		t.Fatalf("want the end of the tour (stop %d)", s.Stop)
	}
	lp := m.book.Get("event-streaming-and-the-log")
	if lp.PredictionsTotal != 2 || lp.PredictionsRight != 1 {
		t.Fatalf("predictions recorded %d/%d, want 1/2", lp.PredictionsRight, lp.PredictionsTotal)
	}
	m = drive(t, m, "enter")
	if s.Phase != lesson.LessonChallenge || s.Player.Mode() != course.ChallengeRun {
		t.Fatalf("enter at the end of the tour should start the challenge, phase %v", s.Phase)
	}
	m = drive(t, m, "f", "enter", "down", "enter", "c")
	if !s.Passed || !s.LastOK {
		t.Fatalf("sending 100 records at 0s should pass: %v", s.Details)
	}
	if got := m.book.Get("event-streaming-and-the-log").Status; got != course.Passed {
		t.Fatalf("status %q after passing", got)
	}
	p, warn, err := course.LoadProgress(dir)
	if err != nil || warn != nil || p.Get("event-streaming-and-the-log").Status != course.Passed {
		t.Fatalf("saved progress: %+v %v %v", p, warn, err)
	}
	m = drive(t, m, "esc")
	if m.current != nav.ScreenHome || !contains(m.View(), "✓ 1. Event streaming") || !contains(m.View(), "progress ✓ done") {
		t.Fatalf("home should mark lesson 1 done:\n%s", m.View())
	}
}

// TestLessonTicksPauseAtStop plays the tour frame by frame: the run pauses
// itself at the first stop and stale ticks do nothing.
func TestLessonTicksPauseAtStop(t *testing.T) {
	m := openOn(t, nav.ScreenLesson, "1", "", 80, 24)
	m = drive(t, m, "enter", "+", "+", "+") // ×10: half a second a frame
	s := m.lesson
	for i := 0; i < 100 && s.Stop < 0; i++ {
		next, _ := m.Update(simview.TickMsg{Gen: s.Sim.Gen})
		m = next.(Model)
	}
	if s.Stop != 0 || s.Sim.Playing || s.Player.Sim().Now() != 2000 {
		t.Fatalf("want a pause at stop 1 (2s), stop %d at %dms playing %v", s.Stop, s.Player.Sim().Now(), s.Sim.Playing)
	}
	next, _ := m.Update(simview.TickMsg{Gen: s.Sim.Gen})
	if next.(Model).lesson.Player.Sim().Now() != 2000 {
		t.Fatal("a tick moved the run past a stop")
	}
}

// TestLessonRestartAndBackKeys: [ goes back to the previous stop with its
// question open again, ← steps back, r starts the tour again, and the
// seed prompt stays off in lessons and out of its help.
func TestLessonRestartAndBackKeys(t *testing.T) {
	m := openOn(t, nav.ScreenLesson, "1", "", 80, 24)
	m = drive(t, m, "enter", "enter", "enter", "enter")
	s := m.lesson
	if s.Stop != 1 {
		t.Fatalf("want stop 2, at %d", s.Stop)
	}
	m = drive(t, m, "esc") // hides the question; the next esc would go home
	if m.current != nav.ScreenLesson || !s.Hidden {
		t.Fatal("esc with a question open should hide it, not leave")
	}
	m = drive(t, m, "[")
	if s.Stop != 0 || s.Player.Sim().Now() != 2000 {
		t.Fatalf("[ should go back to stop 1 at 2s: stop %d at %dms", s.Stop, s.Player.Sim().Now())
	}
	m = drive(t, m, "enter", "enter", "h")
	if s.Player.Sim().Now() >= 9000 || s.Stop >= 0 {
		t.Fatalf("← should step back from stop 2: %dms, stop %d", s.Player.Sim().Now(), s.Stop)
	}
	m = drive(t, m, "S")
	if s.Sim.Prompt.IsOpen() {
		t.Fatal("the seed prompt should be off in a lesson")
	}
	m = drive(t, m, "r")
	if s.Player.Sim().Now() != 0 || s.Stop != -1 || s.Hidden {
		t.Fatalf("r should restart the tour at 0s, at %dms stop %d", s.Player.Sim().Now(), s.Stop)
	}
	for _, b := range s.Keys().FullHelp() {
		for _, k := range b {
			if k.Enabled() && (k.Help().Key == "S" || k.Help().Key == "w") {
				t.Errorf("help lists %q, which a lesson cannot do", k.Help().Key)
			}
		}
	}
}

// TestLessonHintsEscalate: i shows a nudge, how it works, then the
// solution, at any time; p plays the solution and it passes; every hint
// shown is saved.
func TestLessonHintsEscalate(t *testing.T) {
	m := openOn(t, nav.ScreenLesson, "5", "", 120, 36)
	m = drive(t, m, "c") // straight to the challenge from the text
	s := m.lesson
	m = drive(t, m, "p")
	if !contains(s.Status, "hints first") {
		t.Fatalf("p before the solution hint: %q", s.Status)
	}
	m = drive(t, m, "i")
	if !contains(m.View(), "nudge") {
		t.Fatalf("the first hint should be a nudge:\n%s", m.View())
	}
	m = drive(t, m, "i", "i")
	if !contains(m.View(), "solution") || !contains(m.View(), "restart consumer 1 of group billing") {
		t.Fatalf("the third hint should be the solution:\n%s", m.View())
	}
	m = drive(t, m, "p", "c")
	if !s.LastOK {
		t.Fatalf("the played solution should pass: %v", s.Details)
	}
	if got := m.book.Get("offsets-and-commits"); got.HintsUsed != 3 || got.Status != course.Passed {
		t.Fatalf("progress %+v", got)
	}
}

// TestLessonSaveFailureShown: progress that cannot be written is shown,
// and the lesson goes on.
func TestLessonSaveFailureShown(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(dir, []byte("not a directory"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := openOn(t, nav.ScreenLesson, "2", dir, 80, 24)
	if !contains(m.View(), "progress not saved") {
		t.Fatalf("a failed save should show:\n%s", m.View())
	}
	m = drive(t, m, "enter", "enter")
	if m.lesson.Stop != 0 {
		t.Fatal("the lesson should go on after a failed save")
	}
}

// TestLessonCorruptProgress: a damaged file is a warning on the home
// screen, a fresh start, and a backup.
func TestLessonCorruptProgress(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, course.ProgressFile), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := newModel(Options{StateDir: dir}, plainStyles(), defaultDeps())
	v := m.View()
	if !contains(v, "damaged") || !contains(v, "○ 1. Event streaming") || !contains(v, "progress ○ not started") {
		t.Fatalf("want a warning and fresh marks:\n%s", v)
	}
	if _, err := os.Stat(filepath.Join(dir, course.ProgressFile+".bak")); err != nil {
		t.Fatalf("the damaged file should be kept: %v", err)
	}
}

// TestLessonUnknown shows an error screen, not a crash.
func TestLessonUnknown(t *testing.T) {
	m := openOn(t, nav.ScreenLesson, "99", "", 80, 24)
	if m.current != nav.ScreenMessage || !contains(m.View(), "no lesson 99") {
		t.Fatalf("want an error screen:\n%s", m.View())
	}
}

// TestLessonMarkdown renders headings, lists, a table (as its text),
// emphasis and code as plain text without colour, every line within the width
// and the file's control bytes made visible.
func TestLessonMarkdown(t *testing.T) {
	src := "## Title\n\nSome **bold** and `code` and *em*, 3 * 4.\n\n- one\n- two\n\n1. first\n\n" +
		"| acks | waits for |\n|---|---|\n| 1 | the leader |\n\n```\nraw  text\n```\n\x1b[2Jevil"
	lines := components.RenderMarkdown(plainStyles(), src, 30)
	got := strings.Join(lines, "\n")
	for _, want := range []string{"## Title", "Some bold and code and em, 3", "• one\n• two", "1. first",
		"acks", "the leader", "raw  text", `\x1b[2Jevil`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 30 || strings.HasSuffix(l, " ") || strings.Contains(l, "**") {
			t.Errorf("line %q: wider than 30, padded, or with emphasis markers", l)
		}
	}
}

// TestLessonMarkdownThemed: with colour the text is styled for the
// background (dark and light differ), without padding, and a
// second render of the same text at the same width is the cached one.
func TestLessonMarkdownThemed(t *testing.T) {
	src := "## Acks\n\nThe **leader** replies with `acks=all`."
	var seen []string
	for _, dark := range []bool{true, false} {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.TrueColor)
		r.SetHasDarkBackground(dark)
		st := theme.NewStyles(r)
		lines := components.RenderMarkdown(&st, src, 40)
		text := strings.Join(lines, "\n")
		if !strings.Contains(text, "\x1b[") || !strings.Contains(ansi.Strip(text), "The leader replies with acks=all.") {
			t.Fatalf("dark %v: not styled, or words lost: %q", dark, text)
		}
		for _, l := range lines {
			if strings.HasSuffix(ansi.Strip(l), " ") {
				t.Errorf("dark %v: padded line %q", dark, l)
			}
		}
		again := components.RenderMarkdown(&st, src, 40)
		if &again[0] != &lines[0] {
			t.Errorf("dark %v: the second render was not the cached one", dark)
		}
		seen = append(seen, text)
	}
	if seen[0] == seen[1] {
		t.Error("dark and light render the same colours")
	}
}

func TestLessonReadGolden80x24(t *testing.T) {
	m := openOn(t, nav.ScreenLesson, "1", "", 80, 24)
	golden.RequireEqual(t, []byte(m.View()))
}

func TestLessonStopGolden80x24(t *testing.T) {
	m := openOn(t, nav.ScreenLesson, "1", "", 80, 24)
	m = drive(t, m, "enter", "enter", "enter", "enter")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestLessonStopGolden120x36(t *testing.T) {
	m := openOn(t, nav.ScreenLesson, "1", "", 120, 36)
	m = drive(t, m, "enter", "enter", "enter", "enter", "2", "enter", "enter")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestLessonChallengeGolden80x24(t *testing.T) {
	m := openOn(t, nav.ScreenLesson, "10", "", 80, 24)
	m = drive(t, m, "c", "c")
	golden.RequireEqual(t, []byte(m.View()))
}

// TestLessonHintKeyInFooter: the hint key shows in the challenge's footer
// at 80 and 120 columns, before anything that could be cut.
func TestLessonHintKeyInFooter(t *testing.T) {
	for _, w := range []int{80, 120} {
		m := openOn(t, nav.ScreenLesson, "5", "", w, 24+(w-80)*12/40)
		m = drive(t, m, "c", "c")
		lines := strings.Split(m.View(), "\n")
		if footer := lines[len(lines)-1]; !contains(footer, "i hint") {
			t.Errorf("at %d columns the footer has no hint key: %q", w, footer)
		}
	}
}
