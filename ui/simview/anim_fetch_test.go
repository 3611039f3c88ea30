package simview

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"kafkasim/sim"
	"kafkasim/ui/theme"
)

// colourStyles render with colour, so a highlight can be seen in a test.
func colourStyles() *theme.Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	st := theme.NewStyles(r)
	return &st
}

// litCells counts the cells of a rendered strip or bar drawn in the Hot style.
func litCells(st *theme.Styles, line string) int {
	on := strings.SplitN(st.Hot.Render("x"), "x", 2)[0]
	n := 0
	for _, part := range strings.Split(line, on)[1:] {
		run, _, _ := strings.Cut(part, "\x1b")
		n += strings.Count(run, "█") + strings.Count(run, "▒") + strings.Count(run, BarLost)
	}
	return n
}

// A follower's fetch (EvReplicated, as sim.applyFetched emits it) moves
// the batch from the leader's strip to the follower's: lit on the leader
// first, on the follower last, the lit cells passing from one to the other
// frame by frame. Every frame has the snapshot's glyphs, and the last one
// equals the --no-motion frame.
func TestFetchTravelsLeaderToFollower(t *testing.T) {
	for _, from := range []int64{14, 17} { // a batch of 4 records, and of 1
		fetchTravels(t, from, 18)
	}
}

func fetchTravels(t *testing.T, from, to int64) {
	t.Helper()
	st := colourStyles()
	snap := fixtureSnapshot(3, 1, 20) // orders-0: leader b1 LEO 20, b2 LEO 18, b3 LEO 15
	p := &snap.Topics[0].Partitions[0]
	ev := sim.Event{Type: sim.EvReplicated, Topic: "orders", Partition: 0, Broker: 2, Broker2: 1,
		Offset: from, EndOffset: to, Count: int(to - from)}
	n := int(to - from)
	strips := func(hot *Anim) (lead, follow string) {
		c := NewClusterPane()
		line := func(b int) string {
			return c.StripLine(st, p, FindReplica(p, b), &snap.Brokers[b-1], hot, 1, 40)
		}
		return line(1), line(2)
	}
	still := NewAnim()
	still.Still = true
	still.Absorb([]sim.Event{ev})
	stillLead, stillFollow := strips(still)

	hot := NewAnim()
	hot.Absorb([]sim.Event{ev})
	var onLead, onFollow []int
	for frame := 0; frame <= MotionFrames; frame++ {
		lead, follow := strips(hot)
		if ansi.Strip(lead) != ansi.Strip(stillLead) || ansi.Strip(follow) != ansi.Strip(stillFollow) {
			t.Fatalf("frame %d: the motion changed a glyph:\n%q\n%q", frame, ansi.Strip(lead), ansi.Strip(follow))
		}
		onLead, onFollow = append(onLead, litCells(st, lead)), append(onFollow, litCells(st, follow))
		if frame == MotionFrames && (lead != stillLead || follow != stillFollow) {
			t.Fatalf("the frame after the motion should equal the --no-motion frame")
		}
		hot.Advance()
	}
	if onLead[0] != n || onFollow[0] != 0 || onLead[MotionFrames] != 0 || onFollow[MotionFrames] != n {
		t.Fatalf("the batch of %d should start on the leader and end on the follower: leader %v follower %v", n, onLead, onFollow)
	}
	for i := 1; i <= MotionFrames; i++ {
		if onLead[i] > onLead[i-1] || onFollow[i] < onFollow[i-1] || onLead[i]+onFollow[i] != n {
			t.Fatalf("the batch should pass from leader to follower: leader %v follower %v", onLead, onFollow)
		}
	}
	appended := NewAnim()
	appended.Absorb([]sim.Event{{Type: sim.EvAppended, Topic: "orders", Partition: 0, Broker: 1, Count: 4}})
	if appended.Fetching("orders", 0, 2) || appended.Fetching("orders", 0, 1) {
		t.Fatal("an append on the leader is not a fetch: nothing should travel")
	}
}
