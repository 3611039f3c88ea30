package scenarios

import (
	"io"
	"testing"

	"kafkasim/internal/cputime"
)

// BenchmarkRunBuiltin runs each built-in scenario as `kafkasim run NAME
// --quiet` does, without the process start, and reports the CPU it took
// (every built-in should run in under 50 ms of wall time, process
// included). Pick one with -bench 'RunBuiltin/tuning-throughput'.
func BenchmarkRunBuiltin(b *testing.B) {
	for _, name := range Names() {
		b.Run(name, func(b *testing.B) {
			sc, err := Load(name)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			cpu := cputime.Of(func() {
				for i := 0; i < b.N; i++ {
					if _, err := Run(sc, RunOptions{Quiet: true}, io.Discard); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.ReportMetric(float64(cpu.Microseconds())/1e3/float64(b.N), "cpu-ms/op")
		})
	}
}
