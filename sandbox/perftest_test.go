package sandbox

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The line formats of ProducerPerformance.Stats (Kafka 3.9):
// printWindow's "%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms
// avg latency, %.1f ms max latency." and printTotal's, whose rate is a
// plain %f and which ends with four percentiles.
var (
	perfWindowLine = regexp.MustCompile(`^(\d+) records sent, \d+\.\d records/sec \(\d+\.\d\d MB/sec\), \d+\.\d ms avg latency, \d+\.\d ms max latency\.$`)
	perfTotalRe    = regexp.MustCompile(`^(\d+) records sent, (\d+\.\d{6}) records/sec \(\d+\.\d\d MB/sec\), (\d+\.\d\d) ms avg latency, \d+\.\d\d ms max latency, \d+ ms 50th, \d+ ms 95th, \d+ ms 99th, \d+ ms 99\.9th\.$`)
)

// perfTotal runs a perf test and returns its total line's count, rate and
// average latency, checking every line's format on the way.
func perfTotal(t *testing.T, s *Session, props string) (count int, rate, avgMs float64) {
	t.Helper()
	out := mustExec(t, s, "kafka-producer-perf-test --topic perf --num-records 1000 --record-size 100 --throughput 200 --producer-props bootstrap.servers=localhost:9092 "+props)
	lines := kafkaLines(t, out)
	windows := 0
	for _, l := range lines[:len(lines)-1] {
		m := perfWindowLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("not a printWindow line: %q\n%s", l, out)
		}
		n, _ := strconv.Atoi(m[1])
		windows += n
	}
	m := perfTotalRe.FindStringSubmatch(lines[len(lines)-1])
	if m == nil {
		t.Fatalf("not a printTotal line: %q\n%s", lines[len(lines)-1], out)
	}
	count, _ = strconv.Atoi(m[1])
	rate, _ = strconv.ParseFloat(m[2], 64)
	avgMs, _ = strconv.ParseFloat(m[3], 64)
	if windows > count {
		t.Errorf("windows count %d records, the total %d", windows, count)
	}
	return count, rate, avgMs
}

// TestProducerPerfTest: every record is counted once its callback
// reports success, the rate follows --throughput (ThroughputThrottler),
// and linger.ms, which holds batches back to fill them, shows up as
// latency.
func TestProducerPerfTest(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics --create --topic perf --partitions 3 --replication-factor 3"+bs)
	count, rate, base := perfTotal(t, s, "acks=all")
	if count != 1000 || rate < 190 || rate > 210 {
		t.Errorf("1000 records at 200/s: counted %d at %.1f/s", count, rate)
	}
	_, _, lingering := perfTotal(t, s, "acks=all linger.ms=50")
	if lingering < base+20 {
		t.Errorf("linger.ms=50 avg latency %.2f ms, without %.2f ms: the wait should show", lingering, base)
	}
	out := mustFail(t, s, "kafka-producer-perf-test --topic perf --num-records 10 --throughput 1 --producer-props bootstrap.servers=localhost:9092")
	if !strings.Contains(out, "producer-performance: error: one of the arguments --record-size --payload-file is required") {
		t.Errorf("argparse4j's required group:\n%s", out)
	}
}
