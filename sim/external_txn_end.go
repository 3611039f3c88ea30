package sim

// TxnOffsetCommit and EndTxn for live transactional clients.

// TxnOffsetCommit holds a consumer group's offsets in the transaction; they
// become the group's committed offsets only when it commits
// (GroupCoordinator.handleTxnCommitOffsets). The member id and generation
// are checked as for OffsetCommit (KIP-447), so a member fenced by a
// rebalance cannot commit its offsets through a transaction.
func (s *Sim) TxnOffsetCommit(req TxnCommitOffsets) []string {
	codes := make([]string, len(req.Offsets))
	all := func(c string) []string {
		for i := range codes {
			codes[i] = c
		}
		return codes
	}
	if c := s.coordinatorCheck(req.Group, req.Broker); c != "" {
		return all(c)
	}
	t := s.ext().txn(req.TransactionID)
	switch {
	case t == nil || s.producers[t.producer].pid != req.ProducerID:
		return all("INVALID_PRODUCER_ID_MAPPING")
	case int32(req.ProducerEpoch) != s.producers[t.producer].epoch:
		return all("PRODUCER_FENCED")
	case !t.open || t.group != req.Group:
		return all("INVALID_TXN_STATE") // AddOffsetsToTxn did not add this group
	}
	eg := s.externalGroup(req.Group)
	if req.MemberID != "" || req.Generation >= 0 {
		switch {
		case eg.member(req.MemberID) == nil:
			return all("UNKNOWN_MEMBER_ID")
		case req.Generation != eg.generation:
			return all("ILLEGAL_GENERATION")
		}
	}
	for i, o := range req.Offsets {
		if _, tt := s.topicByName(o.Topic); tt == nil || o.Partition < 0 || o.Partition >= len(tt.parts) {
			codes[i] = "UNKNOWN_TOPIC_OR_PARTITION"
			continue
		}
		codes[i] = "NONE"
		t.offsets = append(t.offsets, o)
	}
	t.member, t.gen = req.MemberID, req.Generation
	return codes
}

// EndTxn commits or aborts the open transaction
// (TransactionCoordinator.handleEndTransaction). The client sends it only
// after every produce of the transaction was answered, so the markers land
// after the records. A retried EndTxn for a transaction that already ended
// the same way succeeds; anything else without an open transaction is
// INVALID_TXN_STATE.
func (s *Sim) EndTxn(broker int, txnID string, pid int64, epoch int16, commit bool) string {
	t, c := s.txnFor(broker, txnID, pid, epoch)
	if c != "" {
		return c
	}
	want := "abort"
	if commit {
		want = "commit"
	}
	if !t.open {
		if t.last == want {
			return "NONE"
		}
		return "INVALID_TXN_STATE"
	}
	why := "the application called abortTransaction()"
	if commit {
		why = ""
	}
	s.endExternalTxn(t, commit, why)
	return "NONE"
}

// endExternalTxn writes the markers to every partition of the transaction,
// settles its records in the ledger (a transactional record is delivered
// when its transaction commits) and, on commit, makes its offsets the
// group's committed offsets.
func (s *Sim) endExternalTxn(t *extTxn, commit bool, why string) {
	p := s.producers[t.producer]
	for _, tp := range t.parts {
		if _, tt := s.topicByName(tp.Topic); tt != nil && tp.Partition < len(tt.parts) {
			s.writeTxnMarker(tt, tt.parts[tp.Partition], p.idx, p.epoch, commit)
		}
	}
	for _, r := range t.outputs {
		s.ledger.settle(r, commit)
	}
	if commit && t.group != "" && len(t.offsets) > 0 {
		eg := s.externalGroup(t.group)
		s.storeLiveOffsets(t.group, eg, t.member, t.offsets, make([]string, len(t.offsets)))
		s.creditTxnReads(eg, t.member, t.offsets)
	}
	ev := Event{Type: EvTxnAborted, Producer: p.cfg.ID, Group: t.group, OutputRecords: int32(len(t.outputs)),
		Count: len(t.offsets), Text: why, Txn: t.seq}
	t.last = "abort"
	if commit {
		ev.Type, t.last = EvTxnCommitted, "commit"
	}
	s.emit(&ev)
	t.open, t.parts, t.offsets, t.outputs = false, nil, nil, nil
	p.txn = -1
}

// noteExternalTxnRecord: a live transactional producer sent rec inside
// its open transaction.
func (s *Sim) noteExternalTxnRecord(p *producer, rec int32) {
	for _, t := range s.ext().txns {
		if t.producer == p.idx && t.open {
			t.outputs = append(t.outputs, rec)
			return
		}
	}
}

// liveTxnWhy narrates a live producer's transaction ending (no member: the
// engine sees the producer, not the application around it).
func liveTxnWhy(e Event) string {
	out := plural(int(e.OutputRecords), "record", "records")
	if e.Type == EvTxnCommitted {
		s := "live producer " + e.Producer + " committed its transaction: COMMIT markers make its " + out +
			" visible to read_committed consumers"
		if e.Group != "" {
			s += ", and group " + e.Group + "'s " + plural(e.Count, "offset", "offsets") + " are committed with them"
		}
		return s
	}
	return "live producer " + e.Producer + "'s transaction was aborted (" + e.Text + "): its " + out +
		" stay in the log, but read_committed consumers skip them and its offsets are never committed"
}

// settleLiveAck: a live record was acknowledged. A transactional one is
// only sent until its transaction ends.
func (s *Sim) settleLiveAck(rec int32) {
	if s.ledger.origin(rec).txn >= 0 {
		s.ledger.sent(rec)
		return
	}
	s.ledger.settle(rec, true)
}
