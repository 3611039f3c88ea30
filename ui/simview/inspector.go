package simview

import (
	"strings"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// RecCursor is the record inspector's cursor: one offset of one partition.
type RecCursor struct {
	Topic     string
	Partition int
	Offset    int64
}

// recordTeller is a runner that can tell one record's story
// (sim.Sim.Record); a runner that cannot shows what the log holds only.
type recordTeller interface {
	Record(id int) (sim.RecordStory, bool)
}

// recordSheet is the record inspector's page for record r of partition p:
// who sent it, its key and value, where its copies are, and its fate for
// every group with the engine's reason (story; nil when the runner has
// none to tell).
func recordSheet(st *theme.Styles, p *sim.PartitionView, r *sim.RecordView, story *sim.RecordStory) *drillSheet {
	where := components.Sanitize(p.Topic) + "-" + components.Itoa(p.Partition) + "@" + components.I64(r.Offset)
	s := &drillSheet{Kind: sheetRecord,
		title: st.PaneFocus.Render("▶ RECORD INSPECTOR") + st.Bold.Render(" › "+where) +
			st.Faint.Render(" · "+string(GlyphSelected)+" in the logs")}
	label := func(l string) string { return st.Faint.Render(components.Fit(l, 9)) }
	if r.Control != "" {
		s.items = append(s.items, sheetLine{
			head: label("marker") + st.Bold.Render(components.Sanitize(r.Control)+" transaction marker"),
			body: "written by the transaction coordinator, not by send(): it takes an offset, and consumers never see it; " +
				"read_committed readers learn from it whether the records before it count"})
		return s
	}
	sent := st.Bold.Render(components.Sanitize(r.Producer)+" send #"+components.Itoa(r.SendN)) + st.Faint.Render(" · created at "+components.FmtMs(r.TimestampMs))
	s.items = append(s.items, sheetLine{head: label("sent by") + sent})
	if story != nil {
		s.items = append(s.items, sheetLine{head: label("producer") + outcomeText(st, story.Outcome)})
	}
	key := st.Bold.Render(components.Sanitize(r.Key))
	if r.NullKey {
		key = st.Bold.Render(string(glyphNullKey)+" null") + st.Faint.Render(" (the partitioner spreads null keys)")
	}
	s.items = append(s.items, sheetLine{head: label("key") + key})
	s.items = append(s.items, sheetLine{head: label("value") + valueText(st, r)})
	if story != nil && len(story.Headers) > 0 {
		s.items = append(s.items, sheetLine{head: label("headers") + headersText(st, story.Headers)})
	}
	s.items = append(s.items, whereLine(st, p, r, story, label))
	s.items = append(s.items, stateLine(st, p, r, label))
	if story == nil {
		s.items = append(s.items, sheetLine{head: label("fate") + st.Faint.Render("the ledger has no story for this record")})
		return s
	}
	if len(story.Groups) == 0 {
		s.items = append(s.items, sheetLine{head: label("groups") + st.Faint.Render("no consumer group reads "+components.Sanitize(p.Topic))})
	}
	nameW := 0
	for _, g := range story.Groups {
		nameW = max(nameW, min(len(g.Group), 24))
	}
	for _, g := range story.Groups {
		s.items = append(s.items, groupFateLine(st, g, nameW, label))
	}
	return s
}

// valueText is a record's value, or what a null value means.
func valueText(st *theme.Styles, r *sim.RecordView) string {
	if r.Tombstone {
		return st.Bold.Render(string(glyphTombstone)+" null") + st.Faint.Render(" (a tombstone: compaction deletes the key)")
	}
	return st.Bold.Render(components.Sanitize(r.Value))
}

// headersText lists a live record's headers as key=value, in the order
// its client sent them.
func headersText(st *theme.Styles, hs []sim.RecordHeader) string {
	parts := make([]string, len(hs))
	for i, h := range hs {
		parts[i] = components.Sanitize(h.Key) + "=" + components.Sanitize(string(h.Value))
	}
	return st.Bold.Render(strings.Join(parts, " "))
}

// outcomeText is what the producer was told, marked so it reads without colour.
func outcomeText(st *theme.Styles, outcome string) string {
	switch outcome {
	case "acknowledged":
		return st.InSync.Render("✓ " + outcome)
	case "failed":
		return st.Error.Render("✕ " + outcome)
	}
	return st.Pending.Render("○ " + outcome)
}

// whereLine lists every offset the send() landed at: a retry without
// idempotence writes it again (KIP-98 is what stops that).
func whereLine(st *theme.Styles, p *sim.PartitionView, r *sim.RecordView, story *sim.RecordStory, label func(string) string) sheetLine {
	tp := components.Sanitize(p.Topic) + "-" + components.Itoa(p.Partition)
	head := label("where") + st.Bold.Render(tp+"@"+components.I64(r.Offset)) + st.Faint.Render(" · leader epoch "+components.Itoa(r.LeaderEpoch))
	if story == nil || len(story.Offsets) < 2 {
		if r.Copy > 1 {
			head += " " + st.Duplicated.Render(string(glyphDup)+" copy "+components.Itoa(r.Copy))
		}
		return sheetLine{head: head}
	}
	offs := make([]string, len(story.Offsets))
	for i, o := range story.Offsets {
		offs[i] = components.I64(o)
		if o == r.Offset {
			offs[i] = "[" + offs[i] + "]"
		}
	}
	head += " " + st.Duplicated.Render(string(glyphDup)+" "+components.Itoa(len(offs))+" copies: @"+strings.Join(offs, ", @"))
	return sheetLine{head: head, body: "the producer retried a request whose answer it never got, and the broker wrote the record again: " +
		"only an idempotent producer (enable.idempotence, KIP-98) has the broker drop the repeat"}
}

// stateLine says whether consumers can read the record yet.
func stateLine(st *theme.Styles, p *sim.PartitionView, r *sim.RecordView, label func(string) string) sheetLine {
	switch {
	case r.Aborted:
		return sheetLine{head: label("log") + st.Struck.Render(string(glyphAborted)+" aborted transaction"),
			body: "its transaction was aborted: read_committed consumers skip it, read_uncommitted ones still read it"}
	case r.Offset < p.LogStart:
		return sheetLine{head: label("log") + st.Faint.Render(string(glyphDeleted)+" deleted: the log now starts at "+components.I64(p.LogStart))}
	case r.Offset >= p.HighWatermark:
		return sheetLine{head: label("log") + st.OutOfSync.Render("above the high watermark ("+components.I64(p.HighWatermark)+")"),
			body: "not every in-sync replica has it yet, so consumers cannot read it; a leader failover now could cut it away"}
	}
	return sheetLine{head: label("log") + st.InSync.Render("below the high watermark ("+components.I64(p.HighWatermark)+")"),
		body: "every in-sync replica has it, so consumers may read it and a clean leader election keeps it"}
}

// groupFateLine is the record's fate for one group, with the engine's reason.
func groupFateLine(st *theme.Styles, g sim.GroupRecordFate, nameW int, label func(string) string) sheetLine {
	head := label("group") + st.Bold.Render(components.Fit(components.Sanitize(g.Group), nameW)) + " "
	if g.Fate == "" {
		head += st.Faint.Render("not counted · " + timesText(g.Processed))
	} else {
		head += components.FateStyle(st, g.Fate).Render(string(components.FateMark(g.Fate))+" "+components.FateWord(g.Fate)) + st.Faint.Render(" · "+timesText(g.Processed))
	}
	reason := g.Reason
	if reason == timesText(g.Processed) {
		reason = "" // the head says it already
	}
	return sheetLine{head: head, body: reason}
}

// FindRecord is the record at offset o of p's snapshot tail, if held.
func FindRecord(p *sim.PartitionView, o int64) (*sim.RecordView, bool) {
	recs := p.Records
	lo, hi := 0, len(recs)
	for lo < hi {
		mid := (lo + hi) / 2
		if recs[mid].Offset < o {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(recs) && recs[lo].Offset == o {
		return &recs[lo], true
	}
	return nil, false
}

// FindPartition is a partition of snap, with its index in snapshot order.
func FindPartition(snap *sim.Snapshot, topic string, partition int) (*sim.PartitionView, int) {
	n := 0
	for ti := range snap.Topics {
		for pi := range snap.Topics[ti].Partitions {
			p := &snap.Topics[ti].Partitions[pi]
			if p.Topic == topic && p.Partition == partition {
				return p, n
			}
			n++
		}
	}
	return nil, -1
}

// PartitionAt is the i-th partition of snap in snapshot order.
func PartitionAt(snap *sim.Snapshot, i int) *sim.PartitionView {
	for ti := range snap.Topics {
		if i < len(snap.Topics[ti].Partitions) {
			return &snap.Topics[ti].Partitions[i]
		}
		i -= len(snap.Topics[ti].Partitions)
	}
	return nil
}

// partitionCount is how many partitions snap shows.
func partitionCount(snap *sim.Snapshot) int {
	n := 0
	for _, t := range snap.Topics {
		n += len(t.Partitions)
	}
	return n
}
