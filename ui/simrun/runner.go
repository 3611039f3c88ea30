package simrun

import (
	"kafkasim/scenarios"
	"kafkasim/sim"
)

// Runner is the slice of the engine's time-travelling run (sim.Run) that the
// simulator screen drives. Keeping it an interface lets tests play scripted
// snapshots, and lets the screen work before and after sim.Run exists.
type Runner interface {
	// Step runs one queued happening; false when nothing is left.
	Step() bool
	// RunUntil steps through everything due by ms and sets the clock to ms.
	RunUntil(ms int64)
	Now() int64
	StepCount() int
	// NextAt is the time of the next happening, -1 when idle.
	NextAt() int64
	// Events is every event up to the current step.
	Events() []sim.Event
	Snapshot() sim.Snapshot
	// SnapshotTail is Snapshot with the last tail records of each log, for
	// views that must show records older than Snapshot's tail.
	SnapshotTail(tail int) sim.Snapshot
	// Fates lists the group's records whose fate is want, in send order,
	// each with the engine's reason (sim.Sim.Fates).
	Fates(groupID string, want sim.Fate) []sim.RecordFate
	// Apply injects a command now and records it in the run at the current
	// step, dropping any recorded commands after it.
	Apply(cmd sim.Command) error
	// Seek moves to the given step, replaying recorded commands on the way.
	Seek(step int) error
}

// Factory starts a run of a scenario.
type Factory func(spec Spec) (Runner, error)

// Spec is what the simulator screen needs from a scenario.
type Spec struct {
	Name        string // as given on the command line or picked at home
	Title       string
	Description string
	Seed        uint64
	DurationMs  int64
	Config      sim.Config
	Timeline    []sim.Scheduled
	Narration   []scenarios.Narration // the say lines' conditions
}

// WithSeed is the same scenario with another seed.
func (s Spec) WithSeed(seed uint64) Spec {
	s.Seed = seed
	s.Config.Seed = seed
	return s
}

// NarrationFor finds the scripted line a note event carries.
func (s Spec) NarrationFor(text string, atMs int64) (scenarios.Narration, bool) {
	sc := scenarios.Scenario{Narration: s.Narration}
	return sc.NarrationFor(text, atMs)
}
