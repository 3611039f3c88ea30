package replay

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// crashScenario is at-least-once in small: one producer, one group of two
// committing after processing, c1 crashing mid-run, and a broker crash the
// replay cannot cause without --on.
const crashScenario = `
title = "replay test: a consumer crash"
seed = 1
duration = "20s"

[[topic]]
name = "orders"
partitions = 2
replication_factor = 3

[[producer]]
id = "orders-app"
topic = "orders"
rate = 10
count = 100
keys = ["alice", "carol"]

[[group]]
id = "inventory"
topics = ["orders"]
consumers = 2
processing = "100ms"
commit = "after-processing"
config = { "auto.offset.reset" = "earliest", "max.poll.records" = 10, "session.timeout.ms" = 6000, "heartbeat.interval.ms" = 1000 }

[[timeline]]
at = "4s"
do = "crash-consumer"
group = "inventory"
consumer = 1

[[timeline]]
at = "6s"
do = "crash-broker"
broker = 2
`

// replayOnFake replays sc at x20 on a one-broker kfake cluster and
// returns the result and its printed summary.
func replayOnFake(t *testing.T, sc *scenarios.Scenario) (Result, string) {
	t.Helper()
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.GroupMinSessionTimeout(10*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var log bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := Run(ctx, sc, Options{Bootstrap: c.ListenAddrs(), Speed: 20, Drain: 60 * time.Second, Log: &log})
	if err != nil {
		t.Fatalf("replay: %v\n%s", err, log.String())
	}
	var out bytes.Buffer
	res.Print(&out)
	t.Logf("%s%s", log.String(), out.String())
	return res, out.String()
}

func parse(t *testing.T, text string) *scenarios.Scenario {
	t.Helper()
	sc, err := scenarios.Parse("replay-test.toml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestReplayCrashedConsumerLosesNothing replays an after-processing group
// whose member crashes, on franz-go's in-process fake cluster. Committing
// after processing is at-least-once (KafkaConsumer.commitSync after the
// batch): no acknowledged record may be lost, and only the batch the
// crashed member processed but never committed may be processed twice.
func TestReplayCrashedConsumerLosesNothing(t *testing.T) {
	// One broker, so the scenario's replication factor 3 is capped; the
	// session timeout, scaled to 300ms, is below Kafka's default
	// group.min.session.timeout.ms, so the fake cluster is told to allow it.
	sc := parse(t, crashScenario)
	res, out := replayOnFake(t, sc)

	if res.Predicted.Groups[0].Lost != 0 {
		t.Fatalf("the simulator loses records in this scenario: %+v", res.Predicted.Groups[0])
	}
	p := res.Real.Producers[0]
	if p.Sent != 100 || p.Acked != 100 || res.Predicted.Producers[0].Sent != 100 {
		t.Errorf("real producer: %+v, want 100 sent and acked (no faults touch it)", p)
	}
	g := res.Real.Groups[0]
	if g.Lost != 0 || g.Pending != 0 || g.Skipped != 0 {
		t.Errorf("real group %+v: at-least-once must lose nothing, and the drain reads the rest", g)
	}
	if g.ExactlyOnce+g.Duplicated != p.Acked {
		t.Errorf("real group %+v: every acked record processed at least once", g)
	}
	if risk := res.AtRisk["inventory"]; g.Duplicated > risk {
		t.Errorf("real group: %d duplicated, but only the %d records processed in batches no commit covered may repeat", g.Duplicated, risk)
	}
	if res.Real.LogDuplicates != 0 {
		t.Errorf("log duplicates %d: an idempotent producer with no faults writes each record once", res.Real.LogDuplicates)
	}
	if len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0], "crash-broker 2") ||
		!strings.Contains(out, "the real cluster had no crash-broker: fault skipped") {
		t.Errorf("want the broker crash noted as skipped, got %q", res.Skipped)
	}
	if !strings.Contains(res.Notes[0], "replication factor 3 capped") {
		t.Errorf("want a note on the capped replication factor, got %q", res.Notes)
	}
}

// TestReplayCommitBeforeProcessingNeverRepeats: a group that commits
// before processing is at-most-once. When c1 crashes, c2 starts after
// what c1 committed, so nothing is processed twice, and what is lost is at
// most the batch c1 committed and never processed. The producer crashes
// too: its ledger still balances, with what it never heard about in
// flight.
func TestReplayCommitBeforeProcessingNeverRepeats(t *testing.T) {
	text := strings.Replace(crashScenario, `commit = "after-processing"`, `commit = "before-processing"`, 1) + `
[[timeline]]
at = "8s"
do = "crash-producer"
producer = "orders-app"
`
	sc := parse(t, text)
	res, _ := replayOnFake(t, sc)
	if pg := res.Predicted.Groups[0]; pg.Duplicated != 0 {
		t.Fatalf("the simulator repeats records of an at-most-once group: %+v", pg)
	}
	g := res.Real.Groups[0]
	if g.Duplicated != 0 {
		t.Errorf("real group %+v: commit before processing repeated records", g)
	}
	if maxPoll := sc.Config.Groups[0].MaxPollRecords; g.Lost > maxPoll {
		t.Errorf("real group %+v: more lost than one batch of max.poll.records = %d", g, maxPoll)
	}
	p := res.Real.Producers[0]
	// Sends due at 0s, 0.1s ... 7.9s: the one due at 8s comes after the crash.
	if p.Sent != 80 || p.Sent != p.Acked+p.Failed+p.InFlight {
		t.Errorf("real producer %+v: it crashed at 8s, want 80 sent and sent = acked + failed + in flight", p)
	}
	if pp := res.Predicted.Producers[0]; pp.Sent != p.Sent {
		t.Errorf("the simulator's producer sent %d, the real one %d", pp.Sent, p.Sent)
	}
}

// TestFaultCommand checks --on parsing and the %d substitution.
func TestFaultCommand(t *testing.T) {
	on := map[sim.CommandKind]string{}
	if err := ParseOn("crash-broker=docker stop kafka-%d", on); err != nil {
		t.Fatal(err)
	}
	if err := ParseOn("crash-consumer=kill 1", on); err == nil {
		t.Error("a client fault accepted as --on")
	}
	if err := ParseOn("crash-broker", on); err == nil {
		t.Error("--on without a command accepted")
	}
	line, ok := FaultCommand(on, sim.Command{Kind: sim.CmdCrashBroker, Broker: 3})
	if !ok || line != "docker stop kafka-3" {
		t.Errorf("got %q %v, want \"docker stop kafka-3\"", line, ok)
	}
	if _, ok := FaultCommand(on, sim.Command{Kind: sim.CmdRestartBroker, Broker: 3}); ok {
		t.Error("a kind with no --on has a command")
	}
}

// TestBrokerFaultRunsOrSkips: with --on the command runs at its time, and
// without it the fault is skipped with a note saying so.
func TestBrokerFaultRunsOrSkips(t *testing.T) {
	var ran []string
	shell := func(_ context.Context, line string) ([]byte, error) {
		ran = append(ran, line)
		return nil, nil
	}
	var log bytes.Buffer
	res := &Result{}
	r := &replayer{opts: Options{OnFault: map[sim.CommandKind]string{sim.CmdCrashBroker: "docker stop kafka-%d"}, Shell: shell, Log: &log}, res: res}
	r.apply(context.Background(), 10000, sim.Command{Kind: sim.CmdCrashBroker, Broker: 2})
	r.apply(context.Background(), 20000, sim.Command{Kind: sim.CmdRestartBroker, Broker: 2})
	if len(ran) != 1 || ran[0] != "docker stop kafka-2" || len(res.Ran) != 1 {
		t.Errorf("ran %q, want [docker stop kafka-2]", ran)
	}
	if len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0], "restart-broker 2 at 20.000s: the real cluster had no restart-broker: fault skipped") {
		t.Errorf("skipped %q", res.Skipped)
	}
	if !strings.Contains(log.String(), `ran "docker stop kafka-2"`) {
		t.Errorf("log:\n%s", log.String())
	}
}
