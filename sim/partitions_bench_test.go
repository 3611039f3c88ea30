package sim

import (
	"slices"
	"testing"
)

// partitionsConfig is the realistic load over 1000 keys on a topic of n
// partitions: with 1000 partitions nearly every one gets records, so the
// followers' fetching is what grows with the partition count.
func partitionsConfig(n int) Config {
	c := benchConfigKeys(4, 1000)
	c.Topics[0].Partitions = n
	return c
}

// BenchmarkPartitions12 and BenchmarkPartitions1000 run the same records
// over 12 and 1000 partitions, headless as `kafkasim run --quiet` does
// (events hashed, not kept). Kafka's followers fetch every partition
// they follow from one leader in one request (KIP-227), so 1000 partitions
// should cost at most twice the CPU of 12.
func BenchmarkPartitions12(b *testing.B)   { benchHeadless(b, partitionsConfig(12)) }
func BenchmarkPartitions1000(b *testing.B) { benchHeadless(b, partitionsConfig(1000)) }

func benchHeadless(b *testing.B, c Config) {
	b.ReportAllocs()
	var cpu int64
	for i := 0; i < b.N; i++ {
		cpu += headlessRun(b, c)
	}
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
}

// BenchmarkPartitionsRatio runs 12, 1000 and 12 partitions in turn, in one
// process, and reports the 1000-partition run's CPU over the mean of the
// two 12-partition runs beside it: the median, lowest and highest ratio
// over b.N rounds. Neighbouring runs share the machine's load, so the
// ratio swings far less than two benchmarks run apart.
func BenchmarkPartitionsRatio(b *testing.B) {
	ratios := make([]float64, 0, b.N)
	for i := 0; i < b.N; i++ {
		before := headlessRun(b, partitionsConfig(12))
		many := headlessRun(b, partitionsConfig(1000))
		after := headlessRun(b, partitionsConfig(12))
		ratios = append(ratios, float64(many)/(float64(before+after)/2))
	}
	slices.Sort(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "median-ratio")
	b.ReportMetric(ratios[0], "min-ratio")
	b.ReportMetric(ratios[len(ratios)-1], "max-ratio")
}

// headlessRun plays c as a quiet run does until the group has processed
// every record, and returns the CPU nanoseconds it took.
func headlessRun(b *testing.B, c Config) int64 {
	at := cpuTime()
	s, err := New(c)
	if err != nil {
		b.Fatal(err)
	}
	s.DiscardEvents() // as a quiet run does
	for steps := 1; s.Step(); steps++ {
		if steps%4096 == 0 {
			if s.groups[0].processedTotal >= benchRecords {
				break
			}
		}
	}
	cpu := cpuTime() - at
	if gl := s.Ledger().Groups[0]; gl.ExactlyOnce != benchRecords {
		b.Fatalf("ledger: %+v", gl)
	}
	return cpu
}

// BenchmarkHeadless1M is the realistic load (16 keys, a group of 4) run
// as `kafkasim run --quiet` runs it.
func BenchmarkHeadless1M(b *testing.B) { benchHeadless(b, benchConfig(4)) }
