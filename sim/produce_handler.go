package sim

// The leader's side of a produce request: checks, the idempotence
// sequence check, the append, and the response (now, or once the high
// watermark passes the records for acks=all).

func (s *Sim) produceArrived(it item) {
	p := s.producers[it.producerIdx()]
	b := s.batches.Mut(int(it.batch()))
	brokerID := it.broker()
	if p.cfg.Acks == AcksNone {
		// Sent is all acks=0 promises: whatever the broker does now, the
		// records count as delivered by the producer.
		defer func() {
			for _, r := range b.recs {
				s.ledger.settle(r, true)
			}
		}()
	}
	if !s.brokerUp(brokerID) {
		return // the connection broke; failRequestsTo answers the producer
	}
	pt := s.partitionOf(int(b.topicIdx), int(b.part))
	respond := func(code int32, base int64) { s.sendProduceResponse(p, it.batch(), it.gen, brokerID, code, base) }
	if pt == nil || pt.leader != brokerID {
		respond(errNotLeader, -1)
		return
	}
	cfg := s.topicCfg(pt)
	if hasPolicy(cfg.CleanupPolicy, CleanupCompact) {
		for _, r := range b.recs {
			if s.ledger.recs.At(int(r)).key < 0 {
				// A compacted topic keeps the latest value per key: a record
				// without a key has nothing to be compacted by.
				respond(errInvalidRecord, -1)
				return
			}
		}
	}
	if p.cfg.Acks == AcksAll && len(pt.isr) < cfg.MinInsyncReplicas {
		s.emit(Event{Type: EvProduceFailed, Producer: p.cfg.ID, Topic: pt.topicName, Partition: pt.id, Broker: brokerID,
			Err: errNames[errNotEnoughReplicas], Count: len(pt.isr), MinISR: int32(cfg.MinInsyncReplicas), Reason: ReasonBrokerRefused})
		respond(errNotEnoughReplicas, -1)
		return
	}
	lr := pt.leaderRep()
	epoch, firstSeq := it.sentSeq()
	if firstSeq >= 0 {
		code, dupBase := s.checkSequence(lr, b, epoch, firstSeq)
		switch {
		case code != errNone:
			respond(code, -1)
			return
		case dupBase >= 0:
			last := firstSeq + int32(len(b.recs)) - 1
			end := dupBase + int64(len(b.recs))
			s.emit(Event{Type: EvDuplicateDrop, Producer: p.cfg.ID, Topic: pt.topicName, Partition: pt.id, Broker: brokerID,
				FirstSeq: firstSeq, LastSeq: last, Count: len(b.recs), ProducerID: p.pid})
			// The answer is the first write's offsets, under the same acks
			// rule: with acks=all it waits for the ISR to have them.
			if p.cfg.Acks == AcksAll && pt.hw < end {
				pt.pendingAcks = append(pt.pendingAcks, pendingAck{batch: it.batch(), gen: it.gen, base: dupBase, end: end})
				return
			}
			respond(errNone, dupBase)
			return
		}
	}
	base := lr.leo
	dups := 0
	for i, r := range b.recs {
		e := entry{offset: lr.leo, rec: r, epoch: int32(pt.leaderEpoch)}
		if firstSeq >= 0 {
			ri := s.ledger.recs.Mut(int(r))
			ri.seq, ri.epoch = firstSeq+int32(i), epoch
		}
		if s.copyPresent(pt, r) {
			dups++
		}
		size, ts := s.entryFacts(e)
		lr.appendEntry(e, size, ts, s.nowMs, cfg)
		s.notePid(lr, e)
		s.ledger.landed(r, e.offset)
	}
	s.noteTxnAppend(pt, b, base)
	s.emit(Event{Type: EvAppended, Producer: p.cfg.ID, Topic: pt.topicName, Partition: pt.id, Broker: brokerID,
		Offset: base, EndOffset: lr.leo, Count: len(b.recs), Epoch: pt.leaderEpoch, Text: copyNote(dups)})
	s.wakeParkedFetches(pt)
	s.maybeAdvanceHW(pt)
	switch {
	case p.cfg.Acks == AcksNone:
	case p.cfg.Acks == AcksLeader || pt.hw >= lr.leo:
		respond(errNone, base)
	default:
		pt.pendingAcks = append(pt.pendingAcks, pendingAck{batch: it.batch(), gen: it.gen, base: base, end: lr.leo})
	}
}

