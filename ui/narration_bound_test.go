package ui

import (
	"strings"
	"testing"

	course "kafkasim/lessons"
	"kafkasim/sim"
	"kafkasim/ui/keys"
	"kafkasim/ui/simrun"
)

// TestNoteMarkedWhenFaultsChangeIt: offsets-restart's closing line says
// billing processed everything once. Untouched it is said as written; with
// billing's only consumer crashed for good it is marked as scripted, with
// the engine's own count after it.
func TestNoteMarkedWhenFaultsChangeIt(t *testing.T) {
	for _, crash := range []bool{false, true} {
		spec, err := scenarioLibrary{}.Load("offsets-restart")
		if err != nil {
			t.Fatal(err)
		}
		m := newSimScreen(plainStyles(), keys.NewSim(keys.NewGlobal()), spec, simrun.New)
		if m.fatal != nil {
			t.Fatal(m.fatal)
		}
		m.run.RunUntil(25_000)
		if crash {
			if err := m.run.Apply(sim.Command{Kind: sim.CmdCrashConsumer, Group: "billing", Consumer: 1}); err != nil {
				t.Fatal(err)
			}
		}
		m.run.RunUntil(41_000)
		m.absorbNew(false)
		if m.note == nil || !strings.Contains(m.note.Text, "billing processed everything, once.") {
			t.Fatalf("crash %v: note = %+v", crash, m.note)
		}
		marked := strings.Contains(m.note.Text, course.DiffersMark)
		if marked != crash {
			t.Errorf("crash %v: note %q", crash, m.note.Text)
		}
		if crash && !strings.Contains(m.note.Text, "billing processed") {
			t.Errorf("the mark does not say what the engine counted: %q", m.note.Text)
		}
	}
}
