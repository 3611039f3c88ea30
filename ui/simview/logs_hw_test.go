package simview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The high watermark moves from 20 to 28 in one step (the followers'
// fetches reached 28: Partition.maybeIncrementLeaderHW): while the motion
// runs a trail under offsets 20–27 shows where H came from and shrinks;
// H itself sits at 28 in every frame, so the motion never shows an offset
// as committed that is not. With --no-motion there is no trail at all.
func TestHWSlidesWithoutLying(t *testing.T) {
	st := plainStyles()
	snap := fixtureSnapshot(3, 1, 30) // orders-0: HW 28, LEO 30, b2 at 28, b3 at 25
	p := &snap.Topics[0].Partitions[0]
	markers := func(l *logsPane, hot *Anim) []rune {
		var b strings.Builder
		l.writeMarkers(&b, &snap, p, 0, 31, hot)
		return []rune(ansi.Strip(b.String()))
	}
	slide := func(hot *Anim) *logsPane {
		l := newLogsPane(st)
		p.HighWatermark, snap.Step = 20, 1
		l.hws.observe(&snap, hot)
		p.HighWatermark, snap.Step = 28, 2
		l.hws.observe(&snap, hot)
		return &l
	}
	hot := NewAnim()
	l := slide(hot)
	var trails []int
	for frame := 0; frame <= MotionFrames; frame++ {
		row := markers(l, hot)
		if row[2*28] != 'H' || strings.Count(string(row), "H") != 1 {
			t.Fatalf("frame %d: H should sit at offset 28 (cell 56): %q", frame, string(row))
		}
		if strings.ContainsRune(string(row[2*28:]), glyphHWTrail) {
			t.Fatalf("frame %d: the trail should only cover offsets below the HW: %q", frame, string(row))
		}
		trails = append(trails, strings.Count(string(row), string(glyphHWTrail)))
		hot.Advance()
	}
	// 20–27 less 25, where b3's log end is marked.
	if trails[0] != 7 || trails[MotionFrames] != 0 {
		t.Fatalf("the trail should run from 7 marks to none, got %v", trails)
	}
	for i := 1; i < len(trails); i++ {
		if trails[i] > trails[i-1] {
			t.Fatalf("the trail should only shrink: %v", trails)
		}
	}
	still := NewAnim()
	still.Still = true
	if row := markers(slide(still), still); strings.ContainsRune(string(row), glyphHWTrail) {
		t.Fatalf("--no-motion should draw no trail: %q", string(row))
	}
	l = slide(NewAnim())
	back := NewAnim()
	p.HighWatermark, snap.Step = 24, 3 // a new leader's HW can start lower
	l.hws.observe(&snap, back)
	if back.Is(hwFromKey(p)) {
		t.Fatal("a high watermark that did not advance should not slide")
	}
}
