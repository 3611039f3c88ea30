package sim

// A screen cannot wait for a long replay: it must draw and read keys
// between pieces of it, and may call it off. These are Run's long moves
// done at most a given number of steps at a time.

// RunUntilSteps is RunUntil(ms) in pieces: it takes at most maxSteps steps
// and reports whether it got to ms (the clock is then at ms, as after
// RunUntil). Called again, it goes on from where it stopped.
func (r *Run) RunUntilSteps(ms int64, maxSteps int) bool {
	for n := 0; ; n++ {
		r.applyDue()
		if at := r.sim.NextAt(); at < 0 || at > ms {
			break
		}
		if n == maxSteps {
			return false
		}
		r.Step()
	}
	if ms > r.sim.nowMs {
		r.sim.nowMs = ms
	}
	return true
}

// Seeking is a Seek done a piece at a time (Advance), which can be called
// off (Cancel).
type Seeking struct {
	r      *Run
	target int
	from   int // the step the replay starts from
	// was and wasNext are the run before a seek that restores a copy from
	// a checkpoint (back, or forward past one) and leaves the run it
	// replaces untouched.
	was      *Sim
	wasNext  int
	wasRead  bool // the run's eventsReadPast before
	restored bool
	// events is the restored run's own copy of its event list, filled a
	// piece at a time: a restored clone shares the checkpoint's list with
	// its capacity cut, so its first event would otherwise copy the whole
	// list in one go, a pause that grows with the run.
	events  []Event
	copying bool
}

// eventCopyPiece is how many events one Advance copies at most: a few
// milliseconds of memory traffic.
const eventCopyPiece = 1 << 15

// BeginSeek starts moving to step, as Seek does: going back restores the
// nearest checkpoint now, and Advance replays from there.
func (r *Run) BeginSeek(step int) *Seeking {
	s := &Seeking{r: r, target: max(step, 0), was: r.sim, wasNext: r.next, wasRead: r.eventsReadPast}
	if s.target < r.sim.step || (s.target == r.sim.step && r.next < r.dueIndex(s.target)) || r.checkpointAhead(s.target) {
		r.restore(s.target)
		s.restored = true
		if !r.eventsReadPast { // not adopted (run_events_adopt.go): copied
			s.events = make([]Event, 0, r.seekEventsCap())
			s.copying = true
		}
	}
	s.from = r.sim.step
	return s
}

// seekEventsCap is the capacity of the event list a restored run copies its
// events into: room for a step more when the run keeps a window (it grows
// as the replay needs, roomForStep; a step back replays little, and fresh
// memory costs a page fault every few events), else room for a piece of
// replay.
func (r *Run) seekEventsCap() int {
	n := len(r.sim.events)
	if r.keepEvents > 0 {
		return n + stepEventsRoom
	}
	return n + eventCopyPiece
}

// Advance takes at most maxSteps steps toward the target and reports
// whether the seek is done.
func (s *Seeking) Advance(maxSteps int) bool {
	r := s.r
	if s.copying && !s.copyEvents() {
		return false
	}
	for n := 0; r.sim.step < s.target; n++ {
		if n == maxSteps {
			return false
		}
		if !r.Step() {
			break // nothing left to happen: the run ends before the target
		}
	}
	r.applyDue()
	return true
}

// copyEvents copies the next piece of the restored run's events into its
// own list and reports whether the copy is done; then the run writes to it.
func (s *Seeking) copyEvents() bool {
	sim := s.r.sim
	from := len(s.events)
	to := min(from+eventCopyPiece, len(sim.events))
	s.events = append(s.events, sim.events[from:to]...)
	if to < len(sim.events) {
		return false
	}
	moved := s.r.moveCheckpointEvents(sim.events, s.events, sim.eventBase)
	sim.events, sim.eventsShared, s.r.eventsReadPast = s.events, moved, false
	s.events, s.copying = nil, false
	return true
}

// Progress is how many steps of the replay are done, and how many it
// takes in all.
func (s *Seeking) Progress() (done, total int) {
	return s.r.sim.step - s.from, max(s.target-s.from, 0)
}

// Cancel calls the seek off. A seek that restored a checkpoint puts the
// run back exactly where it was; one that steps the run itself stays where
// it got to.
func (s *Seeking) Cancel() {
	if s.restored {
		s.r.sim, s.r.next, s.r.eventsReadPast = s.was, s.wasNext, s.wasRead
	}
}

// Saved is the run as it was before a long move forward (which steps the
// run itself), kept so the move can be called off.
type Saved struct {
	r    *Run
	sim  *Sim
	next int
}

// Save keeps a copy of the run as it is now (a clone, as a checkpoint).
func (r *Run) Save() *Saved { return &Saved{r: r, sim: r.sim.Clone(), next: r.next} }

// Restore puts the run back as it was at Save.
func (s *Saved) Restore() { s.r.sim, s.r.next = s.sim, s.next }
