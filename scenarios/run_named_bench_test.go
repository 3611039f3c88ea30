package scenarios

import (
	"io"
	"os"
	"testing"

	"kafkasim/internal/cputime"
)

// BenchmarkRunNamed is `kafkasim run $SCN` without the process start:
// text output unless QUIET or JSON is set in the environment. It reports
// CPU time per run, which a shared machine does not blur as it does wall
// time.
func BenchmarkRunNamed(b *testing.B) {
	name := os.Getenv("SCN")
	if name == "" {
		name = "tuning-throughput"
	}
	sc, err := Load(name)
	if err != nil {
		b.Fatal(err)
	}
	opts := RunOptions{Quiet: os.Getenv("QUIET") != "", JSON: os.Getenv("JSON") != ""}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Of(func() {
		for i := 0; i < b.N; i++ {
			if _, err := Run(sc, opts, io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
}
