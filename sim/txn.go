package sim

// Transactions for consume-transform-produce: each member of a
// transactional group has a transactional producer. Per batch it begins a
// transaction, sends its output records through the ordinary produce path
// (acks=all, idempotent, retried to a new leader), sends its offsets to the
// transaction, and commits: commitTransaction() first waits for every send
// to be acknowledged, then the COMMIT markers are written. A crash leaves
// the transaction open until the coordinator aborts it.

// memberTxn is a member's open transaction.
type memberTxn struct {
	open       bool
	committing bool // commitTransaction() called, waiting for its sends
	fenced     bool // the coordinator aborted it on timeout; the application has not noticed yet
	id         int32
	producer   int32 // index of its transactional producer, -1 before the first
	inputs     []bufRec
	touched    []int // output partitions added to the transaction
	outputs    []int32
}

// txnProducer finds or makes the member's transactional producer: its
// transactional.id is stable per member, so a restarted member fences the
// old one.
func (s *Sim) txnProducer(g *group, m *member) *producer {
	id := g.cfg.ID + "-" + m.name
	if p := s.producerByID(id); p != nil {
		return p
	}
	cfg := DefaultProducer(id, g.cfg.OutputTopic)
	cfg.TransactionalID = id
	cfg.TransactionTimeoutMs = g.cfg.TransactionTimeoutMs
	p := &producer{cfg: cfg, idx: int32(len(s.producers)), topicIdx: -1, sticky: -1, txn: -1, hidden: true,
		inflight: make([]int, len(s.brokers)), pid: 1000 + int64(len(s.producers))}
	if ti, _ := s.topicByName(g.cfg.OutputTopic); ti >= 0 {
		p.topicIdx = ti
	}
	s.producers = append(s.producers, p)
	s.ledger.names = append(s.ledger.names, id)
	return p
}

func (s *Sim) beginTxn(g *group, m *member) {
	p := s.txnProducer(g, m)
	s.txnSeq++
	p.txn = int32(s.txnSeq)
	m.txn = memberTxn{open: true, id: int32(s.txnSeq), producer: p.idx}
}

// writeTxnOutputs sends one output record per processed input record to
// the output topic, inside the open transaction. The records go into the
// producer's accumulator like any send(); each partition is added to the
// transaction (AddPartitionsToTxn) before its first record goes out.
func (s *Sim) writeTxnOutputs(g *group, m *member, recs []bufRec) {
	if !m.txn.open || g.cfg.OutputTopic == "" {
		return
	}
	p := s.producers[m.txn.producer]
	ti, t := s.topicByName(g.cfg.OutputTopic)
	if t == nil {
		return
	}
	p.topicIdx = ti
	for _, in := range recs {
		var key *string
		if k, null := s.ledger.keyOf(in.rec); !null {
			key = &k
		}
		v, _ := s.ledger.valueOf(in.rec)
		v += " processed"
		rec := s.send(p, key, &v, false)
		m.txn.outputs = append(m.txn.outputs, rec)
		if part := int(s.ledger.origin(rec).part); !containsInt(m.txn.touched, part) {
			m.txn.touched = append(m.txn.touched, part)
			if len(m.txn.touched) == 1 {
				s.txnOngoing(p) // AddPartitionsToTxn: the transaction's clock starts
			}
		}
	}
	s.flushReady(p)
}

// noteTxnAppend: the leader appended a transactional batch; the first one
// of a transaction in a partition holds the last stable offset there.
func (s *Sim) noteTxnAppend(pt *partition, b *batch, base int64) {
	if b.count == 0 || s.ledger.origin(b.firstRec).txn < 0 {
		return
	}
	for _, o := range pt.openTxns {
		if o.producer == int32(b.producer) {
			return
		}
	}
	pt.openTxns = append(pt.openTxns, openTxn{producer: int32(b.producer), first: base})
}

