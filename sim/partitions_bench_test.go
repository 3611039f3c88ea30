package sim

import "testing"

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
		cpu += cpuTime() - at
		if gl := s.Ledger().Groups[0]; gl.ExactlyOnce != benchRecords {
			b.Fatalf("ledger: %+v", gl)
		}
	}
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
}

// BenchmarkHeadless1M is the realistic load (16 keys, a group of 4) run
// as `kafkasim run --quiet` runs it.
func BenchmarkHeadless1M(b *testing.B) { benchHeadless(b, benchConfig(4)) }
