package sim

import (
	"fmt"
	"strings"
)

// RecordFate is one record's outcome for one group, with the reason a
// learner reads.
type RecordFate struct {
	RecordID  int
	Producer  string
	SendN     int
	Topic     string
	Partition int
	Offsets   []int64 // every offset a copy landed at
	Key       string
	NullKey   bool
	Fate      Fate
	Processed int // times the group finished processing it
	Reason    string
}

// Fates lists the group's records whose fate is want (every fate when want
// is empty), in send order, each with why.
func (s *Sim) Fates(groupID string, want Fate) []RecordFate {
	g := s.groupByID(groupID)
	if g == nil {
		return nil
	}
	var out []RecordFate
	newest := newestByKey{}
	s.eachGroupMiss(g, func(rec int32, f Fate, m *miss) {
		if want != "" && f != want {
			return
		}
		out = append(out, s.recordFate(g, rec, f, *m, newest))
	})
	return out
}

// recordFate is rec's fate f for the group, with the reason.
func (s *Sim) recordFate(g *group, rec int32, f Fate, m miss, newest newestByKey) RecordFate {
	ri := s.ledger.recs.At(int(rec))
	o := s.ledger.originOf(ri)
	rf := RecordFate{RecordID: int(rec), Producer: s.producers[o.producer].cfg.ID, SendN: int(s.ledger.sendN(rec)),
		Topic: s.topics[o.topicIdx].cfg.Name, Partition: int(o.part), Fate: f}
	if f := s.ledger.fate(rec); f.offset >= 0 {
		rf.Offsets = append([]int64{f.firstOffset()}, s.ledger.extra[rec]...)
	}
	if int(rec) < g.procCount.Len() {
		rf.Processed = int(*g.procCount.At(int(rec)))
	}
	rf.Key, rf.NullKey = s.ledger.keyOf(rec)
	rf.Reason = s.fateReason(g, rec, f, m, rf.Offsets, newest)
	return rf
}

func (s *Sim) fateReason(g *group, rec int32, f Fate, m miss, offs []int64, newest newestByKey) string {
	o := s.ledger.origin(rec)
	tp := TopicPartition{Topic: s.topics[o.topicIdx].cfg.Name, Partition: int(o.part)}
	switch f {
	case FateExactlyOnce:
		return "processed once" + s.unackedNote(rec)
	case FateDuplicated:
		return s.duplicateReason(g, tp, offs) + s.unackedNote(rec)
	case FatePending:
		if len(offs) == 0 {
			return "sent with acks=0 and still on its way to the broker"
		}
		return fmt.Sprintf("not processed yet: %s is still readable at offset %d", tp, offs[len(offs)-1])
	}
	return s.missReason(g, rec, tp, m, newest)
}

// unackedNote says when a processed record's producer was never told it
// was written: it counts all the same.
func (s *Sim) unackedNote(rec int32) string {
	ri := s.ledger.recs.At(int(rec))
	switch st := s.ledger.fate(rec).state(); {
	case st == recPending:
		return "; its producer has not been acknowledged for it yet"
	case st == recFailed && s.ledger.originOf(ri).txn >= 0:
		return "; its transaction was aborted, which a read_uncommitted reader does not see"
	case st == recFailed:
		return "; its producer was never acknowledged for it and counts it as failed, yet it was written"
	}
	return ""
}