// copyNote says when an append wrote records the log already holds: a
// copy still present in the leader's log, not one truncated away.
func copyNote(dups int) string {
	if dups == 0 {
		return ""
	}
	return "duplicate"
}

func (s *Sim) sendProduceResponse(p *producer, bi, gen int32, brokerID int, code int32, base int64) {
	if p.cfg.Acks == AcksNone {
		return
	}
	b := s.broker(brokerID)
	if b.dropAcks > 0 {
		b.dropAcks--
		bt := s.batches.Mut(int(bi))
		s.emit(Event{Type: EvAckLost, Producer: p.cfg.ID, Topic: s.topics[bt.topicIdx].cfg.Name, Partition: int(bt.part),
			Broker: brokerID, Count: len(bt.recs), Offset: base, Err: errNames[code], TimeoutMs: p.cfg.RequestTimeoutMs})
		return
	}
	s.schedule(s.cfg.Cluster.NetworkDelayMs, produceResponseItem(p, bi, code, gen, base))
}

// completePendingAcks answers acks=all requests whose records the whole
// ISR now has.
func (s *Sim) completePendingAcks(pt *partition) {
	if len(pt.pendingAcks) == 0 {
		return
	}
	minISR := s.topicCfg(pt).MinInsyncReplicas
	keep := pt.pendingAcks[:0:0]
	for _, pa := range pt.pendingAcks {
		if pt.hw < pa.end {
			keep = append(keep, pa)
			continue
		}
		b := s.batches.Mut(int(pa.batch))
		p := s.producers[b.producer]
		code := errNone
		if len(pt.isr) < minISR {
			code = errNotEnoughReplicasAfterAppend
		}
		s.sendProduceResponse(p, pa.batch, pa.gen, pt.leader, code, pa.base)
	}
	pt.pendingAcks = keep
}

// failPendingAcks answers every parked request with an error: leadership
// moved away from the broker holding them.
func (s *Sim) failPendingAcks(pt *partition, _ string) {
	for _, pa := range pt.pendingAcks {
		b := s.batches.Mut(int(pa.batch))
		p := s.producers[b.producer]
		if s.brokerUp(int(b.broker)) {
			s.sendProduceResponse(p, pa.batch, pa.gen, int(b.broker), errNotLeader, -1)
		}
	}
	pt.pendingAcks = nil
	s.leadersChangedForProducers()
}

// pid returns the idempotence state of a producer in this log.
func (r *replica) pid(prod int32) pidState {
	if int(prod) < len(r.pids) {
		return r.pids[prod]
	}
	return pidState{}
}

// notePid updates the idempotence state as a record is appended. A
// transaction marker carries the producer's epoch: after a fencing abort
// (a bumped epoch) the old epoch's batches are refused.
func (s *Sim) notePid(r *replica, e entry) {
	if e.rec < 0 {
		mk := s.markers[markerIndex(e.rec)]
		st := r.pid(mk.producer)
		if st.known && st.epoch == mk.epoch {
			return
		}
		for int(mk.producer) >= len(r.pids) {
			r.pids = append(r.pids, pidState{})
		}
		r.pids[mk.producer] = pidState{known: true, epoch: mk.epoch, lastSeq: -1}
		return
	}
	ri := s.ledger.recs.At(int(e.rec))
	if ri.seq < 0 {
		return
	}
	for int(ri.producer) >= len(r.pids) {
		r.pids = append(r.pids, pidState{})
	}
	r.pids[ri.producer] = pidState{known: true, epoch: ri.epoch, lastSeq: ri.seq}
}

// rebuildPids recomputes the idempotence state after a truncation.
func (s *Sim) rebuildPids(pt *partition, r *replica) {
	r.pids = nil
	for _, e := range r.entries.All(0) {
		s.notePid(r, e)
	}
}

// entryFacts gives a log entry's size in bytes and its timestamp.
func (s *Sim) entryFacts(e entry) (int64, int64) {
	if e.rec < 0 {
		return markerBytes, s.nowMs
	}
	ri := s.ledger.recs.At(int(e.rec))
	return int64(ri.size), ri.createdMs
}
