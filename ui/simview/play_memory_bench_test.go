package simview

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"kafkasim/internal/cputime"
	"kafkasim/scenarios"
	"kafkasim/ui/keys"
	"kafkasim/ui/simrun"
)

// load1M is the whole-process benchmark's scenario: a million keyed
// records, acks=all, a group of 4 reading from the earliest offset.
const load1M = "../../bench/scenarios/load-1m.toml"

// BenchmarkPlayMemory1M plays the million-record scenario as a learner
// would (×100 to its end, then three steps back with ←) and reports the
// live heap after a collection, beside the live heap of the same run
// played headless to its end. Peak resident memory is about the live heap
// times (1 + GOGC/100) in both modes, so their ratio is what `kafkasim
// play` costs over `kafkasim run`. It also reports the CPU time of the
// slowest step back, each started after a collection.
func BenchmarkPlayMemory1M(b *testing.B) {
	sc, err := scenarios.Load(load1M)
	if err != nil {
		b.Fatal(err)
	}
	var played, headless uint64
	var back time.Duration
	for i := 0; i < b.N; i++ {
		headless = headlessHeap(b, sc)
		m := New(plainStyles(), keys.NewSim(keys.NewGlobal()), simrun.FromScenario(sc), simrun.New)
		m.SetSize(160, 48)
		m.Speed = len(Speeds) - 1
		m.Playing = true
		clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for m.Playing {
			m.HandleTick(TickMsg{Gen: m.Gen, At: clock})
			_ = m.View()
			clock = clock.Add(FrameInterval)
		}
		for range 3 {
			runtime.GC() // the collector's work is the heap's, not the step's
			back = max(back, cputime.Of(func() {
				for cmd := m.stepBack(); cmd != nil && m.Job != nil; {
					cmd = m.Update(cmd())
				}
			}))
			_ = m.View()
		}
		played = heapInUse()
		writeHeapProfile(b)
		runtime.KeepAlive(m)
	}
	b.ReportMetric(float64(played)/1e6, "MB-play")
	b.ReportMetric(float64(headless)/1e6, "MB-headless")
	b.ReportMetric(float64(played)/float64(headless), "ratio")
	b.ReportMetric(float64(back.Microseconds())/1e3, "cpu-ms/back")
}

// headlessHeap is the live heap at the end of the scenario run headless,
// as `kafkasim run --quiet` runs it: events forgotten as they go.
func headlessHeap(b *testing.B, sc *scenarios.Scenario) uint64 {
	s, err := sc.NewSim(sc.Seed)
	if err != nil {
		b.Fatal(err)
	}
	for n := 1; s.NextAt() >= 0 && s.NextAt() <= sc.DurationMs; n++ {
		s.Step()
		if n%4096 == 0 {
			s.ForgetEventsBefore(s.EventCount())
		}
	}
	s.RunUntil(sc.DurationMs)
	live := heapInUse()
	runtime.KeepAlive(s)
	return live
}

// writeHeapProfile writes the live heap to the file PLAY_HEAP names, if
// set: who holds the memory the benchmark reports.
func writeHeapProfile(b *testing.B) {
	path := os.Getenv("PLAY_HEAP")
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		b.Fatal(err)
	}
}
