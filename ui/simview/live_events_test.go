package simview

import (
	"strconv"
	"testing"

	"kafkasim/sim"
)

// A serve session has no end, so the live screen keeps only the latest
// events; the screen, holding an older slice, misses none of the new ones
// when the oldest are dropped under it.
func TestLiveEventsStayBoundedAndNoneIsMissed(t *testing.T) {
	events := &LiveEvents{keep: 100}
	m := &Screen{Run: liveRun{live: Live{Events: events}}, Hot: NewAnim()}
	seq := 0
	for batch := range 200 {
		var b []sim.Event
		b = append(b, sim.Event{Seq: seq, Type: sim.EvNote, Text: "batch " + strconv.Itoa(batch)})
		seq++
		for range 6 {
			b = append(b, sim.Event{Seq: seq, Type: sim.EvAppended, Topic: "t"})
			seq++
		}
		held := events.all()
		events.Add(b)
		if len(held) > 0 && held[len(held)-1].Seq != seq-len(b)-1 {
			t.Fatal("a slice the screen held was written")
		}
		m.AbsorbNew(false)
		if m.Note == nil || m.Note.Text != "batch "+strconv.Itoa(batch) {
			t.Fatalf("batch %d: the screen's narration is %v: it skipped new events after a trim", batch, m.Note)
		}
	}
	all := events.all()
	if len(all) > 125 || all[len(all)-1].Seq != seq-1 || all[len(all)-1].Seq-all[0].Seq != len(all)-1 {
		t.Fatalf("kept %d events, %d..%d: want at most 125, the newest, in a row", len(all), all[0].Seq, all[len(all)-1].Seq)
	}
}
