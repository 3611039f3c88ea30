package simview

import (
	"testing"

	"kafkasim/sim"
	"kafkasim/ui/cmdline"
	"kafkasim/ui/keys"
	"kafkasim/ui/simrun"
)

// bigSpec is a cluster of brokers with one topic of partitions, a keyed
// producer and a group, on the real engine.
func bigSpec(brokers, partitions int) simrun.Spec {
	s := cmdline.SandboxSpec(brokers)
	t := sim.DefaultTopic("orders", partitions, min(3, brokers))
	s.Config.Topics = []sim.TopicConfig{t}
	s.Config.Producers[0].RatePerSec = 200
	s.Config.Groups[0].Consumers = 4
	s.Config.Groups[0].ProcessingMs = 5
	return s
}

// realScreen plays spec on the engine for runMs and returns the screen.
func realScreen(tb testing.TB, spec simrun.Spec, w, h int, runMs int64) *Screen {
	tb.Helper()
	m := New(plainStyles(), keys.NewSim(keys.NewGlobal()), spec, simrun.New)
	if m.Fatal != nil {
		tb.Fatalf("seed %d: %v", spec.Seed, m.Fatal)
	}
	m.SetSize(w, h)
	m.AdvanceTo(runMs)
	m.AbsorbNew(false)
	m.Refresh()
	m.RebaseTrackers() // as if the screen had watched the run get here
	return m
}

func benchRealFrame(b *testing.B, brokers, partitions int) {
	m := realScreen(b, bigSpec(brokers, partitions), 160, 48, 8_000)
	_ = m.View()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

func BenchmarkEngineFrame3Brokers12Partitions(b *testing.B)   { benchRealFrame(b, 3, 12) }
func BenchmarkEngineFrame10Brokers100Partitions(b *testing.B) { benchRealFrame(b, 10, 100) }

// BenchmarkEngineTick is one playing frame at ×1: engine steps, snapshot,
// highlights and drawing.
func BenchmarkEngineTick(b *testing.B) {
	m := realScreen(b, bigSpec(3, 12), 160, 48, 2_000)
	m.Playing = true
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.HandleTick(TickMsg{Gen: m.Gen})
		m.Playing = true
		_ = m.View()
	}
}
