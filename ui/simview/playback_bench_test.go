package simview

import (
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"
	"time"

	"kafkasim/internal/cputime"
	"kafkasim/sim"
	"kafkasim/ui/keys"
	"kafkasim/ui/simrun"
)

// playbackSpec is the load ×100 must keep up with: 3 brokers, one topic
// of 100 partitions (RF 3), 1000 records/s over 1000 keys, a group of 4
// reading from the earliest offset and committing after processing.
func playbackSpec(durationMs int64) simrun.Spec {
	t := sim.DefaultTopic("load", 100, 3)
	p := sim.DefaultProducer("loadgen", "load")
	p.RatePerSec = 1000
	for i := 0; i < 1000; i++ {
		p.Keys = append(p.Keys, "key-"+strconv.Itoa(i))
	}
	g := sim.DefaultGroup("readers", "load")
	g.Consumers = 4
	g.Commit = sim.CommitAfterProcessing
	g.AutoOffsetReset = "earliest"
	cfg := sim.Config{Seed: 1, Cluster: sim.DefaultCluster(3), Topics: []sim.TopicConfig{t},
		Producers: []sim.ProducerConfig{p}, Groups: []sim.GroupConfig{g}}
	return simrun.Spec{Name: "playback", Title: "Playback", Seed: 1, DurationMs: durationMs, Config: cfg}
}

// BenchmarkPlaybackX100 plays that load at ×100 the way the terminal
// does: each tick carries the time it fires, the frame advances the run by
// the real time since the last one times the speed (its engine work
// bounded by frameWork), lays out and draws the screen, and the next tick
// fires FrameDelay later. The clock the ticks carry is built from the
// frames' measured wall time plus FrameDelay, so x-eff is the speed a
// learner would see (100 when the engine keeps up). It also reports the
// CPU time per virtual second and the heap after the first and the second
// half of the run: the screen's own memory (events, checkpoints, frames)
// is bounded, so the heap grows only by the run's records, as a headless
// run's does. Ten virtual minutes, about seven real seconds: the first two
// are mostly the process warming up (first-touch page faults), which says
// little about a learner watching ×100 for a while.
func BenchmarkPlaybackX100(b *testing.B) {
	const runMs = 600_000
	var virtualMs, realNs, cpuNs int64
	var heapHalf, heapEnd uint64
	defer debug.SetGCPercent(debug.SetGCPercent(ScreenGCPercent)) // as the terminal runs
	for i := 0; i < b.N; i++ {
		m := New(plainStyles(), keys.NewSim(keys.NewGlobal()), playbackSpec(10*runMs), simrun.New)
		m.SetSize(160, 48)
		m.Speed = len(Speeds) - 1
		m.Playing = true
		clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		half := false
		for m.Run.Now() < runMs {
			if !half && m.Run.Now() >= runMs/2 {
				heapHalf, half = heapInUse(), true
			}
			before := m.Run.Now()
			start := time.Now()
			cpu := cputime.Of(func() {
				m.HandleTick(TickMsg{Gen: m.Gen, At: clock})
				_ = m.View()
			})
			took := time.Since(start)
			gap := took + FrameDelay(took) // the next tick fires then
			clock = clock.Add(gap)
			virtualMs += m.Run.Now() - before
			realNs += int64(gap)
			cpuNs += int64(cpu)
		}
		heapEnd = heapInUse()
		runtime.KeepAlive(m)
	}
	b.ReportMetric(float64(virtualMs)*1e6/float64(realNs), "x-eff")
	b.ReportMetric(float64(cpuNs)/1e3/float64(virtualMs), "cpu-ms/vs")
	b.ReportMetric(float64(heapHalf)/1e6, "MB-heap-300s")
	b.ReportMetric(float64(heapEnd)/1e6, "MB-heap-600s")
}

func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}
