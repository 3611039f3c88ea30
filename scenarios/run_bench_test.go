package scenarios

import (
	"io"
	"testing"
)

// BenchmarkRunQuiet is `kafkasim run activity-tracking --quiet` without
// the process start: the engine, the ledger and the summary.
func BenchmarkRunQuiet(b *testing.B) { benchRun(b, RunOptions{Quiet: true}) }

// BenchmarkRunJSON is the same run writing every event as a JSON line.
func BenchmarkRunJSON(b *testing.B) { benchRun(b, RunOptions{JSON: true}) }

// BenchmarkRunText is the same run writing every event as text.
func BenchmarkRunText(b *testing.B) { benchRun(b, RunOptions{}) }

func benchRun(b *testing.B, opts RunOptions) {
	sc, err := Load("activity-tracking")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Run(sc, opts, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
