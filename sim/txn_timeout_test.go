package sim

import (
	"strings"
	"testing"
)

// stallMidTransaction runs the pipeline until billing's c1 has sent some
// outputs of a transaction and pauses it there: a stuck application thread.
func stallMidTransaction(t *testing.T, s *Sim) (g *group, m *member) {
	t.Helper()
	g = s.groups[0]
	m = g.members[0]
	for now := int64(4000); now < 30000; now += 20 {
		s.RunUntil(now)
		if m.processing && m.txn.open && s.processedSoFar(g, m) > 0 && s.processedSoFar(g, m) < len(m.buffer) {
			if err := s.Apply(Command{Kind: CmdPauseConsumer, Group: "billing", Consumer: 1}); err != nil {
				t.Fatal(err)
			}
			return g, m
		}
	}
	t.Fatalf("c1 never got mid-batch:\n%s", trace(s.Events()))
	return nil, nil
}

// Rule: the transaction coordinator aborts a transaction open longer than
// the producer's transaction.timeout.ms (default 60 s), at its next check
// (transaction.abort.timed.out.transaction.cleanup.interval.ms = 10 s), and
// bumps the producer's epoch, fencing it (TransactionCoordinator.
// abortTimedOutTransactions, TransactionStateManager.timedOutTransactions,
// TransactionMetadata.prepareFenceProducerEpoch). The stalled member's
// outputs are aborted, so read_committed readers never see them; when it
// wakes, its next producer call fails fenced, and it redoes the batch with a
// new producer. Every input is still processed exactly once downstream.
func TestStalledTransactionTimesOutAndIsFenced(t *testing.T) {
	for _, seed := range []uint64{5, 9, 12} {
		c := txnPipelineConfig(seed)
		c.Groups[0].ProcessingMs, c.Groups[0].MaxPollRecords = 100, 20
		s := mustNew(t, c)
		g, m := stallMidTransaction(t, s)
		p := s.producers[m.txn.producer]
		pausedAt, epoch, txn := s.nowMs, p.epoch, m.txn.id
		s.RunUntil(pausedAt + 90000)
		if err := s.Apply(Command{Kind: CmdResumeConsumer, Group: "billing", Consumer: 1}); err != nil {
			t.Fatal(err)
		}
		s.RunUntil(pausedAt + 200000)

		var abort *Event
		for _, e := range s.Events() {
			if e.Type == EvTxnAborted && e.Txn == txn {
				abort = &e
			}
		}
		if abort == nil || !strings.Contains(abort.Why(), "transaction.timeout.ms=1m") || abort.OutputRecords == 0 {
			t.Fatalf("seed %d: c1's transaction %d should be aborted on timeout with outputs in the log, got %+v\n%s", seed, txn, abort, trace(s.Events()))
		}
		// Opened before the pause; the first 10 s check after 60 s aborts it.
		if abort.AtMs%10000 != 0 || abort.AtMs <= pausedAt+60000-10000 || abort.AtMs > pausedAt+60000+10000 {
			t.Fatalf("seed %d: aborted at %d, want the first 10s check after the timeout (paused at %d)", seed, abort.AtMs, pausedAt)
		}
		down := s.groupByID("shipping")
		for i := range s.ledger.recs.Len() {
			o := s.ledger.origin(int32(i))
			if o.txn == txn && int(o.producer) == int(p.idx) && i < down.procCount.Len() && *down.procCount.At(i) > 0 {
				t.Fatalf("seed %d: read_committed shipping processed record %d of the aborted transaction", seed, i)
			}
		}
		fenced := countEvents(s, EvNote, func(e Event) bool {
			return e.Member == "c1" && strings.Contains(e.Text, "ProducerFencedException") && e.AtMs >= pausedAt+90000
		})
		if fenced != 1 || p.epoch != epoch+2 {
			t.Fatalf("seed %d: c1 should learn it was fenced once after resuming and re-initialise (epoch %d -> %d)", seed, epoch, p.epoch)
		}
		up, downL := groupLedger(t, s, "billing"), groupLedger(t, s, "shipping")
		if up.ExactlyOnce != 200 || up.Lost != 0 || downL.ExactlyOnce != 200 || downL.Lost != 0 || downL.Duplicated != 0 {
			t.Fatalf("seed %d: after the timeout every input is processed once: billing %+v shipping %+v", seed, up, downL)
		}
		_ = g
	}
}

