package simview

import (
	"testing"

	"kafkasim/internal/cputime"
	"kafkasim/ui/keys"
	"kafkasim/ui/simrun"
)

// BenchmarkFrameUI100Partitions is a played frame's own work on the ×100
// load at 160×48, without the engine's steps: the snapshot a frame takes,
// and drawing it; cpu-us/frame is its CPU time.
func BenchmarkFrameUI100Partitions(b *testing.B) {
	m := New(plainStyles(), keys.NewSim(keys.NewGlobal()), playbackSpec(3_600_000), simrun.New)
	m.SetSize(160, 48)
	m.AdvanceTo(30_000)
	m.Refresh()
	m.RebaseTrackers()
	b.ReportAllocs()
	b.ResetTimer()
	frames := 0
	cpu := cputime.Of(func() {
		for b.Loop() {
			m.refresh(m.partialOK())
			_ = m.View()
			frames++
		}
	})
	b.ReportMetric(float64(cpu.Microseconds())/float64(frames), "cpu-us/frame")
}
