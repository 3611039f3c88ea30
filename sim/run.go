package sim

// Run is a simulation with a memory: it records the commands given by hand
// and keeps checkpoints, so it can go back to any earlier step (restore the
// nearest checkpoint, replay forward) and branch from there.
type Run struct {
	base     *Sim // the state before the first step, timeline scheduled
	sim      *Sim
	commands []Applied // hand-given commands, by step
	next     int       // commands[:next] are applied in sim
	// checkpoints[i] is a clone taken right after step checkpoints[i].step.
	// Clones share the ledger, batches and logs, so each costs about what
	// checkpointBytes estimates, not the size of the state.
	checkpoints []*Sim
	every       int // steps between checkpoints, at most
	everyWork   int // records sent and processed between checkpoints, at most
	bytes       int // estimated cost of the checkpoints kept
	keepEvents  int // events remembered, about: 0 keeps all (run_events.go)
	// eventsReadPast: others may read the run's event array past its end
	// (adoptEvents, run_events_adopt.go).
	eventsReadPast bool
}

// checkpointGapMs is the least virtual time between checkpoints taken for
// the step count alone. After a checkpoint, the first write to the batch
// list's last chunk copies it (512 KB), so on a busy cluster of many
// partitions (thousands of steps a virtual second) checkpoints every 1024
// steps would copy more than the run does. At 100 partitions and 1000
// records/s a virtual second costs about 7–14 ms of CPU, so a step back
// replays at most about 30 ms; a second was 12% of playing at ×100.
const checkpointGapMs = 2000

// NewRun starts a run of cfg with a timeline of scheduled commands.
func NewRun(cfg Config, timeline []Scheduled) (*Run, error) {
	s, err := New(cfg)
	if err != nil {
		return nil, err
	}
	for _, t := range timeline {
		if err := s.Schedule(t.AtMs, t.Cmd); err != nil {
			return nil, err
		}
	}
	return &Run{base: s.Clone(), sim: s, every: 1024, everyWork: 4096}, nil
}

// Sim is the simulation at the run's current step. Read it, snapshot it; to
// change it go through the Run.
func (r *Run) Sim() *Sim { return r.sim }

// Commands lists the commands given by hand, with the step of each.
func (r *Run) Commands() []Applied { return r.commands }

// Step moves one step forward and reports whether anything happened.
func (r *Run) Step() bool {
	r.applyDue()
	r.roomForStep()
	if !r.sim.Step() {
		return false
	}
	r.trimEvents()
	r.maybeCheckpoint()
	return true
}

// StepUntilEvent steps until at least one event is emitted, the next
// happening lies after limitMs, or nothing is left. It reports whether an
// event was emitted.
func (r *Run) StepUntilEvent(limitMs int64) bool {
	start := r.sim.EventCount()
	for r.sim.EventCount() == start {
		if at := r.sim.NextAt(); at < 0 || at > limitMs || !r.Step() {
			return false
		}
	}
	return true
}

// RunUntil steps until the next happening would be after ms.
func (r *Run) RunUntil(ms int64) {
	for {
		r.applyDue()
		at := r.sim.NextAt()
		if at < 0 || at > ms {
			break
		}
		r.Step()
	}
	if ms > r.sim.nowMs {
		r.sim.nowMs = ms
	}
}

// Apply gives a command now. Any commands recorded for later steps (from
// before a step back) are forgotten: the run branches here.
func (r *Run) Apply(cmd Command) error {
	r.applyDue()
	if err := r.sim.checkCommand(cmd); err != nil {
		return err
	}
	step, at := r.sim.step, r.sim.nowMs
	r.ownEvents() // the run branches here: its events will differ
	if err := r.sim.Apply(cmd); err != nil {
		return err // nothing changed: nothing to record
	}
	if r.next < len(r.commands) {
		// Drop the undone future, in a new array: a caller may still hold
		// the old list. Appending at the end needs no copy (a copy per
		// command made a sandbox script of n records cost n²).
		r.commands = r.commands[:r.next:r.next]
	}
	r.dropCheckpointsAfter(step)
	r.commands = append(r.commands, Applied{Step: step, AtMs: at, Cmd: cmd})
	r.next++
	return nil
}

// Seek moves to a step, backwards or forwards. Going back restores a
// checkpoint and replays; the recorded commands are given again at their
// steps.
func (r *Run) Seek(step int) {
	if step < 0 {
		step = 0
	}
	if step < r.sim.step || (step == r.sim.step && r.next < r.dueIndex(step)) || r.checkpointAhead(step) {
		r.restore(step)
	}
	for r.sim.step < step {
		if !r.Step() {
			break
		}
	}
	r.applyDue()
}

