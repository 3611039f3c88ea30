package sim

// Why a group will never process a record it has not processed. Kafka's
// delivery guarantees are about acknowledged records the cluster destroys
// (truncation, retention before the group read them) and records a group
// commits past before processing them: those are lost. Records the group
// chose not to read are skipped, not lost: it started at the end of the
// log (auto.offset.reset=latest), an operator moved its offsets past them
// (kafka-consumer-groups --reset-offsets), or compaction removed them
// because a newer value of the key exists (Kafka's compaction guarantees
// the latest value per key, and tombstones only for delete.retention.ms).

// missCause is one reason a record will not be processed.
type missCause uint8

const (
	missNone missCause = iota
	// Lost.
	missNeverWritten   // acks=0: the request never reached a leader
	missTruncated      // a new leader did not have it
	missRetention      // retention deleted it before the group read it
	missCommittedEarly // committed past before processing (at-most-once)
	missMovedPast      // the group's position passed it some other way
	missGone           // no longer in the log, for no reason the engine recorded
	// Skipped.
	missReset      // auto.offset.reset started the group past it
	missAdminReset // kafka-consumer-groups --reset-offsets moved past it
	missCompacted  // compaction: a newer record of the key supersedes it
)

// adminResetMember is the member name the history gives an operator's
// kafka-consumer-groups --reset-offsets.
const adminResetMember = "reset-offsets"

// miss is a cause with the facts its reason names.
type miss struct {
	cause  missCause
	off    int64 // the copy it is about, -1 for none
	trunc  truncation
	reset  resetRec
	commit commitRec
}

func (m miss) fate() Fate {
	if m.cause >= missReset {
		return FateSkipped
	}
	return FateLost
}

// rank orders the causes of a record's copies: a copy the group skipped
// makes the record skipped; a truncated copy counts least, since a retry
// may have written the record again.
func (m miss) rank() int {
	switch {
	case m.fate() == FateSkipped:
		return 2
	case m.cause == missTruncated:
		return 0
	}
	return 1
}

// missOf says why the group will not process rec, which it has not
// processed and can no longer read.
func (s *Sim) missOf(g *group, rec int32) miss {
	ri := s.ledger.recs.At(int(rec))
	o := s.ledger.originOf(ri)
	p := s.partitionOf(int(o.topicIdx), int(o.part))
	if s.ledger.fate(rec).offset < 0 || p == nil {
		return miss{cause: missNeverWritten, off: -1}
	}
	best := s.copyMiss(g, p, rec, s.ledger.fate(rec).firstOffset())
	for _, off := range s.ledger.extra[rec] {
		if m := s.copyMiss(g, p, rec, off); m.rank() >= best.rank() {
			best = m
		}
	}
	return best
}

// copyMiss: why the group will not read the copy of rec at off.
func (s *Sim) copyMiss(g *group, p *partition, rec int32, off int64) miss {
	ri := s.ledger.recs.At(int(rec))
	lr := p.shownReplica()
	tp := p.tp()
	reset, hasReset := firstResetPast(g, tp, off, ri.sentMs())
	skip := miss{cause: missReset, off: off, reset: reset}
	if e, ok := lr.entryAt(off); ok && e.rec == rec {
		// Still in the log: the group's position went past it.
		if hasReset {
			return skip
		}
		if c, ok := s.firstCommitPast(g, tp, off, ri.sentMs()); ok {
			if c.member == adminResetMember {
				return miss{cause: missAdminReset, off: off, commit: c}
			}
			return miss{cause: missCommittedEarly, off: off, commit: c}
		}
		return miss{cause: missMovedPast, off: off}
	}
	startedPast := hasReset && reset.policy == "latest"
	if tr, ok := s.truncationOf(rec, off); ok {
		if startedPast && reset.atMs < tr.atMs {
			return skip
		}
		return miss{cause: missTruncated, off: off, trunc: tr}
	}
	if startedPast && reset.from < 0 {
		// The group started past it: whatever removed it since, the
		// group was never going to read it.
		return skip
	}
	if off < lr.logStart {
		return miss{cause: missRetention, off: off}
	}
	if hasPolicy(s.topicCfg(p).CleanupPolicy, CleanupCompact) {
		return miss{cause: missCompacted, off: off}
	}
	return miss{cause: missGone, off: off}
}

// firstResetPast is the group's first auto.offset.reset on tp, made after
// the record was sent, that moved a reader from before off to past it.
func firstResetPast(g *group, tp TopicPartition, off, sentMs int64) (resetRec, bool) {
	for _, r := range g.history.resets {
		if r.tp == tp && off < r.to && (r.from < 0 || off >= r.from) && r.atMs >= sentMs {
			return r, true
		}
	}
	return resetRec{}, false
}

// firstCommitPast is the group's first commit on tp past off made after
// the record was sent.
func (s *Sim) firstCommitPast(g *group, tp TopicPartition, off, sentMs int64) (commitRec, bool) {
	id := s.tpid(tp)
	for i := g.history.commitsSince(sentMs); i < g.history.commits.Len(); i++ {
		if c := g.history.commits.At(i); c.tp == id && c.offset > off && int64(c.atMs) >= sentMs {
			return s.commitRecOf(g, c), true
		}
	}
	return commitRec{}, false
}

// truncationOf is the first truncation of the record's partition, after it
// was sent, that cut offset off away.
func (s *Sim) truncationOf(rec int32, off int64) (truncation, bool) {
	o, sentMs := s.ledger.origin(rec), s.ledger.sentMs(rec)
	for _, tr := range s.truncs {
		if tr.topicIdx == int(o.topicIdx) && tr.part == int(o.part) && off >= tr.from && off < tr.to && tr.atMs >= sentMs {
			return tr, true
		}
	}
	return truncation{}, false
}
