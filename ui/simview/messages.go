package simview

import (
	"time"

	"kafkasim/ui/simrun"
)

// TickMsg asks the simulator screen to advance one frame. Gen is the
// generation it was scheduled in: pause, step and speed changes bump the
// generation, so ticks already on their way are dropped.
type TickMsg struct {
	Gen int
	// At is when the tick fired; zero (tests) means one frame interval
	// passed and the frame's work is bounded by steps, not time.
	At time.Time
}

// ScenarioLoadedMsg carries a scenario read from disk or the built-in set.
type ScenarioLoadedMsg struct {
	Spec simrun.Spec
}

// SeedChosenMsg carries a new seed typed at the seed prompt.
type SeedChosenMsg struct {
	Seed uint64
}

// ExportPathMsg carries the file name typed at the share prompt.
type ExportPathMsg struct {
	Path string
	// Overwrite is set once the learner has agreed to replace an existing file.
	Overwrite bool
}

// ExportDoneMsg says where a shared run was written, or why it was not.
type ExportDoneMsg struct {
	Path   string
	Digest string // what `kafkasim run FILE` prints
	Exact  bool   // the file replays the run exactly
	Err    error
}
