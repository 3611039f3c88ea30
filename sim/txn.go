package sim

// Transactions for consume-transform-produce: each member of a
// transactional group has a transactional producer. Per batch it begins a
// transaction, writes its output records, sends its offsets to the
// transaction, and commits; a crash leaves the transaction open until the
// coordinator aborts it.

// memberTxn is a member's open transaction.
type memberTxn struct {
	open     bool
	id       int32
	producer int32 // index of its transactional producer, -1 before the first
	inputs   []bufRec
	touched  []int // output partitions written in this transaction
	first    []int64
	outputs  []int32
}

// txnMarker is a COMMIT or ABORT control record.
type txnMarker struct {
	producer int32
	commit   bool
}

// markerRec encodes marker i as a negative record id in a log entry.
func markerRec(i int) int32 { return int32(-i - 1) }

func markerIndex(rec int32) int { return int(-rec - 1) }

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
	m.txn = memberTxn{open: true, id: int32(s.txnSeq), producer: p.idx}
}

// writeTxnOutputs appends one output record per processed input record to
// the output topic, inside the open transaction.
func (s *Sim) writeTxnOutputs(g *group, m *member, recs []bufRec) {
	if !m.txn.open || g.cfg.OutputTopic == "" {
		return
	}
	p := s.producers[m.txn.producer]
	ti, t := s.topicByName(g.cfg.OutputTopic)
	if t == nil {
		return
	}
	for _, in := range recs {
		src := &s.ledger.recs[in.rec]
		var key *string
		if k, null := s.ledger.keyOf(in.rec); !null {
			key = &k
		}
		v, _ := s.ledger.valueOf(in.rec)
		v += " processed"
		part := s.partitionFor(p, key, len(t.parts))
		p.sends++
		rec := s.ledger.add(recordInfo{producer: p.idx, sendN: int32(p.sends), topicIdx: int32(ti), part: int32(part),
			key: src.key, value: s.ledger.value(&v), createdMs: s.nowMs, txn: m.txn.id})
		pt := t.parts[part]
		lr := pt.leaderRep()
		if lr == nil {
			s.ledger.settle(rec, false)
			continue
		}
		e := entry{offset: lr.leo, rec: rec, epoch: int32(pt.leaderEpoch)}
		size, ts := s.entryFacts(e)
		lr.appendEntry(e, size, ts, s.nowMs, &t.cfg)
		s.ledger.landed(rec, e.offset)
		m.txn.outputs = append(m.txn.outputs, rec)
		if !containsInt(m.txn.touched, part) {
			m.txn.touched = append(m.txn.touched, part)
			m.txn.first = append(m.txn.first, e.offset)
			pt.openTxns = append(pt.openTxns, openTxn{producer: p.idx, first: e.offset})
		}
		s.wakeParkedFetches(pt)
		s.maybeAdvanceHW(pt)
	}
}

// commitTxn: sendOffsetsToTransaction and commitTransaction. The offsets,
// the output records and the processing all take effect together.
func (s *Sim) commitTxn(g *group, m *member) {
	if !m.txn.open {
		return
	}
	coord := s.coordinator(g)
	if coord == 0 || !s.brokerUp(coord) || !m.inGroup || m.genSynced != g.generation {
		s.abortTxn(g, m, "the commit could not reach the group coordinator in the current generation")
		return
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
		s.commitOffset(g, m, tp, offs[tp])
	}
	s.emit(Event{Type: EvTxnCommitted, Group: g.cfg.ID, Member: m.name, Producer: s.producers[m.txn.producer].cfg.ID,
		Count: len(m.txn.inputs), EndOffset: int64(len(m.txn.outputs)), Text: g.cfg.OutputTopic, Epoch: int(m.txn.id)})
	m.txn = memberTxn{producer: m.txn.producer}
}

// abortMemberTxn: the member is gone; the transaction coordinator aborts
// whatever it left open.
func (s *Sim) abortMemberTxn(g *group, m *member) {
	if m.txn.open {
		s.abortTxn(g, m, "its consumer left the group with the transaction still open")
	}
}

func (s *Sim) abortTxn(g *group, m *member, why string) {
	s.finishTxn(g, m, false)
	s.emit(Event{Type: EvTxnAborted, Group: g.cfg.ID, Member: m.name, Producer: s.producers[m.txn.producer].cfg.ID,
		Count: len(m.txn.inputs), EndOffset: int64(len(m.txn.outputs)), Text: why, Epoch: int(m.txn.id)})
	m.txn = memberTxn{producer: m.txn.producer}
}

// finishTxn writes the COMMIT or ABORT marker to every partition the
// transaction touched and settles its output records.
func (s *Sim) finishTxn(g *group, m *member, commit bool) {
	_, t := s.topicByName(g.cfg.OutputTopic)
	for i, part := range m.txn.touched {
		if t == nil {
			break
		}
		pt := t.parts[part]
		kept := pt.openTxns[:0:0]
		for _, o := range pt.openTxns {
			if o.producer != m.txn.producer {
				kept = append(kept, o)
			}
		}
		pt.openTxns = kept
		lr := pt.leaderRep()
		if lr == nil {
			continue
		}
		if !commit {
			pt.aborted = append(pt.aborted, abortedRange{producer: m.txn.producer, first: m.txn.first[i], last: lr.leo - 1})
		}
		s.markers = append(s.markers, txnMarker{producer: m.txn.producer, commit: commit})
		e := entry{offset: lr.leo, rec: markerRec(len(s.markers) - 1), epoch: int32(pt.leaderEpoch)}
		lr.appendEntry(e, markerBytes, s.nowMs, s.nowMs, &t.cfg)
		s.wakeParkedFetches(pt)
		s.maybeAdvanceHW(pt)
	}
	for _, r := range m.txn.outputs {
		s.ledger.settle(r, commit)
	}
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
