package sim

import (
	"strings"
	"testing"
)

// txnPipelineConfig is consume-transform-produce: billing reads orders
// transactionally and writes enriched (one partition, RF 3,
// min.insync.replicas=2); shipping reads enriched with read_committed.
func txnPipelineConfig(seed uint64) Config {
	c := basicConfig(seed)
	c.Producers[0].RatePerSec, c.Producers[0].Count = 50, 200
	out := DefaultTopic("enriched", 1, 3)
	out.MinInsyncReplicas = 2
	c.Topics = append(c.Topics, out)
	c.Groups[0].Commit, c.Groups[0].OutputTopic = CommitTransactional, "enriched"
	c.Groups[0].IsolationLevel = "read_committed"
	down := DefaultGroup("shipping", "enriched")
	down.IsolationLevel, down.AutoOffsetReset, down.Commit = "read_committed", "earliest", CommitAfterProcessing
	down.SessionTimeoutMs = 10000
	c.Groups = append(c.Groups, down)
	return c
}

// Rule: a transactional producer's sends are acks=all produce requests
// that respect min.insync.replicas and are retried to the new leader;
// commitTransaction() flushes and waits for every send before EndTxn
// (KafkaProducer.commitTransaction, TransactionManager.nextRequest holds
// EndTxn while batches are incomplete). So crashing the output partition's
// leader while its followers lag never loses a committed output.
func TestTransactionsSurviveOutputLeaderCrash(t *testing.T) {
	for _, seed := range []uint64{3, 17, 21} {
		c := txnPipelineConfig(seed)
		s := mustNew(t, c)
		s.RunUntil(4500)
		leader := leaderOf(s, "enriched", 0)
		for b := 1; b <= 3; b++ {
			if b != leader {
				_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: b, DelayMs: 3000})
			}
		}
		s.RunUntil(6500)
		if err := s.Apply(Command{Kind: CmdCrashBroker, Broker: leader}); err != nil {
			t.Fatal(err)
		}
		s.RunUntil(7500)
		for b := 1; b <= 3; b++ {
			if b != leader {
				_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: b, DelayMs: 0})
			}
		}
		s.RunUntil(120000)
		down := groupLedger(t, s, "shipping")
		if down.Lost != 0 || down.Duplicated != 0 {
			t.Fatalf("seed %d: read_committed downstream lost committed outputs: %+v\n%s", seed, down, trace(s.Events()))
		}
		up := groupLedger(t, s, "billing")
		if up.ExactlyOnce != 200 || down.ExactlyOnce != 200 {
			t.Fatalf("seed %d: want all 200 processed once upstream and downstream: billing %+v shipping %+v", seed, up, down)
		}
		// The outputs went through the produce path: requests to the leader,
		// retried after the crash, acknowledged with acks=all.
		txnID := "billing-c1"
		if countEvents(s, EvProduceRequest, func(e Event) bool { return e.Topic == "enriched" }) == 0 ||
			countEvents(s, EvAcked, func(e Event) bool { return e.Topic == "enriched" && e.Acks == AcksAll }) == 0 {
			t.Fatalf("seed %d: outputs of %s should be produce requests acked with acks=all", seed, txnID)
		}
		if countEvents(s, EvRetried, func(e Event) bool { return e.Topic == "enriched" }) == 0 {
			t.Fatalf("seed %d: a send to the crashed leader should have been retried", seed)
		}
	}
}

// Rule: a transaction whose send fails for good (NOT_ENOUGH_REPLICAS until
// delivery.timeout.ms) cannot commit: commitTransaction() raises, the
// application aborts and seeks back to the transaction's inputs
// (KafkaProducer.commitTransaction, the Java TransactionManager's abortable
// error; Kafka's ExactlyOnceMessageProcessor resets to the last committed
// positions). The epoch is bumped, so the next transaction starts at
// sequence 0, and once the replicas return everything is processed once.
func TestFailedTransactionalSendAbortsAndIsRedone(t *testing.T) {
	c := txnPipelineConfig(11)
	c.Producers[0].RatePerSec = 100
	c.Topics[1].MinInsyncReplicas = 3
	// Longer than delivery.timeout.ms, so the send fails before the
	// coordinator's transaction.timeout.ms abort (txn_timeout_test.go).
	c.Groups[0].TransactionTimeoutMs = 300000
	s := mustNew(t, c)
	s.RunUntil(2500)
	// Crash one follower of enriched-0 (not the active controller): the
	// ISR shrinks to 2 < min.insync.replicas=3 and every output is refused.
	follower := 0
	for _, r := range s.partitionOf(1, 0).reps {
		if r.broker != leaderOf(s, "enriched", 0) && r.broker != s.controller {
			follower = r.broker
		}
	}
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: follower})
	s.RunUntil(130000)
	_ = s.Apply(Command{Kind: CmdRestartBroker, Broker: follower})
	s.RunUntil(300000)
	failedSend := countEvents(s, EvTxnAborted, func(e Event) bool { return strings.Contains(e.Why(), "a send of the transaction failed") })
	if failedSend == 0 {
		t.Fatalf("a transaction whose output expired should abort:\n%s", trace(s.Events()))
	}
	up, downL := groupLedger(t, s, "billing"), groupLedger(t, s, "shipping")
	if up.ExactlyOnce != 200 || up.Lost != 0 || downL.ExactlyOnce != 200 || downL.Lost != 0 || downL.Duplicated != 0 {
		t.Fatalf("after the abort the inputs are redone, once: billing %+v shipping %+v", up, downL)
	}
}
