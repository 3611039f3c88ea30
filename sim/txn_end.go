package sim

// How a transaction ends: COMMIT or ABORT markers written to every
// partition it touched (WriteTxnMarkers), and the abort of a crashed or
// fenced member's transaction, with its unsent output dropped.

// txnMarker is a COMMIT or ABORT control record.
type txnMarker struct {
	producer int32
	commit   bool
	epoch    int32 // the producer epoch the marker carries (bumped by a fencing abort)
}

// markerRec encodes marker i as a negative record id in a log entry.
func markerRec(i int) int32 { return int32(-i - 1) }

func markerIndex(rec int32) int { return int(-rec - 1) }

// abortMemberTxn: the application closes cleanly; closing its producer
// aborts the transaction it had open (the Java Sender's shutdown: "Aborting
// incomplete transaction due to shutdown"). Leaving the consumer group
// aborts nothing: the transaction coordinator knows no groups. A crashed
// member's transaction stays open until transaction.timeout.ms
// (txn_timeout.go) or until a new instance's initTransactions() fences it.
func (s *Sim) abortMemberTxn(g *group, m *member) {
	if m.txn.open {
		s.abortTxn(g, m, "the application closed its producer with the transaction still open, which aborts it")
	}
}

// abortTxn is the coordinator's abort of a dead or fenced instance's
// transaction: the producer epoch is bumped (as initTransactions() and the
// coordinator's timeout abort do) and the instance's unsent batches die
// with it.
func (s *Sim) abortTxn(g *group, m *member, why string) { s.endTxnAborted(g, m, why, true) }

// endTxnAborted ends the transaction with ABORT markers. Every abort here
// follows an error, and the epoch is bumped as after an abortable error
// (KIP-360): the next transaction starts its sequences at 0, whatever the
// failed sends had been numbered.
func (s *Sim) endTxnAborted(g *group, m *member, why string, fence bool) {
	p := s.producers[m.txn.producer]
	p.epoch++
	if fence {
		s.dropUnfinished(p)
	} else {
		// The application seeks back to where the aborted transaction's
		// inputs began, as Kafka's exactly-once examples do after
		// abortTransaction(), so they are processed again.
		for _, r := range m.txn.inputs {
			if id := s.tpid(r.tp); r.offset < m.positions.at(id) {
				m.positions.set(id, r.offset)
			}
		}
	}
	s.finishTxn(g, m, false)
	s.emit(&Event{Type: EvTxnAborted, Group: g.cfg.ID, Member: m.name, Producer: p.cfg.ID,
		Count: len(m.txn.inputs), OutputRecords: int32(len(m.txn.outputs)), Text: why, Txn: m.txn.id})
	waiting := m.txn.committing
	m.txn = memberTxn{producer: m.txn.producer}
	p.txn = -1
	if waiting && m.state != MemberCrashed && m.state != MemberClosed {
		m.processing = false
		s.schedulePoll(g, m, 2*s.cfg.Cluster.NetworkDelayMs)
	}
}

// dropUnfinished fails every batch the producer has not finished: its
// process is gone (or fenced), so nothing more is sent or retried.
func (s *Sim) dropUnfinished(p *producer) {
	p.gen++
	for i := range p.parts {
		pp := &p.parts[i]
		if pp.open >= 0 {
			s.closeBatch(p, i)
		}
		for _, bi := range pp.queue {
			s.batches.Mut(int(bi)).state = batchDone
			for r := range s.batchRecs(s.batches.At(int(bi))) {
				s.ledger.settle(r, false)
			}
			p.failed += int(s.batches.At(int(bi)).count)
		}
		pp.queue = nil
	}
	for bi := s.liveBatchesFrom(); bi < s.batches.Len(); bi++ {
		if b := s.batches.At(bi); int32(b.producer) == p.idx && b.state == batchInFlight {
			b := s.batches.Mut(bi)
			b.state = batchDone
			b.reqGen++
			p.parts[b.part].inFlight--
			for r := range s.batchRecs(b) {
				s.ledger.settle(r, false)
			}
			p.failed += int(b.count)
		}
	}
	for i := range p.inflight {
		p.inflight[i] = 0
	}
}

// finishTxn writes the COMMIT or ABORT marker to every partition the
// transaction touched and settles its output records: a transactional
// record counts as delivered when its transaction commits.
func (s *Sim) finishTxn(g *group, m *member, commit bool) {
	_, t := s.topicByName(g.cfg.OutputTopic)
	p := s.producers[m.txn.producer]
	for _, part := range m.txn.touched {
		if t == nil || part >= len(t.parts) {
			break
		}
		s.writeTxnMarker(t, t.parts[part], m.txn.producer, p.epoch, commit)
	}
	for _, r := range m.txn.outputs {
		s.ledger.settle(r, commit)
	}
}

// writeTxnMarker is the coordinator's WriteTxnMarkers to one partition:
// the producer's open transaction there is closed (an abort remembers its
// range for read_committed readers) and the marker is appended on a live
// leader.
func (s *Sim) writeTxnMarker(t *topic, pt *partition, producer int32, epoch int32, commit bool) {
	first := int64(-1)
	kept := pt.openTxns[:0:0]
	for _, o := range pt.openTxns {
		if o.producer != producer {
			kept = append(kept, o)
		} else {
			first = o.first
		}
	}
	pt.openTxns = kept
	lr := pt.leaderRep()
	if lr == nil {
		return
	}
	if !commit && first >= 0 {
		pt.aborted = append(pt.aborted, abortedRange{producer: producer, first: first, last: lr.leo - 1})
	}
	if !s.brokerUp(pt.leader) {
		return // the coordinator writes markers only to a live leader
	}
	s.markers = append(s.markers, txnMarker{producer: producer, commit: commit, epoch: epoch})
	e := entry{offset: lr.leo, rec: markerRec(len(s.markers) - 1), epoch: int32(pt.leaderEpoch)}
	lr.appendEntry(e, markerBytes, s.nowMs, s.nowMs, &t.cfg)
	s.notePid(lr, e)
	s.wakeParkedFetches(pt)
	s.maybeAdvanceHW(pt)
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
