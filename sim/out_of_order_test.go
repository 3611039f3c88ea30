package sim

import (
	"strings"
	"testing"
)

// uncleanFailoverRun: an idempotent producer writes to a partition with
// RF 2 and unclean.leader.election.enable=true; the follower is too slow to
// stay in the ISR, the leader crashes, and the follower becomes leader
// without the records it never copied.
func uncleanFailoverRun(t *testing.T, seed uint64) *Sim {
	c := basicConfig(seed)
	c.Topics[0] = DefaultTopic("orders", 1, 2)
	c.Topics[0].UncleanLeaderElection = true
	c.Producers[0].RatePerSec, c.Producers[0].Count = 20, 1000
	c.Groups = nil
	s := mustNew(t, c)
	s.RunUntil(500)
	leader := leaderOf(s, "orders", 0)
	other := 0
	for _, r := range s.partitionOf(0, 0).reps {
		if r.broker != leader {
			other = r.broker
		}
	}
	_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: other, DelayMs: 60000})
	s.RunUntil(20000)
	_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: leader})
	s.RunUntil(21000)
	_ = s.Apply(Command{Kind: CmdSlowBroker, Broker: other, DelayMs: 0})
	s.RunUntil(60000)
	return s
}

// Rule: the new leader has lost sequence numbers the producer had acked,
// so it answers OUT_OF_ORDER_SEQUENCE_NUMBER. The batch right after the last
// ack is a real gap: the idempotent producer bumps its epoch and renumbers
// its unanswered batches from 0; the batches behind it just wait
// (TransactionManager.canRetry). Each retry explains which case it is, and
// no ack ever comes back at offset -1.
func TestOutOfOrderRetryIsExplained(t *testing.T) {
	s := uncleanFailoverRun(t, 1)
	gap, behind := 0, 0
	for _, e := range s.Events() {
		if e.Type != EvRetried || e.Err != "OUT_OF_ORDER_SEQUENCE_NUMBER" {
			continue
		}
		why := e.Why()
		switch {
		case strings.Contains(why, "no longer has the records just before this batch"):
			gap++
		case strings.Contains(why, "expects an earlier sequence number first"):
			behind++
		default:
			t.Fatalf("an OUT_OF_ORDER_SEQUENCE_NUMBER retry needs its own explanation: %s", why)
		}
	}
	if gap != 1 || behind == 0 {
		t.Fatalf("want one gap retry and some waiting behind it, got %d and %d:\n%s", gap, behind, trace(s.Events()))
	}
	if countEvents(s, EvEpochBumped, func(e Event) bool { return e.Text == "gap" }) != 1 {
		t.Fatalf("the gap should bump the producer epoch once")
	}
	if err := checkAcksLanded(s); err != nil {
		t.Fatal(err)
	}
	if pl := producerLedger(t, s, "order-service"); pl.Acked != 1000 {
		t.Fatalf("after the epoch bump every record should be acked: %+v", pl)
	}
}
