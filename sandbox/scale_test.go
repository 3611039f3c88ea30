package sandbox

import (
	"fmt"
	"kafkasim/internal/cputime"
	"runtime"
	"strings"
	"testing"
	"time"
)

// runMeasured runs a script on a fresh sandbox and returns its transcript,
// how long it took and how much it allocated.
func runMeasured(t *testing.T, script string) (string, time.Duration, uint64) {
	t.Helper()
	s := newSession(t, 3)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var out strings.Builder
	var err error
	took := cputime.Of(func() { _, err = s.RunScript(strings.NewReader(script), &out, false) })
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	return out.String(), took, after.TotalAlloc - before.TotalAlloc
}

func producerScript(records int) string {
	var b strings.Builder
	b.WriteString("kafka-topics --bootstrap-server localhost:9092 --create --topic t --partitions 3 --replication-factor 3\n")
	b.WriteString("kafka-console-producer --bootstrap-server localhost:9092 --topic t\n")
	for i := range records {
		fmt.Fprintf(&b, "record-%d\n", i)
	}
	return b.String()
}

// A console producer's cost grows with its records, not their square: the
// run's command list was copied for every record, and every record took a
// snapshot of the whole cluster (20,000 records took 11 s and 580 MB).
func TestConsoleProducerIsLinear(t *testing.T) {
	_, tSmall, aSmall := runMeasured(t, producerScript(1000))
	out, tLarge, aLarge := runMeasured(t, producerScript(4000))
	t.Logf("1,000 records: %v, %d KB; 4,000: %v, %d KB", tSmall, aSmall>>10, tLarge, aLarge>>10)
	if strings.Count(out, ">record-") != 4000 {
		t.Fatalf("not every record was sent")
	}
	// Linear is 4x; quadratic was 12x. The margin is for a loaded machine.
	if aLarge > 7*aSmall {
		t.Errorf("allocations grew %.1fx for 4x the records", float64(aLarge)/float64(aSmall))
	}
	if aLarge/4000 > 64<<10 {
		t.Errorf("%d KB per record", aLarge/4000>>10)
	}
}

// Creating topics one by one is linear: each creation used to take several
// snapshots of every partition already made (4,000 creates took 30 s).
func TestTopicCreationIsLinear(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&b, "kafka-topics --bootstrap-server localhost:9092 --create --topic t%d --partitions 1 --replication-factor 1\n", i)
	}
	out, took, alloc := runMeasured(t, b.String())
	t.Logf("2,000 topics: %v, %d MB", took, alloc>>20)
	if strings.Count(out, "Created topic") != 2000 {
		t.Fatal("not every topic was created")
	}
	if took > 10*time.Second || alloc > 256<<20 {
		t.Errorf("took %v and %d MB", took, alloc>>20)
	}
}

// The engine's consumer limit holds in the sandbox: the consumer past it
// is refused as Kafka refuses a JoinGroup past group.max.size.
func TestConsumerLimitInTheSandbox(t *testing.T) {
	var b strings.Builder
	b.WriteString("kafka-topics --bootstrap-server localhost:9092 --create --topic t --partitions 3 --replication-factor 1\n")
	b.WriteString("kafka-console-consumer --bootstrap-server localhost:9092 --topic t --group g --timeout-ms 100\n")
	for range 1000 {
		b.WriteString("add consumer g\n")
	}
	b.WriteString("kafka-console-consumer --bootstrap-server localhost:9092 --topic t --group g2 --timeout-ms 100\n")
	out, took, _ := runMeasured(t, b.String())
	t.Logf("1,000 adds: %v", took)
	if n := strings.Count(out, "Consumer c"); n != 999 {
		t.Errorf("%d consumers added, want 999 (the limit of 1000 with c1)", n)
	}
	if !strings.Contains(out, "add: the simulator runs at most 1000 consumers") {
		t.Errorf("the add past the limit was not refused")
	}
	if !strings.Contains(out, "GroupMaxSizeReachedException: Consumer group g2 already has the configured maximum number of members.") {
		t.Errorf("the console consumer past the limit was not refused as Kafka does:\n%s", out[max(len(out)-600, 0):])
	}
}
