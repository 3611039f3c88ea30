package lessons

import (
	"kafkasim/scenarios"
)

// NextStopAt is the time of the next stop not yet reached. There are no
// stops in the challenge.
func (p *Player) NextStopAt() (ms int64, ok bool) {
	if p.mode != Tour || p.next >= len(p.lesson.Stops) {
		return 0, false
	}
	return p.lesson.Stops[p.next].AtMs, true
}

// Paused returns the stop the run is waiting at.
func (p *Player) Paused() (*Stop, bool) {
	if p.paused < 0 {
		return nil, false
	}
	return &p.lesson.Stops[p.paused], true
}

// PausedIndex is the position of the stop the run waits at in
// Lesson.Stops, or -1.
func (p *Player) PausedIndex() int { return p.paused }

// Continue leaves the current stop; the next Advance moves on.
func (p *Player) Continue() { p.paused = -1 }

// WatchValue is one metric's live value at a stop.
type WatchValue struct {
	Metric string
	Value  int64
	Err    error // set when the engine cannot answer (the entity is gone, ...)
}

// Watch reads the current stop's watched metrics from the engine now.
func (p *Player) Watch() []WatchValue {
	s, ok := p.Paused()
	if !ok || len(s.Watch) == 0 {
		return nil
	}
	snap := p.run.Sim().Snapshot()
	out := make([]WatchValue, len(s.Watch))
	for i, m := range s.Watch {
		v, err := scenarios.Metric(snap, m)
		out[i] = WatchValue{Metric: m, Value: v, Err: err}
	}
	return out
}

// arrive waits at stop i and says its text as the run is now.
func (p *Player) arrive(i int) {
	p.paused, p.next = i, i+1
	st := &p.lesson.Stops[i]
	if p.stopTexts == nil {
		p.stopTexts = map[int]string{}
	}
	p.stopTexts[i] = Narrate(st.Text, st.When, st.Else, p.run.Sim().Snapshot())
}

// StopText is stop i's text as it was said when the run reached it: as
// written, its else, or marked as scripted when the run contradicts it.
func (p *Player) StopText(i int) string {
	if t, ok := p.stopTexts[i]; ok {
		return t
	}
	return p.lesson.Stops[i].Text
}
