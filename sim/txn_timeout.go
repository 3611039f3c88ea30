package sim

import "fmt"

// transaction.timeout.ms: the transaction coordinator aborts a transaction
// that stays open longer than its producer asked for, and fences that
// producer by bumping its epoch (TransactionCoordinator.
// abortTimedOutTransactions, TransactionMetadata.prepareFenceProducerEpoch).
// Kafka looks for such transactions every
// transaction.abort.timed.out.transaction.cleanup.interval.ms from broker
// start (TransactionStateManager.timedOutTransactions: Ongoing and
// txnStartTimestamp + txnTimeoutMs < now). The clock starts when the first
// partition or group is added (prepareAddPartitions), not at
// beginTransaction(), which the client keeps to itself.

// Kafka 3.9's broker defaults (TransactionStateManagerConfigs) and the
// producer's (ProducerConfig TRANSACTION_TIMEOUT_CONFIG).
const (
	defaultTxnMaxTimeoutMs = 900000
	defaultTxnAbortCheckMs = 10000
	defaultTxnTimeoutMs    = 60000
)

// checkTxnTimeout fills in the default transaction.timeout.ms and refuses
// one the brokers would refuse: InitProducerId answers
// INVALID_TRANSACTION_TIMEOUT to a timeout above transaction.max.timeout.ms
// (TransactionStateManager.validateTransactionTimeoutMs).
func checkTxnTimeout(c *ClusterConfig, where string, ms *int64) error {
	if *ms <= 0 {
		*ms = defaultTxnTimeoutMs
	}
	if *ms > c.TransactionMaxTimeoutMs {
		return &ConfigError{where, fmt.Sprintf("transaction.timeout.ms=%d is above the brokers' transaction.max.timeout.ms=%d: "+
			"initTransactions() would fail with INVALID_TRANSACTION_TIMEOUT", *ms, c.TransactionMaxTimeoutMs)}
	}
	return nil
}

// txnTimeout is the producer's transaction.timeout.ms.
func (p *producer) txnTimeout() int64 {
	if p.cfg.TransactionTimeoutMs > 0 {
		return p.cfg.TransactionTimeoutMs
	}
	return defaultTxnTimeoutMs
}

func (s *Sim) txnCheckInterval() int64 {
	if iv := s.cfg.Cluster.TxnAbortCheckIntervalMs; iv > 0 {
		return iv
	}
	return defaultTxnAbortCheckMs
}

// txnOngoing: the producer's transaction became Ongoing now. The
// coordinator's periodic check first finds it expired at the first tick
// strictly after startMs + timeout; only that tick can matter, so only it
// is queued.
func (s *Sim) txnOngoing(p *producer) {
	iv := s.txnCheckInterval()
	tick := ((s.nowMs+p.txnTimeout())/iv + 1) * iv
	s.schedule(tick-s.nowMs, txnTimeoutItem(p))
}

// txnTimeoutDue is the coordinator's check reaching a transaction that may
// have outlived its timeout.
func (s *Sim) txnTimeoutDue(it item) {
	p := s.producers[it.producerIdx()]
	if p.txn < 0 || p.txn != it.gen {
		return // it ended in time
	}
	if c := s.GroupCoordinator(p.cfg.TransactionalID); c == 0 || !s.brokerUp(c) {
		// No coordinator owns the transactional.id now; the one that takes
		// it over runs the same check.
		s.schedule(s.txnCheckInterval(), it)
		return
	}
	why := fmt.Sprintf("it stayed open longer than transaction.timeout.ms=%s, so the transaction coordinator aborted it "+
		"and bumped the producer's epoch to %d: the producer is fenced, and its next request gets PRODUCER_FENCED "+
		"(INVALID_PRODUCER_EPOCH from a partition leader)", FormatMs(p.txnTimeout()), p.epoch+1)
	if p.external {
		for _, t := range s.ext().txns {
			if t.producer == p.idx && t.open {
				p.epoch++
				s.endExternalTxn(t, false, why)
				s.emit(&Event{Type: EvNote, Producer: p.cfg.ID, Text: "live producer " + p.cfg.ID + " is fenced: its transaction " +
					"timed out, so its next AddPartitionsToTxn, TxnOffsetCommit or EndTxn gets PRODUCER_FENCED and it must be closed"})
			}
		}
		return
	}
	for _, g := range s.groups {
		for _, m := range g.members {
			if m.txn.open && m.txn.producer == p.idx {
				s.timeOutMemberTxn(g, m, why)
				return
			}
		}
	}
}

// timeOutMemberTxn aborts a member's transaction behind its back. The
// application does not know yet: it learns at its next call on the
// producer (producerFenced).
func (s *Sim) timeOutMemberTxn(g *group, m *member, why string) {
	left := m.txn
	m.txn.committing = false // the abort itself resumes nothing
	s.endTxnAborted(g, m, why, true)
	m.txn = memberTxn{producer: left.producer, fenced: true, id: left.id, inputs: left.inputs}
	if left.committing && m.state != MemberPaused && m.state != MemberCrashed && m.state != MemberClosed {
		// commitTransaction() was waiting for its sends; they fail with the
		// old epoch and the call throws now.
		s.producerFenced(g, m)
		m.processing = false
		s.schedulePoll(g, m, 2*s.cfg.Cluster.NetworkDelayMs)
	}
}

// producerFenced: the application's next transactional call threw
// ProducerFencedException. As Kafka's exactly-once examples do, it closes
// the producer, makes a new one (initTransactions() bumps the epoch again)
// and goes back to the last committed offsets, so the batch the aborted
// transaction held is processed again.
func (s *Sim) producerFenced(g *group, m *member) {
	p := s.producers[m.txn.producer]
	for _, r := range m.txn.inputs {
		if id := s.tpid(r.tp); r.offset < m.positions.at(id) {
			m.positions.set(id, r.offset)
		}
	}
	p.epoch++
	s.emit(&Event{Type: EvNote, Group: g.cfg.ID, Member: m.name, Producer: p.cfg.ID, Txn: m.txn.id,
		Text: fmt.Sprintf("%s of %s learns its transaction was aborted: its producer call threw ProducerFencedException. "+
			"It closes the producer, starts a new one (initTransactions(), epoch %d) and processes its %s again "+
			"from the last committed offsets", m.name, g.cfg.ID, p.epoch, plural(len(m.txn.inputs), "input record", "input records"))})
	m.txn = memberTxn{producer: m.txn.producer}
}
