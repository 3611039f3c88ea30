package simview

import (
	course "kafkasim/lessons"
	"kafkasim/sim"
)

// narrate is a note event as the screen shows it: its scripted line, its
// else, or the line marked as scripted with what the engine says happened,
// read when the line appears. The event is a copy: the run's own events
// keep the script's words.
func (m *Screen) narrate(e sim.Event) *sim.Event {
	if n, ok := m.Spec.NarrationFor(e.Text, e.AtMs); ok && len(n.When) > 0 && m.Run != nil {
		e.Text = course.Narrate(n.Say, n.When, n.Else, m.Run.Snapshot())
	}
	return &e
}
