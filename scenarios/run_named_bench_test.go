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
	sc := scenarioFromEnv(b)
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

// BenchmarkEventLines writes the events of one run of $SCN (default
// tuning-throughput) as text lines, or JSON lines with JSON set: the
// writer alone, without the engine. cpu-ms/op is per run's worth of
// events.
func BenchmarkEventLines(b *testing.B) {
	sc := scenarioFromEnv(b)
	s, err := sc.NewSim(sc.Seed)
	if err != nil {
		b.Fatal(err)
	}
	s.RunUntil(sc.DurationMs)
	evs := s.Events()
	asJSON := os.Getenv("JSON") != ""
	var buf []byte
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Of(func() {
		for i := 0; i < b.N; i++ {
			for j := range evs {
				if asJSON {
					buf = appendEventJSON(buf[:0], evs[j])
				} else {
					buf = appendEventText(buf[:0], &evs[j])
				}
			}
		}
	})
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
}

// scenarioFromEnv loads the built-in $SCN names, tuning-throughput when unset.
func scenarioFromEnv(b *testing.B) *Scenario {
	name := os.Getenv("SCN")
	if name == "" {
		name = "tuning-throughput"
	}
	sc, err := Load(name)
	if err != nil {
		b.Fatal(err)
	}
	return sc
}
