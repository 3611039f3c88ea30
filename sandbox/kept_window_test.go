package sandbox

import (
	"regexp"
	"strconv"
	"testing"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// On the screen's run, which keeps only a window of its latest events
// (sim.Run.KeepEvents), `play` prints the events of the time it played,
// found by their Seq: not events from before it that sit at the same
// place in the window.
func TestPlayOnAKeptWindowPrintsOnlyNewEvents(t *testing.T) {
	sc, err := scenarios.Load("temperature-sensor")
	if err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRun(sc.Config, sc.Timeline)
	if err != nil {
		t.Fatal(err)
	}
	r.KeepEvents(100)
	r.RunUntil(20_000)
	if r.Sim().EventCount() == len(r.Sim().Events()) {
		t.Fatal("the run has forgotten no events: the test wants it to")
	}
	s := Attach(r)
	before := r.Sim().EventCount()
	out := mustExec(t, s, "play 200ms")
	emitted := r.Sim().EventCount() - before
	for _, m := range regexp.MustCompile(`(?m)^\s*(\d+)\.(\d{3})s  `).FindAllStringSubmatch(out, -1) {
		sec, _ := strconv.Atoi(m[1])
		ms, _ := strconv.Atoi(m[2])
		if at := sec*1000 + ms; at < 20_000 {
			t.Fatalf("play from 20s printed an event at %dms:\n%s", at, out)
		}
	}
	if m := regexp.MustCompile(`\((\d+) routine`).FindStringSubmatch(out); m != nil {
		if n, _ := strconv.Atoi(m[1]); n > emitted {
			t.Fatalf("counted %d routine events where %d were emitted:\n%s", n, emitted, out)
		}
	}
}
