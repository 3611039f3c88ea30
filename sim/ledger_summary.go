package sim

// Fate is what became of one record for one group.
type Fate string

// The fates a record can have for a group.
const (
	FateExactlyOnce Fate = "exactly_once"
	FateDuplicated  Fate = "duplicated"
	FateLost        Fate = "lost"
	FateSkipped     Fate = "skipped"
	FatePending     Fate = "pending"
)

// Ledger counts, per producer and per group, what happened to every record.
func (s *Sim) Ledger() LedgerSummary {
	var out LedgerSummary
	inFlight := s.unsettledRecords()
	for _, p := range s.producers {
		if p.hidden {
			continue
		}
		out.Producers = append(out.Producers, ProducerLedger{ID: p.cfg.ID, Sent: p.sends, Acked: p.acked, Failed: p.failed,
			InFlight: inFlight[p.idx]})
	}
	for _, g := range s.groups {
		if g.state == GroupDead {
			continue
		}
		gl := GroupLedger{ID: g.cfg.ID, Processed: g.processedTotal}
		s.tallyGroup(g, &gl)
		out.Groups = append(out.Groups, gl)
	}
	out.LogDuplicates = s.logDuplicates()
	return out
}

// logDuplicates counts extra copies of a record in the current leaders' logs.
func (s *Sim) logDuplicates() int {
	n := 0
	for rec, extra := range s.ledger.extra { // a sum: order does not matter
		ri := s.ledger.recs.At(int(rec))
		o := s.ledger.originOf(ri)
		p := s.partitionOf(int(o.topicIdx), int(o.part))
		if p == nil {
			continue
		}
		lr := p.shownReplica()
		copies := 0
		for _, off := range append([]int64{s.ledger.fate(rec).firstOffset()}, extra...) {
			if e, ok := lr.entryAt(off); ok && e.rec == rec {
				copies++
			}
		}
		if copies > 1 {
			n += copies - 1
		}
	}
	return n
}

// groupFrontier is, for one partition, where the group will go on reading
// and which offsets a live member holds unprocessed.
type groupFrontier struct {
	from   int64 // -1: nothing decided yet, every readable record is pending
	inHand map[int64]bool
}

func (s *Sim) frontiers(g *group) map[TopicPartition]groupFrontier {
	out := map[TopicPartition]groupFrontier{}
	for _, id := range g.committed.ids() {
		tp := s.tpIDs.tp(id)
		out[tp] = groupFrontier{from: s.validatedCommit(g, tp, g.committed.at(id))}
	}
	for _, m := range g.members {
		if !m.inGroup || m.state == MemberCrashed || m.state == MemberClosed {
			continue
		}
		for _, tp := range m.assigned {
			if pos, ok := m.positions.get(s.tpid(tp)); ok {
				f := out[tp]
				f.from = pos
				out[tp] = f
			}
		}
		// Records not yet credited as processed are still in the member's
		// hands, even those whose processing time has run out this instant.
		if m.processing {
			for _, r := range m.buffer[m.procDone:] {
				f, ok := out[r.tp]
				if !ok {
					f.from = -1
				}
				if f.inHand == nil {
					f.inHand = map[int64]bool{}
				}
				f.inHand[r.offset] = true
				out[r.tp] = f
			}
		}
	}
	return out
}

// validatedCommit is where the group's next reader of tp will really
// start: a committed offset stored with a leader epoch is validated first
// (KIP-320), and if the log was truncated under it the reader seeks back to
// where that epoch ends, or stops with LogTruncationException until the
// application decides. Either way the records written there since are not
// lost: they are still to be read.
func (s *Sim) validatedCommit(g *group, tp TopicPartition, committed int64) int64 {
	epoch, known := g.committedEpoch.get(s.tpid(tp))
	if !known || epoch < 0 {
		return committed
	}
	i, t := s.topicByName(tp.Topic)
	if i < 0 || t == nil || tp.Partition >= len(t.parts) {
		return committed
	}
	lr := s.partitionOf(i, tp.Partition).shownReplica()
	if lr == nil {
		return committed
	}
	if _, end := lr.endOffsetForEpoch(epoch); end < committed {
		return end
	}
	return committed
}

// eachGroupRecord calls f with the fate of every record of the group's
// topics that was acknowledged (for acks=0, sent) or that the group
// processed, acknowledged or not, in record order. A record processed twice
// is a duplicate even if its producer was never told it was written.
func (s *Sim) eachGroupRecord(g *group, f func(rec int32, fate Fate)) {
	s.eachGroupMiss(g, func(rec int32, fate Fate, _ *miss) { f(rec, fate) })
}

