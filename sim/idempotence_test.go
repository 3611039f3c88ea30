package sim

import "testing"

// notEnoughReplicasConfig: one partition, RF 3, min.insync.replicas=2, an
// idempotent producer with a short delivery.timeout.ms. Crashing two
// brokers leaves the leader alone in the ISR: every write is refused with
// NOT_ENOUGH_REPLICAS until the batches expire; then the brokers return.
func notEnoughReplicasConfig(seed uint64) Config {
	c := basicConfig(seed)
	c.Topics[0].Partitions = 1
	c.Producers[0].RatePerSec, c.Producers[0].Count = 50, 600
	c.Producers[0].RequestTimeoutMs = 2000
	c.Producers[0].DeliveryTimeoutMs = 5000
	c.Groups = nil
	return c
}

// Rule: an idempotent producer is never acknowledged for a record that was
// not written. Batches that expire while writes are refused leave the
// partition's sequence unresolved; new batches wait until every sent batch
// is answered, then the producer bumps its epoch and starts at sequence 0
// (TransactionManager.maybeResolveSequences / bumpIdempotentProducerEpoch;
// the broker's ProducerAppendInfo.checkSequence wants 0 for a new epoch).
func TestIdempotentEpochBumpNeverAcksUnwritten(t *testing.T) {
	for _, seed := range []uint64{1, 5, 9} {
		c := notEnoughReplicasConfig(seed)
		s := mustNew(t, c)
		s.RunUntil(1000)
		leader := leaderOf(s, "orders", 0)
		var down []int
		for b := 1; b <= 3; b++ {
			if b != leader {
				down = append(down, b)
				_ = s.Apply(Command{Kind: CmdCrashBroker, Broker: b})
			}
		}
		s.RunUntil(16000)
		for _, b := range down {
			_ = s.Apply(Command{Kind: CmdRestartBroker, Broker: b})
		}
		s.RunUntil(60000)
		if err := checkAcksLanded(s); err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, trace(s.Events()))
		}
		// Stricter than the chaos invariant (clean elections only here):
		// every acknowledged record is in the leader's log now.
		pt := s.partitionOf(0, 0)
		for i := range s.ledger.recs.Len() {
			if s.ledger.fate(int32(i)).state() == recAcked && !s.copyPresent(pt, int32(i)) {
				t.Fatalf("seed %d: record %d was acked but is not in the log", seed, i)
			}
		}
		expired := countEvents(s, EvProduceFailed, func(e Event) bool { return e.Err == "TimeoutException" })
		bumps := countEvents(s, EvEpochBumped, nil)
		if expired == 0 || bumps == 0 {
			t.Fatalf("seed %d: want batches expired (%d) and an epoch bump (%d)", seed, expired, bumps)
		}
		// The first request of the new epoch starts at sequence 0.
		bumped := false
		for _, e := range s.Events() {
			if e.Type == EvEpochBumped {
				bumped = true
			}
			if bumped && e.Type == EvProduceRequest {
				if e.FirstSeq != 0 {
					t.Fatalf("seed %d: first request after the epoch bump has sequence %d, want 0", seed, e.FirstSeq)
				}
				break
			}
		}
		pl := producerLedger(t, s, "order-service")
		if pl.Acked == 0 || pl.Sent != pl.Acked+pl.Failed+pl.InFlight {
			t.Fatalf("seed %d: the producer should recover after the brokers return: %+v", seed, pl)
		}
	}
}
