package replay

import (
	"strings"
	"testing"
)

// txnScenario is exactly-once consume-transform-produce in small: scorer
// reads payments transactionally and writes scores; alerts reads scores
// with read_committed; scorer c2 crashes with a transaction open, which
// the coordinator aborts once transaction.timeout.ms (5s, well within the
// run) has passed: until then it holds alerts back.
const txnScenario = `
title = "replay test: transactions"
seed = 3
duration = "20s"

[[topic]]
name = "payments"
partitions = 2
replication_factor = 3

[[topic]]
name = "scores"
partitions = 2
replication_factor = 3

[[producer]]
id = "gateway"
topic = "payments"
rate = 10
count = 100
keys = ["alice", "bob", "carol"]

[[group]]
id = "scorer"
topics = ["payments"]
consumers = 2
processing = "100ms"
commit = "transactional"
output_topic = "scores"
config = { "auto.offset.reset" = "earliest", "isolation.level" = "read_committed", "max.poll.records" = 10, "session.timeout.ms" = 6000, "heartbeat.interval.ms" = 1000, "transaction.timeout.ms" = 5000 }

[[group]]
id = "alerts"
topics = ["scores"]
consumers = 1
processing = "2ms"
commit = "after-processing"
config = { "auto.offset.reset" = "earliest", "isolation.level" = "read_committed", "session.timeout.ms" = 6000, "heartbeat.interval.ms" = 1000 }

[[timeline]]
at = "4s"
do = "crash-consumer"
group = "scorer"
consumer = 2
`

// TestReplayTransactionsExactlyOnce replays a transactional group as kgo
// GroupTransactSessions on franz-go's fake cluster and compares with the
// simulator: each batch's outputs and input offsets commit together
// (KIP-98, KIP-447), so although c2 dies with a transaction open, every
// payment is scored exactly once, and alerts, reading with read_committed,
// sees each score once and none of the aborted transaction's (the fake
// cluster aborts it at transaction.timeout.ms, as Kafka's
// TransactionCoordinator.abortTimedOutTransactions does).
func TestReplayTransactionsExactlyOnce(t *testing.T) {
	sc := parse(t, txnScenario)
	res, _ := replayOnFake(t, sc)
	for _, id := range []string{"scorer", "alerts"} {
		pred, real := realGroup(res.Predicted, id), realGroup(res.Real, id)
		if pred.ExactlyOnce != 100 || pred.Duplicated != 0 || pred.Lost != 0 {
			t.Fatalf("the simulator's %s is not exactly once: %+v", id, pred)
		}
		if real.ExactlyOnce != 100 || real.Duplicated != 0 || real.Lost != 0 || real.Pending != 0 {
			t.Errorf("real %s: %+v, want all 100 exactly once, as the simulator predicts", id, real)
		}
	}
	for _, n := range res.Notes {
		if strings.Contains(n, "not replayed") {
			t.Errorf("a transactional group is replayed now, yet noted: %s", n)
		}
	}
}
