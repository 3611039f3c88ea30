package sim

// A step back restores a checkpoint whose events are, most often, the
// start of the very array the run was writing (a run that has not yet
// forgotten events shares it with its checkpoints). Copying them into a
// new array took a fresh window's worth of memory at every step back (a
// page fault every dozen events) and left the old array to the
// checkpoints, so memory held two windows.

// adoptEvents lets the run just restored from a checkpoint write its
// events into the array of the run it replaces, was, when the checkpoint's
// events are the start of that array: a replay is deterministic, so it
// writes there the very events already there, and the checkpoints and the
// run put aside (a seek called off) still read what they read. Until the
// run branches (ownEvents) others may read its array past its end. It
// reports whether the run adopted the array.
func (r *Run) adoptEvents(was *Sim) bool {
	s := r.sim
	n := len(s.events)
	r.eventsReadPast = false
	if n == 0 || len(was.events) == 0 || s.eventBase != was.eventBase ||
		&s.events[0] != &was.events[0] || n > cap(was.events) {
		return false
	}
	s.events, s.eventsShared, r.eventsReadPast = was.events[:n], true, true
	return true
}

// ownEvents moves the run's events to an array of its own when others may
// read its array past its end: the run is about to branch, and the events
// it writes from here on would no longer be the ones they read. The
// checkpoints that end where it is or before move along; those past it
// are dropped by the branch.
func (r *Run) ownEvents() {
	if !r.eventsReadPast {
		return
	}
	s := r.sim
	size := len(s.events) + stepEventsRoom
	if r.keepEvents > 0 {
		size = max(size, r.eventsCap())
	}
	own := make([]Event, len(s.events), size)
	copy(own, s.events)
	moved := r.moveCheckpointEvents(s.events, own, s.eventBase)
	s.events, s.eventsShared, r.eventsReadPast = own, moved, false
}
