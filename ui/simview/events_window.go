package simview

import "kafkasim/sim"

// A long run keeps only its latest events (sim.Run.KeepEvents), so the
// list the screen holds is a window: positions in the run's event stream
// are Seq numbers, not indexes.

// endSeq is the Seq the next event will have.
func endSeq(events []sim.Event) int {
	if len(events) == 0 {
		return 0
	}
	return events[len(events)-1].Seq + 1
}

// eventsFrom is the part of events with Seq at or after seq.
func eventsFrom(events []sim.Event, seq int) []sim.Event {
	if len(events) == 0 {
		return nil
	}
	return events[min(max(seq-events[0].Seq, 0), len(events)):]
}