// commitTxn is sendOffsetsToTransaction and commitTransaction(). Like the
// Java client, the commit first flushes the accumulator and waits for every
// send of the transaction to be acknowledged (TransactionManager.nextRequest
// holds EndTxn back while batches are incomplete). It reports whether the
// transaction is finished; if not, the member's poll loop stays blocked and
// txnSendSettled resumes it.
func (s *Sim) commitTxn(g *group, m *member) bool {
	if m.txn.fenced {
		s.producerFenced(g, m)
		return true
	}
	if !m.txn.open {
		return true
	}
	m.txn.committing = true
	p := s.producers[m.txn.producer]
	for part := range p.parts {
		s.closeBatch(p, part) // flush(): every batch is ready now, linger or not
	}
	s.drain(p)
	return s.tryFinishCommit(g, m)
}

// tryFinishCommit ends the transaction once none of its sends is still
// pending: COMMIT when all were acknowledged, ABORT when one failed.
func (s *Sim) tryFinishCommit(g *group, m *member) bool {
	p := s.producers[m.txn.producer]
	if s.unfinishedBatches(p) > 0 {
		return false
	}
	for _, r := range m.txn.outputs {
		if s.ledger.fate(r).state() == recFailed {
			s.endTxnAborted(g, m, "a send of the transaction failed, so commitTransaction() raised and the application aborted", false)
			return true
		}
	}
	coord := s.coordinator(g)
	if coord == 0 || !s.brokerUp(coord) || !m.inGroup || m.genSynced != g.generation {
		s.endTxnAborted(g, m, "the commit could not reach the group coordinator in the current generation", false)
		return true
	}
	s.finishTxn(g, m, true)
	s.countProcessed(g, m, m.txn.inputs)
	offs := map[TopicPartition]int64{}
	for _, r := range m.txn.inputs {
		offs[r.tp] = max(offs[r.tp], r.offset+1)
	}
	tps := make([]TopicPartition, 0, len(offs))
	for tp := range offs {
		tps = append(tps, tp)
	}
	sortTPs(tps)
	for _, tp := range tps {
		s.commitOffset(g, m, tp, s.tpidAdd(tp), offs[tp])
	}
	s.emit(&Event{Type: EvTxnCommitted, Group: g.cfg.ID, Member: m.name, Producer: p.cfg.ID,
		Count: len(m.txn.inputs), OutputRecords: int32(len(m.txn.outputs)), Text: g.cfg.OutputTopic, Txn: m.txn.id})
	m.txn = memberTxn{producer: m.txn.producer}
	p.txn = -1
	return true
}

// unfinishedBatches counts the producer's batches not yet acked or failed.
func (s *Sim) unfinishedBatches(p *producer) int {
	n := 0
	for i := range p.parts {
		pp := &p.parts[i]
		n += len(pp.queue) + pp.inFlight
		if pp.open >= 0 {
			n++
		}
	}
	return n
}

// txnSendSettled: one of a transactional producer's batches was acked or
// failed. A commit waiting on it may now finish and let its poll loop go on.
func (s *Sim) txnSendSettled(p *producer) {
	for _, g := range s.groups {
		for _, m := range g.members {
			if m.txn.producer != p.idx || !m.txn.committing || m.state == MemberCrashed || m.state == MemberClosed {
				continue
			}
			if s.tryFinishCommit(g, m) {
				m.processing = false
				s.schedulePoll(g, m, 2*s.cfg.Cluster.NetworkDelayMs)
			}
			return
		}
	}
}

// txnOwnerCrashed: the application process holding this transactional
// producer crashed, so it sends and retries nothing more (what is already
// on the wire still arrives).
func (s *Sim) txnOwnerCrashed(p *producer) bool {
	for _, g := range s.groups {
		for _, m := range g.members {
			// A ghost is the coordinator's record of a restarted
			// instance, not an application: it owns no producer.
			if m.state == MemberCrashed && !m.ghost && g.cfg.ID+"-"+m.name == p.cfg.ID {
				return true
			}
		}
	}
	return false
}