// restore goes to the latest checkpoint at or before step.
func (r *Run) restore(step int) {
	from := r.base
	for _, c := range r.checkpoints {
		if c.step <= step {
			from = c
		}
	}
	was := r.sim
	r.sim = from.Clone()
	r.adoptEvents(was)
	r.next = 0
	for r.next < len(r.commands) && r.commands[r.next].Step < r.sim.step {
		r.next++
	}
}

// StepBefore is the step of the latest checkpoint taken at or before
// virtual time atMs (0 when none): a place to replay from to reach atMs
// when the events that would name a closer step have been forgotten.
func (r *Run) StepBefore(atMs int64) int {
	step := 0
	for _, c := range r.checkpoints {
		if c.nowMs > atMs {
			break
		}
		step = c.step
	}
	return step
}

// checkpointAhead reports whether a checkpoint lies after the current
// step and at or before step: going forward, restoring it skips replaying
// what the run computed before it went back.
func (r *Run) checkpointAhead(step int) bool {
	for _, c := range r.checkpoints {
		if c.step > r.sim.step && c.step <= step {
			return true
		}
	}
	return false
}

// dueIndex is how many commands are due at or before step.
func (r *Run) dueIndex(step int) int {
	n := 0
	for n < len(r.commands) && r.commands[n].Step <= step {
		n++
	}
	return n
}

// applyDue gives the recorded commands of the current step.
func (r *Run) applyDue() {
	for r.next < len(r.commands) && r.commands[r.next].Step <= r.sim.step {
		// The command was given after the clock had moved on past this
		// step; move it there again so the replay happens at the same time.
		c := r.commands[r.next]
		if c.AtMs > r.sim.nowMs {
			r.sim.nowMs = c.AtMs
		}
		// A replayed command was valid when first given; the same state
		// makes it valid again.
		_ = r.sim.Apply(c.Cmd)
		r.next++
	}
}

// maybeCheckpoint keeps a checkpoint every so many steps, or sooner when
// the steps since the last one did much work (a fast producer sends
// thousands of records in one step): a step back replays at most about that
// much.
func (r *Run) maybeCheckpoint() {
	last := r.base
	if n := len(r.checkpoints); n > 0 {
		last = r.checkpoints[n-1]
	}
	if last.step >= r.sim.step {
		return
	}
	if r.sim.work()-last.work() < r.everyWork &&
		(r.sim.step%r.every != 0 || r.sim.nowMs-last.nowMs < checkpointGapMs) {
		return
	}
	if last != r.base {
		// What the run copied since the last checkpoint is that one's.
		extra := r.sim.copiedSinceShare()
		last.cost += extra
		r.bytes += extra
	}
	shared := r.sim.eventsShared
	c := r.sim.Clone()
	c.shedCaches()
	c.cost = c.checkpointBytes() + r.ownCheckpointEvents(c, shared)
	r.checkpoints = append(r.checkpoints, c)
	r.bytes += c.cost
	// Over the budget (checkpoint_budget.go), every other checkpoint is
	// dropped and the interval doubles.
	if r.overBudget() {
		kept := r.checkpoints[:0]
		r.bytes = 0
		for i, c := range r.checkpoints {
			if i%2 == 1 {
				kept = append(kept, c)
				r.bytes += c.cost
			}
		}
		clear(r.checkpoints[len(kept):])
		r.checkpoints = kept
		r.every *= 2
		r.everyWork *= 2
	}
}

func (r *Run) dropCheckpointsAfter(step int) {
	n := len(r.checkpoints)
	for n > 0 && r.checkpoints[n-1].step > step {
		n--
		r.bytes -= r.checkpoints[n].cost
	}
	r.checkpoints = r.checkpoints[:n]
}

// Fork copies the run at its current step, for a what-if branch.
func (r *Run) Fork() *Run {
	c := *r
	c.sim = r.sim.Clone()
	c.commands = capped(r.commands[:r.next])
	c.checkpoints = capped(r.checkpoints)
	c.dropCheckpointsAfter(r.sim.step)
	c.keepEvents, c.eventsReadPast = 0, false
	return &c
}

// work counts records sent and processed so far: what a replay mostly costs.
func (s *Sim) work() int {
	n := s.ledger.recs.Len()
	for _, g := range s.groups {
		n += g.processedTotal
	}
	return n
}
