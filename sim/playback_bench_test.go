package sim

import "testing"

// BenchmarkPlayback100Partitions is the load `kafkasim play` must keep up
// with at ×100: 100 partitions, 1000 records/s over 1000 keys, a group of
// 4 committing after each batch, for 100 virtual seconds, events forgotten
// every virtual second as the TUI's playback does. cpu-ms/op below 1000
// would be ×100 in real time on one core.
func BenchmarkPlayback100Partitions(b *testing.B) {
	c := benchConfigKeys(4, 1000)
	c.Topics[0].Partitions = 100
	c.Producers[0].RatePerSec = 1000
	c.Producers[0].Count = 0
	b.ReportAllocs()
	var cpu int64
	for i := 0; i < b.N; i++ {
		at := cpuTime()
		s, err := New(c)
		if err != nil {
			b.Fatal(err)
		}
		for t := int64(1000); t <= 100_000; t += 1000 {
			s.RunUntil(t)
			s.ForgetEventsBefore(s.EventCount())
		}
		cpu += cpuTime() - at
		if s.groups[0].processedTotal < 90_000 {
			b.Fatalf("processed %d records in 100 s at 1000/s", s.groups[0].processedTotal)
		}
	}
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
}
