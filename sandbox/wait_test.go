package sandbox

import (
	"kafkasim/internal/cputime"
	"strings"
	"testing"
	"time"
)

// A console consumer told to wait 3,170 years for a record waits at most
// waitCapMs of virtual time, and says so instead of claiming a timeout.
func TestEndlessConsumerTimeoutIsCapped(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics"+bs+" --create --topic t --partitions 1 --replication-factor 1")
	before := s.run.Sim().Now()
	var r Result
	took := cputime.Of(func() { r = s.Exec("kafka-console-consumer" + bs + " --topic t --timeout-ms 100000000000000") })
	if took > 10*time.Second {
		t.Fatalf("took %v", took)
	}
	if moved := s.run.Sim().Now() - before; moved > waitCapMs+1000 {
		t.Errorf("clock moved %dms, want at most the cap %dms", moved, waitCapMs)
	}
	if !strings.Contains(r.Output, "waits at most 5m0s") && !strings.Contains(r.Output, "at most 300.000s") {
		t.Errorf("no word of the cap:\n%s", r.Output)
	}
	if strings.Contains(r.Output, "TimeoutException") {
		t.Errorf("claims the real timeout passed:\n%s", r.Output)
	}
	if !strings.Contains(r.Output, "Processed a total of 0 messages") {
		t.Errorf("the consumer did not end:\n%s", r.Output)
	}
}

// A --sync producer blocked for Long.MAX_VALUE ms on a cluster that does
// not answer gives up after waitCapMs of virtual time.
func TestProducerMaxBlockIsCappedOnADeadCluster(t *testing.T) {
	s := newSession(t, 1)
	mustExec(t, s, "kafka-topics"+bs+" --create --topic t --partitions 1 --replication-factor 1")
	mustExec(t, s, "crash broker 1")
	r := s.Exec("kafka-console-producer" + bs + " --topic t --sync --producer-property max.block.ms=9223372036854775807")
	if !r.InputMode {
		t.Fatalf("the producer did not start:\n%s", r.Output)
	}
	before := s.run.Sim().Now()
	took := cputime.Of(func() { r = s.Input("hello") })
	if took > 10*time.Second {
		t.Fatalf("took %v", took)
	}
	if moved := s.run.Sim().Now() - before; moved > waitCapMs+1000 {
		t.Errorf("clock moved %dms, want at most the cap", moved)
	}
	if !strings.Contains(r.Output, "max.block.ms is 9223372036854775807 ms") {
		t.Errorf("no word of the cap:\n%s", r.Output)
	}
}

// The pause hook is called while a long command runs, and returning false
// stops the command where it is, as Ctrl-C stops the real tool.
func TestPauseHookInterruptsALongCommand(t *testing.T) {
	s := newSession(t, 3)
	mustExec(t, s, "kafka-topics"+bs+" --create --topic t --partitions 3 --replication-factor 3")
	calls := 0
	s.SetPause(func() bool { calls++; return calls < 3 })
	before := s.run.Sim().Now()
	r := s.Exec("kafka-console-consumer" + bs + " --topic t --timeout-ms 100000000000000")
	if calls != 3 {
		t.Errorf("pause called %d times, want 3 (the third interrupts)", calls)
	}
	if moved := s.run.Sim().Now() - before; moved >= waitCapMs {
		t.Errorf("the clock moved %dms: the interrupt did not stop the wait", moved)
	}
	if !strings.Contains(r.Output, "^C") || !strings.Contains(r.Output, "Processed a total of 0 messages") {
		t.Errorf("want ^C and the consumer's summary:\n%s", r.Output)
	}
	s.SetPause(nil)
	mustExec(t, s, "play 1s")
}
