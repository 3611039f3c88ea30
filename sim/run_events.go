package sim

// A run played for long at a high speed emits events without end (about
// 8,000 a virtual second on a 100-partition cluster at 1000 records/s):
// kept all, they would take gigabytes and their list would be copied as it
// grows. A run told to keep a window forgets the oldest events past it.

// checkpointEvents is how many of the latest events a checkpoint keeps of
// its own once the run forgets events: a step back to it shows these and
// those replayed after.
const checkpointEvents = 512

// KeepEvents bounds the events the run remembers: once more than 2n are
// kept, all but the last n are forgotten (Sim.ForgetEventsBefore; the
// digest still covers them). From then on a checkpoint keeps a copy of its
// last checkpointEvents events instead of sharing the run's list, so memory
// stays flat however long the run plays. 0, the default, keeps every event.
// A fork (a what-if branch) keeps every event of its own.
func (r *Run) KeepEvents(n int) { r.keepEvents = max(n, 0) }

// trimEvents forgets the events past the window. The window moves to a
// new array with room to fill before the next move (and for the events of
// the step that fills it): a caller holding the old list still reads what
// it read.
func (r *Run) trimEvents() {
	s := r.sim
	if r.keepEvents == 0 || len(s.events) < 2*r.keepEvents {
		return
	}
	drop := len(s.events) - r.keepEvents
	kept := make([]Event, r.keepEvents, 2*r.keepEvents+stepEventsRoom)
	copy(kept, s.events[drop:])
	s.events, s.eventsShared = kept, false
	s.eventBase += drop
}

// ownCheckpointEvents gives the checkpoint c, just cloned from the run, a
// copy of its last checkpointEvents events once the run forgets events, so
// it holds no window the run has moved on from. shared is whether the
// run's list was shared before the clone. It returns the bytes the copy
// takes.
func (r *Run) ownCheckpointEvents(c *Sim, shared bool) int {
	if r.keepEvents == 0 || r.sim.eventBase == 0 {
		return 0
	}
	drop := max(len(c.events)-checkpointEvents, 0)
	c.events = append([]Event(nil), c.events[drop:]...)
	c.eventBase += drop
	r.sim.eventsShared = shared
	return len(c.events) * eventBytes
}

// stepEventsRoom is room for the events of one step past a full window.
const stepEventsRoom = 4096

// eventBytes is about what an event takes in memory, its text included.
const eventBytes = 400
