package simview

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
		spec, err := library{}.Load("offsets-restart")
		if err != nil {
			t.Fatal(err)
		}
		m := New(plainStyles(), keys.NewSim(keys.NewGlobal()), spec, simrun.New)
		if m.Fatal != nil {
			t.Fatal(m.Fatal)
		}
		m.Run.RunUntil(25_000)
		if crash {
			if err := m.Run.Apply(sim.Command{Kind: sim.CmdCrashConsumer, Group: "billing", Consumer: 1}); err != nil {
				t.Fatal(err)
			}
		}
		m.Run.RunUntil(41_000)
		m.AbsorbNew(false)
		if m.Note == nil || !strings.Contains(m.Note.Text, "billing processed everything, once.") {
			t.Fatalf("crash %v: note = %+v", crash, m.Note)
		}
		marked := strings.Contains(m.Note.Text, course.DiffersMark)
		if marked != crash {
			t.Errorf("crash %v: note %q", crash, m.Note.Text)
		}
		if crash && !strings.Contains(m.Note.Text, "billing processed") {
			t.Errorf("the mark does not say what the engine counted: %q", m.Note.Text)
		}
	}
}
