package simview

import (
	"kafkasim/sim"
	"kafkasim/ui/components"
)

// quietIndex remembers where the events the narration lists whatever the
// step (all but notes and noisy ones) sit in the run's event list, so a
// frame reads only the events emitted since the last one instead of
// walking back through every event of a busy run to find them.
type quietIndex struct {
	at      []int      // indexes of the quiet events, in order
	scanned int        // events[:scanned] are indexed
	first   *sim.Event // the list indexed: a new one starts over
	last    sim.Event  // events[scanned-1] then: a changed one starts over
}

// update indexes the events not seen yet. A list that is not the one
// indexed (a restart, a step back to a checkpoint, another branch)
// is indexed from the start.
func (q *quietIndex) update(events []sim.Event) {
	if len(events) == 0 {
		*q = quietIndex{at: q.at[:0]}
		return
	}
	if q.first != &events[0] || q.scanned > len(events) || (q.scanned > 0 && !sameEvent(&events[q.scanned-1], &q.last)) {
		*q = quietIndex{at: q.at[:0]}
	}
	for i := q.scanned; i < len(events); i++ {
		if t := events[i].Type; t != sim.EvNote && !components.Noisy(t) {
			q.at = append(q.at, i)
		}
	}
	q.first, q.scanned, q.last = &events[0], len(events), events[len(events)-1]
}

// sameEvent tells events apart by where and when they were emitted.
func sameEvent(a, b *sim.Event) bool {
	return a.Seq == b.Seq && a.Step == b.Step && a.AtMs == b.AtMs && a.Type == b.Type && a.Text == b.Text
}

// listed is what the narration shows, newest first: every event of step
// but notes, then the quiet events before it, keep in all.
func (q *quietIndex) listed(events []sim.Event, step, keep int) []int {
	var out []int
	i := len(events) - 1
	for ; i >= 0 && events[i].Step == step && len(out) < keep; i-- {
		if events[i].Type != sim.EvNote {
			out = append(out, i)
		}
	}
	for k := len(q.at) - 1; k >= 0 && len(out) < keep; k-- {
		if q.at[k] <= i {
			out = append(out, q.at[k])
		}
	}
	return out
}
