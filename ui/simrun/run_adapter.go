package simrun

import "kafkasim/sim"

// Run adapts the engine's time-travelling run (sim.Run) to the runner
// the screen drives.
type Run struct {
	R *sim.Run
}

func New(spec Spec) (Runner, error) {
	cfg := spec.Config
	cfg.Seed = spec.Seed
	r, err := sim.NewRun(cfg, spec.Timeline)
	if err != nil {
		return nil, err
	}
	r.KeepEvents(keptEvents)
	r.DigestOnDemand() // the screen shows no digest; hashing was 8% of ×100
	return Run{R: r}, nil
}

// keptEvents is how many of the latest events the screen keeps to scroll
// back through, about: far more than the narration lists (narrationKeep),
// every event of all but one built-in scenario, two virtual seconds of a
// 100-partition cluster at 1000 records/s. The array the window moves in
// (about 13 MB) mostly stays in the processor's cache: at 2^16 events
// (50 MB) writing the events cost playback at ×100 three times as much.
const keptEvents = 1 << 14

func (a Run) Step() bool                      { return a.R.Step() }
func (a Run) RunUntil(ms int64)               { a.R.RunUntil(ms) }
func (a Run) Now() int64                      { return a.R.Sim().Now() }
func (a Run) StepCount() int                  { return a.R.Sim().StepCount() }
func (a Run) NextAt() int64                   { return a.R.Sim().NextAt() }
func (a Run) Events() []sim.Event             { return a.R.Sim().Events() }
func (a Run) Snapshot() sim.Snapshot          { return a.R.Sim().Snapshot() }
func (a Run) SnapshotTail(n int) sim.Snapshot { return a.R.Sim().SnapshotTail(n) }

// SnapshotWindows is sim.Sim.SnapshotWindows: the records of only the
// windows a view draws.
func (a Run) SnapshotWindows(n int, window sim.LogWindow) sim.Snapshot {
	return a.R.Sim().SnapshotWindows(n, window)
}
func (a Run) Fates(group string, want sim.Fate) []sim.RecordFate {
	return a.R.Sim().Fates(group, want)
}
func (a Run) Apply(cmd sim.Command) error { return a.R.Apply(cmd) }
func (a Run) Seek(step int) error         { a.R.Seek(step); return nil }

// BeginSeek seeks a piece at a time (seek_job.go).
func (a Run) BeginSeek(step int) *sim.Seeking { return a.R.BeginSeek(step) }

// Save keeps a copy of the run before a long move forward (seek_job.go).
func (a Run) Save() *sim.Saved { return a.R.Save() }

// Record tells one record's story for the record inspector (inspector.go).
func (a Run) Record(id int) (sim.RecordStory, bool) { return a.R.Sim().Record(id) }

// Commands lists the commands given by hand to the run, for the screen to
// mark when the command line has given some.
func (a Run) Commands() []sim.Applied { return a.R.Commands() }

// StepBefore is the run's latest checkpoint at or before atMs.
func (a Run) StepBefore(atMs int64) int { return a.R.StepBefore(atMs) }