// duplicateReason tells the story of each time the record was processed.
func (s *Sim) duplicateReason(g *group, tp TopicPartition, offs []int64) string {
	var parts []string
	if len(offs) > 1 {
		parts = append(parts, fmt.Sprintf("the log holds %d copies (offsets %s) because a producer retry wrote it again",
			len(offs), joinOffsets(offs)))
	}
	for pr := range s.processedOn(g, tp) {
		if !containsOffset(offs, pr.from, pr.to) {
			continue
		}
		p := fmt.Sprintf("processed by %s in generation %d at %s", pr.member, pr.gen, FormatMs(pr.atMs))
		if c := s.crashAfter(g, pr.member, pr.atMs); c != nil && c.atMs == pr.atMs {
			// Credited at the crash: it was among the records done by then.
			p = fmt.Sprintf("processed by %s in generation %d before it crashed at %s without committing past it",
				pr.member, pr.gen, FormatMs(c.atMs))
		} else if c != nil {
			p += fmt.Sprintf(", then %s crashed at %s before committing past it", c.member, FormatMs(c.atMs))
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

func (s *Sim) crashAfter(g *group, member string, atMs int64) *crashRec {
	for i := range g.history.crashes {
		c := &g.history.crashes[i]
		if c.member == member && c.atMs >= atMs {
			// It only explains a repeat if no commit covered the record in between.
			return c
		}
	}
	return nil
}

// missReason tells why a record will never be processed: lost or skipped.
func (s *Sim) missReason(g *group, rec int32, tp TopicPartition, m miss, newest newestByKey) string {
	o := s.ledger.origin(rec)
	off, id := m.off, g.cfg.ID
	switch m.cause {
	case missNeverWritten:
		return "it never reached the log (acks=0 sends do not wait for the write)"
	case missTruncated:
		tr := m.trunc
		return fmt.Sprintf("broker %d had it at offset %d, but broker %d became leader (epoch %d) at %s without it, so it was truncated away",
			tr.oldLeader, off, tr.newLeader, tr.epoch, FormatMs(tr.atMs))
	case missRetention:
		return fmt.Sprintf("deleted by retention (the log now starts at %d) before %s read offset %d", s.partitionOf(int(o.topicIdx), int(o.part)).shownReplica().logStart, id, off)
	case missCommittedEarly:
		c := m.commit
		return fmt.Sprintf("%s committed offset %d on %s at %s before processing offset %d, and the records in between were never processed",
			c.member, c.offset, tp, FormatMs(c.atMs), off)
	case missReset:
		r := m.reset
		if r.from < 0 {
			return fmt.Sprintf("%s had no committed offset on %s, so auto.offset.reset=%s started it at offset %d at %s, past offset %d: it never asked for this record",
				id, tp, r.policy, r.to, FormatMs(r.atMs), off)
		}
		return fmt.Sprintf("offset %d of %s was out of range for %s, so auto.offset.reset=%s moved it to offset %d at %s, past offset %d",
			r.from, tp, id, r.policy, r.to, FormatMs(r.atMs), off)
	case missAdminReset:
		return fmt.Sprintf("kafka-consumer-groups --reset-offsets moved %s's committed offset on %s to %d at %s, past offset %d",
			id, tp, m.commit.offset, FormatMs(m.commit.atMs), off)
	case missCompacted:
		return s.compactedReason(g, rec, tp, off, newest)
	case missGone:
		return fmt.Sprintf("offset %d of %s no longer holds it", off, tp)
	}
	return fmt.Sprintf("the group moved past offset %d of %s without processing it", off, tp)
}

// compactedReason: compaction keeps the latest record of each key, and a
// tombstone only for delete.retention.ms.
func (s *Sim) compactedReason(g *group, rec int32, tp TopicPartition, off int64, newest newestByKey) string {
	ri := s.ledger.recs.At(int(rec))
	o := s.ledger.originOf(ri)
	key, _ := s.ledger.keyOf(rec)
	p := s.partitionOf(int(o.topicIdx), int(o.part))
	if n := newest.of(s, p, o.key); n > off {
		return fmt.Sprintf("removed by compaction before %s read offset %d: key %q has a newer record at offset %d, and a compacted topic keeps the latest value of each key",
			g.cfg.ID, off, key, n)
	}
	if ri.tombstone() {
		return fmt.Sprintf("a tombstone for key %q, removed by compaction once delete.retention.ms (%d ms) had passed, before %s read offset %d: the key is deleted and the log no longer mentions it",
			key, s.topicCfg(p).DeleteRetentionMs, g.cfg.ID, off)
	}
	return fmt.Sprintf("removed by compaction before %s read offset %d: a newer record of key %q superseded it (and has since been deleted by a tombstone)",
		g.cfg.ID, off, key)
}

// newestByKey caches, per partition, the highest offset of each key in the
// log shown for it, so listing many compacted records scans each log once.
type newestByKey map[*partition]map[int32]int64

func (n newestByKey) of(s *Sim, p *partition, key int32) int64 {
	m, ok := n[p]
	if !ok {
		m = map[int32]int64{}
		for _, e := range p.shownReplica().entries.All(0) {
			if e.rec >= 0 {
				m[s.ledger.keyIndex(e.rec)] = e.offset
			}
		}
		n[p] = m
	}
	if off, ok := m[key]; ok {
		return off
	}
	return -1
}

func containsOffset(offs []int64, from, to int64) bool {
	for _, o := range offs {
		if o >= from && o < to {
			return true
		}
	}
	return false
}

func joinOffsets(offs []int64) string {
	s := make([]string, len(offs))
	for i, o := range offs {
		s[i] = fmt.Sprint(o)
	}
	return strings.Join(s, ", ")
}
