package sim

// A run played for long at a high speed emits events without end (about
// 7,400 a virtual second on a 100-partition cluster at 1000 records/s):
// kept all, they would take gigabytes. A run told to keep a window forgets
// the oldest events past it, and keeps the window in one array that it
// reuses: a fresh one each time would cost a page fault for every few
// events written and a copy of the window per move.

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
//
// The window moves within its array, so the list Sim.Events returns holds
// until the run steps again: a caller that reads it after later steps asks
// for it again (the screen does after every slice of work).
func (r *Run) KeepEvents(n int) { r.keepEvents = max(n, 0) }

// eventsCap is the capacity of the array that holds the window: twice the
// window and the events of one more step.
func (r *Run) eventsCap() int { return 2*r.keepEvents + stepEventsRoom }

// roomForStep makes room in the run's event array for the events of one
// step before it runs. The array grows by half up to the window's full
// size, which it keeps for good: most runs (every built-in scenario but
// one) never fill the window, and a full array held a third of a window
// (5 MB) they never wrote.
func (r *Run) roomForStep() {
	s := r.sim
	if r.keepEvents == 0 || cap(s.events)-len(s.events) >= stepEventsRoom {
		return
	}
	n := min(max(cap(s.events)+cap(s.events)/2, 2*stepEventsRoom), r.eventsCap())
	n = max(n, len(s.events)+stepEventsRoom)
	grown := make([]Event, len(s.events), n)
	copy(grown, s.events)
	moved := r.moveCheckpointEvents(s.events, grown, s.eventBase)
	s.events, s.eventsShared, r.eventsReadPast = grown, moved, false
}

// moveCheckpointEvents points the checkpoints that read the event array
// old at to instead, which holds the same events at the same places (the
// first len(to) of them), and reports whether any moved. The run leaves
// old for to (to grow it, or after restoring a checkpoint): moved, the
// checkpoints no longer keep old alive beside it. Those that read past
// len(to) keep old.
func (r *Run) moveCheckpointEvents(old, to []Event, base int) bool {
	if len(old) == 0 {
		return false
	}
	moved := false
	for _, c := range r.checkpoints {
		n := len(c.events)
		if n == 0 || n > len(to) || c.eventBase != base || &c.events[0] != &old[0] {
			continue
		}
		c.events, moved = to[:n:n], true
	}
	return moved
}

// trimEvents forgets the events past the window: the last keepEvents move
// to the front of the array. Only while a clone shares the array (a
// checkpoint taken before the first move, a saved run) do they move to a
// new one, so the clone still reads what it read.
func (r *Run) trimEvents() {
	s := r.sim
	if r.keepEvents == 0 || len(s.events) < 2*r.keepEvents {
		return
	}
	drop := len(s.events) - r.keepEvents
	if s.eventsShared {
		r.ownEarlyCheckpointEvents()
		kept := make([]Event, r.keepEvents, max(r.eventsCap(), r.keepEvents+stepEventsRoom))
		copy(kept, s.events[drop:])
		s.events, s.eventsShared, r.eventsReadPast = kept, false, false
	} else {
		// The slots past the window are written over as it fills again;
		// until then they hold only a window's worth of old text.
		s.events = s.events[:copy(s.events, s.events[drop:])]
	}
	s.eventBase += drop
}

// ownCheckpointEvents gives the checkpoint c, just cloned from the run, a
// copy of its last checkpointEvents events once the run forgets events, so
// it holds no window the run has moved on from (nor stops the run from
// moving it in place). shared is whether the run's list was shared before
// the clone. It returns the bytes the copy takes.
func (r *Run) ownCheckpointEvents(c *Sim, shared bool) int {
	if r.keepEvents == 0 || r.sim.eventBase == 0 {
		return 0
	}
	drop := max(len(c.events)-checkpointEvents, 0)
	c.events = append([]Event(nil), c.events[drop:]...)
	c.eventBase += drop
	c.eventsShared = false
	r.sim.eventsShared = shared
	return len(c.events) * eventBytes
}

// ownEarlyCheckpointEvents gives the checkpoints taken before the run
// first forgot events, which share its event arrays, their own copies of
// their last checkpointEvents events, as later checkpoints have: the run
// is about to leave its array for a new one, and held by them the old
// arrays (up to the whole window each) would outlive it.
func (r *Run) ownEarlyCheckpointEvents() {
	for _, c := range r.checkpoints {
		if c.eventBase != 0 || !c.eventsShared {
			continue
		}
		was := len(c.events)
		drop := max(was-checkpointEvents, 0)
		c.events = append([]Event(nil), c.events[drop:]...)
		c.eventBase, c.eventsShared = drop, false
		c.cost += len(c.events) * eventBytes
		r.bytes += len(c.events) * eventBytes
	}
}

// stepEventsRoom is room for the events of one step past a full window.
const stepEventsRoom = 4096

// eventBytes is about what an event takes in memory, its text included.
const eventBytes = 400
