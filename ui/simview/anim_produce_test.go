package simview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/sim"
)

// A batch of 3 lands in the leader's log (EvAppended, as
// sim.appendBatch emits it for ReplicaManager.appendRecordsToLeaderLocal):
// the cluster picture shows it arriving at the leader's strip. An arrow
// stands before the strip while it comes in, and the batch's cells light
// up front first, frame by frame. No strip glyph ever changes, the last
// frame equals the --no-motion frame, and the followers show no arrow.
func TestProduceArrivesAtLeaderStrip(t *testing.T) {
	st := colourStyles()
	snap := fixtureSnapshot(3, 1, 20) // orders-0: leader b1 LEO 20
	p := &snap.Topics[0].Partitions[0]
	ev := sim.Event{Type: sim.EvAppended, Producer: "p1", Topic: "orders", Partition: 0, Broker: 1,
		Offset: 17, EndOffset: 20, Count: 3}
	const n = 3
	strip := func(hot *Anim, b int) string {
		c := NewClusterPane()
		return c.StripLine(st, p, FindReplica(p, b), &snap.Brokers[b-1], hot, 1, 40)
	}
	arrowAt := func(line string) bool { return []rune(ansi.Strip(line))[2] == glyphProduceIn }
	cellsOf := func(line string) string { return string([]rune(ansi.Strip(line))[3:]) }

	still := NewAnim()
	still.Still = true
	still.Absorb([]sim.Event{ev})
	stillLead := strip(still, 1)
	if arrowAt(stillLead) || litCells(st, stillLead) != n {
		t.Fatalf("--no-motion should light the batch's %d cells at once, with no arrow: %q", n, ansi.Strip(stillLead))
	}

	hot := NewAnim()
	hot.Absorb([]sim.Event{ev})
	var lit []int
	for frame := 0; frame <= MotionFrames; frame++ {
		lead := strip(hot, 1)
		if cellsOf(lead) != cellsOf(stillLead) {
			t.Fatalf("frame %d: the motion changed a strip glyph: %q", frame, ansi.Strip(lead))
		}
		if arrowAt(lead) != (frame < MotionFrames) {
			t.Fatalf("frame %d: the arrow should show while the batch arrives, and only then: %q", frame, ansi.Strip(lead))
		}
		for _, b := range []int{2, 3} {
			if f := strip(hot, b); arrowAt(f) || strings.ContainsRune(ansi.Strip(f), glyphProduceIn) {
				t.Fatalf("frame %d: a follower receives no produce request: %q", frame, ansi.Strip(f))
			}
		}
		lit = append(lit, litCells(st, lead))
		if frame == MotionFrames && lead != stillLead {
			t.Fatal("the frame after the motion should equal the --no-motion frame")
		}
		hot.Advance()
	}
	if lit[0] != 0 || lit[MotionFrames] != n {
		t.Fatalf("the batch should light from none to its %d cells: %v", n, lit)
	}
	for i := 1; i < len(lit); i++ {
		if lit[i] < lit[i-1] {
			t.Fatalf("the batch should only come in: %v", lit)
		}
	}
}

// Where the brokers are drawn as tokens (a small terminal), the leader's
// token carries the arrow while the batch arrives; the line keeps its width.
func TestProduceArrivesAtLeaderToken(t *testing.T) {
	st := plainStyles()
	snap := fixtureSnapshot(3, 2, 20) // b1 leads orders-0, follows orders-1
	ev := sim.Event{Type: sim.EvAppended, Producer: "p1", Topic: "orders", Partition: 0, Broker: 1,
		Offset: 17, EndOffset: 20, Count: 3}
	tokens := func(hot *Anim) string {
		c := NewClusterPane()
		return ansi.Strip(strings.Join(c.tokenLines(st, &snap, &snap.Brokers[0], hot, 30), "|"))
	}
	hot := NewAnim()
	hot.Absorb([]sim.Event{ev})
	if got := tokens(hot); !strings.HasPrefix(got, "0◆"+glyphProduceInToken+"1") {
		t.Fatalf("the leader's token should carry the arrow as the batch arrives: %q", got)
	}
	for range MotionFrames {
		hot.Advance()
	}
	still := NewAnim()
	still.Still = true
	still.Absorb([]sim.Event{ev})
	for _, a := range []*Anim{hot, still} {
		if got := tokens(a); got != tokens(NewAnim()) {
			t.Fatalf("after the motion, and with --no-motion, the tokens should read as at rest: %q", got)
		}
	}
}
