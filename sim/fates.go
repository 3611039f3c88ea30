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

// Fates lists the group's records whose fate is want (all four when want is
// empty), in send order, each with why.
func (s *Sim) Fates(groupID string, want Fate) []RecordFate {
	g := s.groupByID(groupID)
	if g == nil {
		return nil
	}
	var out []RecordFate
	s.eachGroupRecord(g, func(rec int32, f Fate) {
		if want != "" && f != want {
			return
		}
		ri := &s.ledger.recs[rec]
		rf := RecordFate{RecordID: int(rec), Producer: s.producers[ri.producer].cfg.ID, SendN: int(ri.sendN),
			Topic: s.topics[ri.topicIdx].cfg.Name, Partition: int(ri.part), Fate: f}
		if ri.offset >= 0 {
			rf.Offsets = append([]int64{ri.offset}, s.ledger.extra[rec]...)
		}
		if int(rec) < len(g.procCount) {
			rf.Processed = int(g.procCount[rec])
		}
		rf.Key, rf.NullKey = s.ledger.keyOf(rec)
		rf.Reason = s.fateReason(g, rec, f, rf.Offsets)
		out = append(out, rf)
	})
	return out
}

func (s *Sim) fateReason(g *group, rec int32, f Fate, offs []int64) string {
	ri := &s.ledger.recs[rec]
	tp := TopicPartition{Topic: s.topics[ri.topicIdx].cfg.Name, Partition: int(ri.part)}
	switch f {
	case FateExactlyOnce:
		return "processed once"
	case FateDuplicated:
		return s.duplicateReason(g, tp, offs)
	case FatePending:
		return fmt.Sprintf("not processed yet: %s is still readable at offset %d", tp, offs[len(offs)-1])
	}
	return s.lostReason(g, rec, tp, offs)
}

// duplicateReason tells the story of each time the record was processed.
func (s *Sim) duplicateReason(g *group, tp TopicPartition, offs []int64) string {
	var parts []string
	if len(offs) > 1 {
		parts = append(parts, fmt.Sprintf("the log holds %d copies (offsets %s) because a producer retry wrote it again",
			len(offs), joinOffsets(offs)))
	}
	for _, pr := range g.history.processed {
		if pr.tp != tp || !containsOffset(offs, pr.from, pr.to) {
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

// lostReason finds why an acknowledged record will never be processed.
func (s *Sim) lostReason(g *group, rec int32, tp TopicPartition, offs []int64) string {
	ri := &s.ledger.recs[rec]
	if len(offs) == 0 {
		return "it never reached the log (acks=0 sends do not wait for the write)"
	}
	off := offs[0]
	p := s.partitionOf(int(ri.topicIdx), int(ri.part))
	lr := p.shownReplica()
	if e := lr.entryAt(off); e == nil || e.rec != rec {
		for i := len(s.truncs) - 1; i >= 0; i-- {
			tr := s.truncs[i]
			if tr.topicIdx == int(ri.topicIdx) && tr.part == int(ri.part) && off >= tr.from && off < tr.to {
				return fmt.Sprintf("broker %d had it at offset %d, but broker %d became leader (epoch %d) at %s without it, so it was truncated away",
					tr.oldLeader, off, tr.newLeader, tr.epoch, FormatMs(tr.atMs))
			}
		}
		if off < lr.logStart {
			return fmt.Sprintf("deleted by retention (the log now starts at %d) before %s read offset %d", lr.logStart, g.cfg.ID, off)
		}
		return fmt.Sprintf("removed by compaction: a newer record with the same key replaced offset %d before %s read it", off, g.cfg.ID)
	}
	for i := len(g.history.resets) - 1; i >= 0; i-- {
		r := g.history.resets[i]
		if r.tp == tp && off < r.to && (r.from < 0 || off >= r.from) {
			return fmt.Sprintf("skipped: auto.offset.reset=%s moved %s on %s to offset %d at %s", r.policy, g.cfg.ID, tp, r.to, FormatMs(r.atMs))
		}
	}
	for _, c := range g.history.commits {
		if c.tp == tp && c.offset > off {
			return fmt.Sprintf("skipped: %s committed offset %d on %s at %s before processing offset %d, and the records in between were never processed",
				c.member, c.offset, tp, FormatMs(c.atMs), off)
		}
	}
	return fmt.Sprintf("the group moved past offset %d of %s without processing it", off, tp)
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
