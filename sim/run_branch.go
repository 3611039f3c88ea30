package sim

// What-if branches: the same scenario played again from the start, with
// the same seed, timeline and hand-given commands, under a changed
// config, and the two event streams compared. Hand commands are given at
// the virtual time they were given, not at their step: a changed setting
// changes how many steps a millisecond takes (acks=0 has no produce
// responses), so replaying by step number would move "the same crash" to
// another time.

// Branch is one side of a what-if, played to its end time.
type Branch struct {
	Run *Run
	// Skipped are the hand commands this branch could not take (a
	// consumer that does not exist under the changed config...).
	Skipped []SkippedCommand
}

// SkippedCommand is a hand command a branch refused, and why.
type SkippedCommand struct {
	AtMs int64
	Cmd  Command
	Err  error
}

// PlayBranch runs cfg (its Seed included) with timeline from the start,
// gives each hand command at its AtMs, and stops at untilMs. It works
// batchSteps steps at a time and calls pause between pieces with the
// virtual time reached; when pause returns false it stops and reports
// false. An error means the branch could not start.
func PlayBranch(cfg Config, timeline []Scheduled, hand []Applied, untilMs int64, batchSteps int,
	pause func(nowMs int64) bool) (Branch, bool, error) {
	r, err := NewRun(cfg, timeline)
	if err != nil {
		return Branch{}, true, err
	}
	b := Branch{Run: r}
	runUntil := func(ms int64) bool {
		for !r.RunUntilSteps(ms, batchSteps) {
			if !pause(r.Sim().Now()) {
				return false
			}
		}
		return true
	}
	for _, h := range hand {
		if h.AtMs > untilMs {
			break
		}
		if !runUntil(h.AtMs) {
			return b, false, nil
		}
		if err := r.Apply(h.Cmd); err != nil {
			b.Skipped = append(b.Skipped, SkippedCommand{AtMs: h.AtMs, Cmd: h.Cmd, Err: err})
		}
	}
	return b, runUntil(untilMs), nil
}

// PartBranches finds the first event where two branches' streams differ
// and returns its time (-1 when they never do) and, for each side, up to
// keep events from there that the other side never had: the same facts at
// another time count as had, repeats are counted, and routine traffic
// (replication, high watermark moves, fetches, produce requests) is left
// out so it does not crowd out the rest.
func PartBranches(a, b []Event, keep int) (atMs int64, onlyA, onlyB []Event) {
	i := 0
	for i < len(a) && i < len(b) && factsOf(a[i]) == factsOf(b[i]) {
		i++
	}
	atMs = -1
	switch {
	case i < len(a):
		atMs = a[i].AtMs
	case i < len(b):
		atMs = b[i].AtMs
	}
	restA, restB := a[min(i, len(a)):], b[min(i, len(b)):]
	return atMs, onlyIn(restA, restB, keep), onlyIn(restB, restA, keep)
}

// factsOf is an event without its place in the stream or its time.
func factsOf(e Event) Event {
	e.Seq, e.Step, e.AtMs = 0, 0, 0
	return e
}

// onlyIn lists up to keep events of mine that others lacks (see
// PartBranches).
func onlyIn(mine, others []Event, keep int) []Event {
	seen := make(map[Event]int, len(others))
	for _, e := range others {
		seen[factsOf(e)]++
	}
	var out []Event
	for _, e := range mine {
		k := factsOf(e)
		if seen[k] > 0 {
			seen[k]--
			continue
		}
		switch e.Type {
		case EvReplicated, EvHWAdvanced, EvFetched, EvProduceRequest:
			continue
		}
		if len(out) < keep {
			out = append(out, e)
		}
	}
	return out
}

// maxSettleSteps bounds the steps Settle may run looking for a free
// millisecond; past it the command is given where the run stands.
const maxSettleSteps = 10_000

// Stepper is a run Settle can move: a screen's run, whose NextAt may
// also count a lesson's stops.
type Stepper interface {
	NextAt() int64
	Now() int64
	Step() bool
	RunUntil(ms int64)
}

// Settle moves r to a millisecond in which nothing has happened yet and
// nothing is queued, one millisecond or a little more ahead. A command
// given there is the first thing in its millisecond, exactly as a
// scenario timeline entry at that time would be, so a timeline written
// from the run replays it exactly. Given in a busy millisecond, after
// other happenings of the same time, it could not be written back in the
// same place.
func Settle(r Stepper) {
	for range maxSettleSteps {
		next := r.NextAt()
		if next < 0 || next > r.Now()+1 {
			r.RunUntil(r.Now() + 1)
			return
		}
		r.Step()
	}
}