// eachGroupMiss is eachGroupRecord with, for a lost or skipped record, why.
// It walks every record of the run, a chunk at a time: a record the group
// processed is decided by its count alone.
func (s *Sim) eachGroupMiss(g *group, f func(rec int32, fate Fate, m *miss)) {
	subscribed := s.subscribedOrigins(g)
	fr := s.frontiers(g)
	// One miss for the whole walk (f must not keep it): one each would be
	// an allocation per record not yet processed.
	var none, m miss
	n, counted := s.ledger.recs.Len(), g.procCount.Len()
	for i := 0; i < n; {
		recs := s.ledger.recs.span(i, n)
		var counts []uint8
		if i < counted {
			counts = g.procCount.span(i, counted)
			recs = recs[:min(len(recs), len(counts))]
		}
		for j := range recs {
			rec := int32(i + j)
			switch {
			case !subscribed[recs[j].origin]:
			case j < len(counts) && counts[j] == 1:
				f(rec, FateExactlyOnce, &none)
			case j < len(counts) && counts[j] > 1:
				f(rec, FateDuplicated, &none)
			default:
				var fate Fate
				var ok bool
				if fate, m, ok = s.groupFate(g, rec, fr); ok {
					f(rec, fate, &m)
				}
			}
		}
		i += len(recs)
	}
}

// subscribedOrigins says, per origin, whether its topic is one the group
// subscribes to.
func (s *Sim) subscribedOrigins(g *group) []bool {
	topics := s.subscribedTopics(g)
	n := s.ledger.origins.Len()
	out := make([]bool, n)
	for i := 0; i < n; {
		origins := s.ledger.origins.span(i, n)
		for j := range origins {
			out[i+j] = topics[origins[j].topicIdx]
		}
		i += len(origins)
	}
	return out
}

// groupFate is rec's fate for the group, with why when lost or skipped;
// false while the record is its producer's business only (neither
// acknowledged nor processed).
func (s *Sim) groupFate(g *group, rec int32, fr map[TopicPartition]groupFrontier) (Fate, miss, bool) {
	count := uint8(0)
	if int(rec) < g.procCount.Len() {
		count = *g.procCount.At(int(rec))
	}
	switch {
	case count == 1:
		return FateExactlyOnce, miss{}, true
	case count > 1:
		return FateDuplicated, miss{}, true
	case s.ledger.fate(rec).state() == recSent:
		// An acks=0 record counts once sent; on the wire it is pending.
		return FatePending, miss{}, true
	case s.ledger.fate(rec).state() != recAcked:
		return "", miss{}, false
	case s.stillReadable(g, rec, fr):
		return FatePending, miss{}, true
	}
	m := s.missOf(g, rec)
	return m.fate(), m, true
}

// stillReadable: a copy of the record is in the partition's log and the
// group has not moved past it (or a member holds it, unprocessed).
func (s *Sim) stillReadable(g *group, rec int32, fr map[TopicPartition]groupFrontier) bool {
	ri := s.ledger.recs.At(int(rec))
	o := s.ledger.originOf(ri)
	p := s.partitionOf(int(o.topicIdx), int(o.part))
	if p == nil || s.ledger.fate(rec).offset < 0 {
		return false
	}
	lr := p.shownReplica()
	front, known := fr[p.tp()]
	check := func(off int64) bool {
		e, ok := lr.entryAt(off)
		if !ok || e.rec != rec || off < lr.logStart {
			return false
		}
		if g.cfg.IsolationLevel == "read_committed" && p.isAborted(s, e) {
			return false
		}
		if !known || front.from < 0 {
			// Nobody has a position here now. If auto.offset.reset already
			// jumped a reader past it, it was skipped for good; if not, the
			// group may yet read it.
			return !skippedByReset(g, p.tp(), off) || front.inHand[off]
		}
		return off >= front.from || front.inHand[off]
	}
	if check(s.ledger.fate(rec).firstOffset()) {
		return true
	}
	for _, off := range s.ledger.extra[rec] {
		if check(off) {
			return true
		}
	}
	return false
}

// skippedByReset reports whether an auto.offset.reset moved one of the
// group's readers past off on tp.
func skippedByReset(g *group, tp TopicPartition, off int64) bool {
	for _, r := range g.history.resets {
		if r.tp == tp && off < r.to && (r.from < 0 || off >= r.from) {
			return true
		}
	}
	return false
}