// Rule: a transaction.timeout.ms above the brokers' transaction.max.timeout.ms
// (900000 by default) is refused: InitProducerId answers
// INVALID_TRANSACTION_TIMEOUT (TransactionStateManager.validateTransactionTimeoutMs).
func TestTransactionTimeoutAboveBrokerMaxIsRefused(t *testing.T) {
	c := txnPipelineConfig(1)
	c.Groups[0].TransactionTimeoutMs = 900001
	if _, err := New(c); err == nil || !strings.Contains(err.Error(), "INVALID_TRANSACTION_TIMEOUT") {
		t.Fatalf("want INVALID_TRANSACTION_TIMEOUT, got %v", err)
	}
	c = txnPipelineConfig(1)
	c.Producers[0].TransactionalID, c.Producers[0].TransactionTimeoutMs = "tx", 1000000
	if _, err := New(c); err == nil || !strings.Contains(err.Error(), "transaction.max.timeout.ms=900000") {
		t.Fatalf("want the broker maximum named, got %v", err)
	}
	c = txnPipelineConfig(1)
	c.Cluster.TransactionMaxTimeoutMs = 2000000
	c.Groups[0].TransactionTimeoutMs = 1000000
	if _, err := New(c); err != nil {
		t.Fatalf("a raised transaction.max.timeout.ms allows it: %v", err)
	}
}

// Rule: leaving the consumer group aborts no transaction (the transaction
// coordinator knows no groups): a crashed member's transaction stays open,
// pinning the last stable offset for read_committed readers, until the
// coordinator's timeout check aborts it (TransactionCoordinator.
// abortTimedOutTransactions), long after the group gave its partitions to
// another member at session.timeout.ms. Nothing is lost or repeated.
func TestCrashedMembersTransactionWaitsForItsTimeout(t *testing.T) {
	c := txnPipelineConfig(4)
	c.Groups[0].ProcessingMs, c.Groups[0].MaxPollRecords = 100, 20
	s := mustNew(t, c)
	stallMidTransaction(t, s) // pauses c1 mid-batch, its outputs sent
	m := s.groups[0].members[0]
	txn, at := m.txn.id, s.nowMs
	if err := s.Apply(Command{Kind: CmdResumeConsumer, Group: "billing", Consumer: 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 1}); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(at + 45000)
	// c2 has redone and committed c1's inputs by now, but its outputs sit
	// behind c1's open transaction in enriched-0: read_committed waits.
	if up, down := groupLedger(t, s, "billing"), groupLedger(t, s, "shipping"); up.ExactlyOnce != 200 || down.Processed >= 200 {
		t.Fatalf("at +45s: billing %+v, shipping %+v; want billing done and shipping held back", up, down)
	}
	s.RunUntil(at + 200000)
	var expired, aborted int64 = -1, -1
	for _, e := range s.Events() {
		if e.Type == EvMemberExpired && e.Group == "billing" && e.Member == "c1" && expired < 0 {
			expired = e.AtMs
		}
		if e.Type == EvTxnAborted && e.Txn == txn {
			aborted = e.AtMs
		}
	}
	if expired < 0 || aborted < 0 || aborted < at+60000 || aborted <= expired+30000 {
		t.Fatalf("c1 expired at %d, its transaction aborted at %d; want the abort at the first check after %d + 60s, well after the expiry",
			expired, aborted, at)
	}
	up, down := groupLedger(t, s, "billing"), groupLedger(t, s, "shipping")
	if up.ExactlyOnce != 200 || up.Lost != 0 || down.ExactlyOnce != 200 || down.Lost != 0 || down.Duplicated != 0 {
		t.Fatalf("every input once, upstream and downstream: billing %+v shipping %+v", up, down)
	}
}
