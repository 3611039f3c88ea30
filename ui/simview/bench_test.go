package simview

import "testing"

// benchFrame measures drawing one frame of the simulator screen, with the
// highlights of a busy step lit.
func benchFrame(b *testing.B, brokers, partitions int) {
	m := newFixtureSim(160, 48, brokers, partitions, 120)
	for range 6 {
		finishSlices(b, m, m.StepForward())
	}
	m.Hot.Absorb(m.Run.Events())
	_ = m.View() // warm the cell cache, as the first frame of a session does
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

func BenchmarkFrame3Brokers12Partitions(b *testing.B)   { benchFrame(b, 3, 12) }
func BenchmarkFrame10Brokers100Partitions(b *testing.B) { benchFrame(b, 10, 100) }
