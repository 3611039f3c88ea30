package simview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/sim"
)

// When a step makes records lost (the ledger's Lost count rises, as
// sim.Ledger reports it), the ledger lights the lost count, lights the
// bar's lost cells one after another, and says why in the engine's words
// (sim.Fates' reason). No count or glyph ever differs from the snapshot's,
// and the frame after the motion equals the --no-motion frame.
func TestLostRecordsAnimateWithReason(t *testing.T) {
	st := colourStyles()
	before := fixtureSnapshot(3, 1, 20)
	after := before
	after.Step++
	after.Ledger.Groups = []sim.GroupLedger{{ID: "billing", Processed: 30, ExactlyOnce: 27, Duplicated: 2, Lost: 4, Skipped: 2, Pending: 4}}
	reason := "truncated from b2 when b3 became leader (unclean)"
	fates := func(string) []sim.RecordFate {
		return []sim.RecordFate{{RecordID: 5, Reason: "old"}, {RecordID: 11, Reason: reason + "; more"},
			{RecordID: 12, Reason: reason}, {RecordID: 13, Reason: reason}}
	}
	frames := func(still bool) (lines [][]string, lit []int) {
		hot := NewAnim()
		hot.Still = still
		l := NewLedgerPane()
		l.SetSize(90, 8)
		l.Lost.Observe(&before, hot, fates)
		l.Lost.Ids["billing"] = map[int]bool{5: true} // told at an earlier step
		l.Lost.Observe(&after, hot, fates)
		for range MotionFrames + 1 {
			out := l.Render(st, &after)
			lines = append(lines, out)
			lit = append(lit, litCells(st, strings.Join(out, "\n")))
			hot.Advance()
		}
		return lines, lit
	}
	still, _ := frames(true)
	moving, lit := frames(false)
	text := ansi.Strip(strings.Join(still[0], "\n"))
	if !strings.Contains(text, "lost 4") || !strings.Contains(text, "+3 lost: "+reason) ||
		strings.Contains(text, "more") {
		t.Fatalf("the ledger should say 3 records were just lost, and why:\n%s", text)
	}
	for i, f := range moving {
		if ansi.Strip(strings.Join(f, "\n")) != text {
			t.Fatalf("frame %d: the motion changed what the ledger says:\n%s", i, ansi.Strip(strings.Join(f, "\n")))
		}
	}
	if strings.Join(moving[MotionFrames], "\n") != strings.Join(still[0], "\n") {
		t.Fatal("the frame after the motion should equal the --no-motion frame")
	}
	for i := 1; i < len(lit); i++ {
		if lit[i] < lit[i-1] {
			t.Fatalf("the lost cells should light one after another: %v", lit)
		}
	}
	if lit[0] >= lit[MotionFrames] {
		t.Fatalf("the lit lost cells should grow over the motion: %v", lit)
	}

	// A step that loses nothing lights nothing.
	hot := NewAnim()
	var tr LostTracker
	tr.Observe(&after, hot, fates)
	next := after
	next.Step++
	tr.Observe(&next, hot, fates)
	if _, ok := tr.LostNow("billing"); ok {
		t.Fatal("no record was lost in this step: nothing should light")
	}
}
