package ui

import "kafkasim/sim"

// simRun adapts the engine's time-travelling run (sim.Run) to the runner
// the screen drives.
type simRun struct {
	r *sim.Run
}

func newSimRun(spec scenarioSpec) (runner, error) {
	cfg := spec.Config
	cfg.Seed = spec.Seed
	r, err := sim.NewRun(cfg, spec.Timeline)
	if err != nil {
		return nil, err
	}
	r.KeepEvents(keptEvents)
	return simRun{r: r}, nil
}

// keptEvents is how many of the latest events the screen keeps to scroll
// back through, about: more than any built-in scenario emits, a few
// virtual seconds of a 100-partition cluster at 1000 records/s, so a long
// play at ×100 holds its memory flat.
const keptEvents = 1 << 16

func (a simRun) Step() bool                      { return a.r.Step() }
func (a simRun) RunUntil(ms int64)               { a.r.RunUntil(ms) }
func (a simRun) Now() int64                      { return a.r.Sim().Now() }
func (a simRun) StepCount() int                  { return a.r.Sim().StepCount() }
func (a simRun) NextAt() int64                   { return a.r.Sim().NextAt() }
func (a simRun) Events() []sim.Event             { return a.r.Sim().Events() }
func (a simRun) Snapshot() sim.Snapshot          { return a.r.Sim().Snapshot() }
func (a simRun) SnapshotTail(n int) sim.Snapshot { return a.r.Sim().SnapshotTail(n) }
func (a simRun) Fates(group string, want sim.Fate) []sim.RecordFate {
	return a.r.Sim().Fates(group, want)
}
func (a simRun) Apply(cmd sim.Command) error { return a.r.Apply(cmd) }
func (a simRun) Seek(step int) error         { a.r.Seek(step); return nil }

// BeginSeek seeks a piece at a time (seek_job.go).
func (a simRun) BeginSeek(step int) *sim.Seeking { return a.r.BeginSeek(step) }

// Save keeps a copy of the run before a long move forward (seek_job.go).
func (a simRun) Save() *sim.Saved { return a.r.Save() }

// Record tells one record's story for the record inspector (inspector.go).
func (a simRun) Record(id int) (sim.RecordStory, bool) { return a.r.Sim().Record(id) }
