package sim

// The leader's idempotence checks (ProducerStateManager /
// ProducerAppendInfo in Kafka): producer epoch, duplicate batches and
// sequence order.

// checkSequence answers an idempotent batch: errNone and dupBase -1 to
// append it; errNone and the first copy's base offset for a duplicate; or
// an error. A duplicate must match a batch in the log exactly (Kafka keeps
// the metadata of recent batches per producer): a retry is never
// acknowledged for records that are not there.
func (s *Sim) checkSequence(lr *replica, b *batch, epoch, firstSeq int32) (code int32, dupBase int64) {
	st := lr.pid(int32(b.producer))
	switch {
	case !st.known:
		return errNone, -1 // no state for this producer: any sequence starts it
	case epoch < st.epoch:
		return errInvalidEpoch, -1 // checkProducerEpoch: fenced by a newer epoch
	case epoch > st.epoch:
		if firstSeq != 0 {
			return errOutOfOrder, -1 // a new epoch must start at sequence 0
		}
		return errNone, -1
	}
	last := firstSeq + b.count - 1
	if firstSeq <= st.lastSeq {
		if base, ok := s.findDuplicate(lr, int32(b.producer), epoch, firstSeq, last); ok {
			return errNone, base
		}
		return errOutOfOrder, -1
	}
	if firstSeq != st.lastSeq+1 {
		return errOutOfOrder, -1
	}
	return errNone, -1
}

// findDuplicate looks back through the log for the batch with exactly
// these sequence numbers from this producer and epoch.
func (s *Sim) findDuplicate(lr *replica, producer, epoch, firstSeq, lastSeq int32) (int64, bool) {
	for i := lr.entries.Len() - 1; i >= 0; i-- {
		e := lr.entries.At(i)
		if e.rec < 0 {
			continue
		}
		ri := s.ledger.recs.At(int(e.rec))
		seq := s.ledger.fate(e.rec).seq()
		if o := s.ledger.originOf(ri); int32(o.producer) != producer || o.epoch != int16(epoch) || seq < 0 {
			continue
		}
		if seq < firstSeq {
			return 0, false
		}
		if seq != firstSeq {
			continue
		}
		n := int(lastSeq - firstSeq)
		if i+n < lr.entries.Len() {
			if end := lr.entries.At(i + n); end.rec >= 0 && s.ledger.fate(end.rec).seq() == lastSeq &&
				int32(s.ledger.origin(end.rec).producer) == producer {
				return e.offset, true
			}
		}
		return 0, false
	}
	return 0, false
}

// copyPresent reports whether the leader's log holds a copy of rec right
// now: a copy truncated away does not count.
func (s *Sim) copyPresent(pt *partition, rec int32) bool {
	f := s.ledger.fate(rec)
	if f.offset < 0 {
		return false
	}
	lr := pt.leaderRep()
	if e, ok := lr.entryAt(f.firstOffset()); ok && e.rec == rec {
		return true
	}
	for _, off := range s.ledger.extra[rec] {
		if e, ok := lr.entryAt(off); ok && e.rec == rec {
			return true
		}
	}
	return false
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
	o := s.ledger.origin(e.rec)
	r.setPid(int32(o.producer), int32(o.epoch), s.ledger.fate(e.rec).seq())
}

// setPid notes a record of producer prod with sequence seq in epoch epoch
// (seq -1: not idempotent, nothing to note).
func (r *replica) setPid(prod, epoch, seq int32) {
	if seq < 0 {
		return
	}
	for int(prod) >= len(r.pids) {
		r.pids = append(r.pids, pidState{})
	}
	r.pids[prod] = pidState{known: true, epoch: epoch, lastSeq: seq}
}

// rebuildPids recomputes the idempotence state after a truncation.
func (s *Sim) rebuildPids(pt *partition, r *replica) {
	r.pids = nil
	for _, e := range r.entries.All(0) {
		s.notePid(r, e)
	}
}
