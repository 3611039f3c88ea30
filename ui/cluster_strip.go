package ui

import (
	"github.com/charmbracelet/lipgloss"

	"kafkasim/sim"
)

// Strip glyphs: one cell stands for one offset, or for an even share of
// them when the log is longer than the strip.
const (
	stripHave     = '█' // records at or below the high watermark
	stripAbove    = '▒' // records above it: not committed yet
	stripDiverged = '▚' // records the leader does not have: truncated on fetch
	stripMissing  = '·' // offsets this replica does not have yet
	stripDeleted  = '╌' // deleted by retention
)

// crumble is how truncated records fall away, frame by frame.
var crumble = []rune{'▓', '▒', '░'}

// crumbleAt is a truncated record's glyph at its truncation's age.
func (a *anim) crumbleAt(t *truncMark) rune {
	if a.still {
		return crumble[len(crumble)-1]
	}
	return crumble[min(t.age*len(crumble)/max(t.total, 1), len(crumble)-1)]
}

// stripScale maps a partition's offsets onto a strip's cells, the same for
// every broker so the strips line up.
type stripScale struct {
	lo, hi int64
	cells  int
}

// partitionScale spans every replica's log, and records just truncated so
// they can crumble in place.
func partitionScale(p *sim.PartitionView, hot *anim, cells int) stripScale {
	lo, hi := p.LogStart, p.LogEnd
	for _, r := range p.ReplicaLogs {
		lo, hi = min(lo, r.LogStart), max(hi, r.LEO)
	}
	for _, t := range hot.truncs {
		if t.topic == p.Topic && t.partition == p.Partition {
			hi = max(hi, t.to)
		}
	}
	return stripScale{lo: lo, hi: hi, cells: max(cells, 1)}
}

// span is the offsets [a, b) cell i stands for; a >= hi past the log.
func (s stripScale) span(i int) (a, b int64) {
	n := s.hi - s.lo
	if n <= int64(s.cells) {
		return s.lo + int64(i), s.lo + int64(i) + 1
	}
	return s.lo + int64(i)*n/int64(s.cells), s.lo + int64(i+1)*n/int64(s.cells)
}

// stripLines are a broker's partitions as log strips: "0◆ ████▒▒".
func (c *clusterPane) stripLines(st *Styles, snap *sim.Snapshot, b *sim.BrokerView, hot *anim, inner int) []string {
	labelW := 1
	for ti := range snap.Topics {
		labelW = max(labelW, len(itoa(len(snap.Topics[ti].Partitions)-1)))
	}
	cells := inner - labelW - 2
	multi := len(snap.Topics) > 1
	var lines []string
	for ti := range snap.Topics {
		t := &snap.Topics[ti]
		first := true
		for pi := range t.Partitions {
			p := &t.Partitions[pi]
			r := findReplica(p, b.ID)
			if r == nil && !containsInt(p.Replicas, b.ID) {
				continue
			}
			if first && multi {
				lines = append(lines, st.Faint.Render(fit(sanitize(t.Name), inner)))
			}
			first = false
			lines = append(lines, c.stripLine(st, p, r, b, hot, labelW, cells))
		}
	}
	if len(lines) == 0 {
		lines = append(lines, st.Faint.Render("no replicas"))
	}
	return lines
}

// stripLine is one replica: the partition number, its role, and its log.
func (c *clusterPane) stripLine(st *Styles, p *sim.PartitionView, r *sim.ReplicaView, b *sim.BrokerView, hot *anim, labelW, cells int) string {
	out := runs{cache: &c.cache}
	num := itoa(p.Partition)
	for range labelW - len(num) {
		out.add(nil, ' ')
	}
	out.text(&st.Faint, num)
	sym, role := c.replicaRole(st, p, r, b)
	symStyle := role
	if hot.is(hotKey{kind: hotReplica, s1: p.Topic, n1: p.Partition, n2: b.ID}) ||
		hot.is(hotKey{kind: hotLeader, s1: p.Topic, n1: p.Partition, n2: b.ID}) {
		symStyle = &st.Hot
	}
	out.text(symStyle, sym)
	prod, producing := hot.producing(p.Topic, p.Partition, b.ID)
	if producing && hot.produceArriving(prod) {
		out.add(&st.Hot, glyphProduceIn) // a batch coming in from a producer
	} else {
		out.add(nil, ' ')
	}
	if r == nil || cells <= 0 {
		return out.String()
	}
	scale := partitionScale(p, hot, cells)
	fresh := int64(-1)
	if v, ok := hot.get(hotKey{kind: hotReplica, s1: p.Topic, n1: p.Partition, n2: b.ID}); ok && v.count > 0 {
		fresh = r.LEO - int64(v.count)
	}
	fetch := hot.fetching(p.Topic, p.Partition, b.ID)
	if hot.is(hotKey{kind: hotFetchIn, s1: p.Topic, n1: p.Partition, n2: b.ID}) {
		fresh = -1 // a follower's new records light up as its fetch arrives
	}
	if producing {
		fresh = -1 // a leader's new records light up as the batch arrives
	}
	trunc := hot.truncOf(p.Topic, p.Partition, b.ID)
	for i := range scale.cells {
		a, end := scale.span(i)
		if a >= scale.hi {
			break
		}
		style, g := c.stripCell(st, p, r, role, a, trunc, hot)
		if fresh >= 0 && a >= fresh && a < r.LEO {
			style = &st.Hot
		}
		if fetch && a < r.LEO {
			if lit := hot.fetchLight(st, p.Topic, p.Partition, b.ID, a, end); lit != nil {
				style = lit
			}
		}
		if producing && a < r.LEO {
			if lit := hot.produceLight(st, prod, a, end); lit != nil {
				style = lit
			}
		}
		out.add(style, g)
	}
	return out.String()
}

// stripCell is the glyph for offset a of replica r.
func (c *clusterPane) stripCell(st *Styles, p *sim.PartitionView, r *sim.ReplicaView, role *lipgloss.Style, a int64, trunc *truncMark, hot *anim) (*lipgloss.Style, rune) {
	switch {
	case a >= r.LEO:
		if trunc != nil && a >= trunc.from && a < trunc.to {
			return &st.Struck, hot.crumbleAt(trunc)
		}
		return &st.Faint, stripMissing
	case a < r.LogStart:
		c.seen.deleted = true
		return &st.Faint, stripDeleted
	case r.Diverged && a >= r.DivergedAt:
		c.seen.diverged = true
		return &st.OutOfSync, stripDiverged
	case a >= p.HighWatermark:
		c.seen.above = true
		return role, stripAbove
	}
	return role, stripHave
}
