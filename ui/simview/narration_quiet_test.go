package simview

import (
	"slices"
	"testing"

	"kafkasim/sim"
	"kafkasim/ui/components"
)

// naiveListed is the narration's rule read straight off the events: newest
// first, every event of step but notes, and the quiet ones before it.
func naiveListed(events []sim.Event, step, keep int) []int {
	var out []int
	for i := len(events) - 1; i >= 0 && len(out) < keep; i-- {
		e := &events[i]
		if e.Type == sim.EvNote || (components.Noisy(e.Type) && e.Step != step) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// The index lists what a walk back through every event lists, frame after
// frame as the run grows, and after the list is replaced by another run's.
func TestQuietIndexListsWhatAFullWalkLists(t *testing.T) {
	types := []sim.EventType{sim.EvAppended, sim.EvNote, sim.EvReplicated, sim.EvLeaderElected, sim.EvFetched}
	mk := func(n, salt int) []sim.Event {
		var es []sim.Event
		for i := 0; i < n; i++ {
			es = append(es, sim.Event{Seq: i, Step: i / 3, AtMs: int64(i), Type: types[(i*7+salt)%len(types)]})
		}
		return es
	}
	var q quietIndex
	all := mk(600, 0)
	for n := 0; n <= len(all); n += 37 {
		events := all[:n]
		step := 0
		if n > 0 {
			step = events[n-1].Step
		}
		q.update(events)
		if got, want := q.listed(events, step, 50), naiveListed(events, step, 50); !slices.Equal(got, want) {
			t.Fatalf("%d events: listed %v, want %v", n, got, want)
		}
	}
	other := mk(300, 2) // a restart: another list, shorter
	q.update(other)
	if got, want := q.listed(other, 99, 500), naiveListed(other, 99, 500); !slices.Equal(got, want) {
		t.Fatalf("after a restart: listed %v, want %v", got, want)
	}
}
