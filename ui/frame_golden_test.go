package ui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"kafkasim/sim"
	"kafkasim/ui/components"
)

// frameMoment is a moment of a built-in scenario worth a golden frame, and
// what must be true of the run there for the frame to show it.
type frameMoment struct {
	name     string
	scenario string
	atMs     int64
	shows    func(events []sim.Event) bool
}

// frameMoments are the moments the screen must draw well. Each is checked
// against the run's events first, so a scenario change that moves the
// moment fails here instead of leaving a frame of something else.
var frameMoments = []frameMoment{
	// rebalances: c3 joins at 10s; the groups are PreparingRebalance until
	// the join window closes at 12s.
	{"rebalance-mid-phase", "rebalances", 11_000, func(ev []sim.Event) bool {
		return last(ev, sim.EvRebalanceStarted) > last(ev, sim.EvRebalanceDone)
	}},
	// unclean-election: b3 led with 51 records at 38s; b1 comes back at 45s
	// and cuts its 149 unreplicated records off.
	{"failover-truncation", "unclean-election", 45_100, func(ev []sim.Event) bool {
		return last(ev, sim.EvTruncated) >= 0 && last(ev, sim.EvLeaderElected) >= 0
	}},
	// at-least-once: c2 reprocesses what the crashed c1 never committed.
	{"duplicate-processed", "at-least-once", 27_100, func(ev []sim.Event) bool {
		i := last(ev, sim.EvProcessed)
		return i >= 0 && ev[i].Duplicates > 0
	}},
	// exactly-once: the restarted instance fences the old one, whose open
	// transaction is aborted.
	{"transaction-abort", "exactly-once", 15_100, func(ev []sim.Event) bool {
		return last(ev, sim.EvTxnAborted) >= 0
	}},
}

// frameSizes are the terminals the golden frames are drawn for.
var frameSizes = [][2]int{{80, 24}, {120, 36}, {160, 48}}

// last is the index of the last event of type typ, -1 if none.
func last(events []sim.Event, typ sim.EventType) int {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Type == typ {
			return i
		}
	}
	return -1
}

// TestFrameGolden draws each moment at each size, plain, as `NO_COLOR=1
// kafkasim frame` prints it. After a deliberate change to the picture,
// regenerate them all with one command, then read every diff:
//
//	go test ./ui -run TestFrameGolden -update
func TestFrameGolden(t *testing.T) {
	for _, mo := range frameMoments {
		for _, sz := range frameSizes {
			t.Run(mo.name+"-"+components.Itoa(sz[0])+"x"+components.Itoa(sz[1]), func(t *testing.T) {
				st := frameStyles(false)
				m, err := frameModel(FrameOptions{Scenario: mo.scenario, AtMs: mo.atMs, Width: sz[0], Height: sz[1]}, &st, defaultDeps())
				if err != nil {
					t.Fatal(err)
				}
				if !mo.shows(m.sim.Events) {
					t.Fatalf("%s at %s no longer shows the %s", mo.scenario, components.FmtMs(mo.atMs), mo.name)
				}
				golden.RequireEqual(t, []byte(m.View()))
			})
		}
	}
}
