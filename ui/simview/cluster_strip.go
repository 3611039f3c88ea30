package simview

import (
	"github.com/charmbracelet/lipgloss"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
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

// Crumble is how truncated records fall away, frame by frame.
var Crumble = []rune{'▓', '▒', '░'}

// CrumbleAt is a truncated record's glyph at its truncation's age.
func (a *Anim) CrumbleAt(t *truncMark) rune {
	if a.Still {
		return Crumble[len(Crumble)-1]
	}
	return Crumble[min(t.age*len(Crumble)/max(t.total, 1), len(Crumble)-1)]
}

// stripScale maps a partition's offsets onto a strip's cells, the same for
// every broker so the strips line up.
type stripScale struct {
	lo, hi int64
	cells  int
}

// partitionScale spans every replica's log, and records just truncated so
// they can crumble in place.
func partitionScale(p *sim.PartitionView, hot *Anim, cells int) stripScale {
	lo, hi := p.LogStart, p.LogEnd
	for _, r := range p.ReplicaLogs {
		lo, hi = min(lo, r.LogStart), max(hi, r.LEO)
	}
	for _, t := range hot.Truncs {
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
func (c *clusterPane) stripLines(st *theme.Styles, snap *sim.Snapshot, b *sim.BrokerView, hot *Anim, inner int) []string {
	labelW := 1
	for ti := range snap.Topics {
		labelW = max(labelW, len(components.Itoa(len(snap.Topics[ti].Partitions)-1)))
	}
	cells := inner - labelW - 2
	multi := len(snap.Topics) > 1
	var lines []string
	for h := range heldReplicas(snap, b.ID) {
		if h.firstOfTopic && multi {
			lines = append(lines, st.Faint.Render(components.Fit(components.Sanitize(h.topic.Name), inner)))
		}
		lines = append(lines, c.StripLine(st, h.p, h.r, b, hot, labelW, cells))
	}
	if len(lines) == 0 {
		lines = append(lines, st.Faint.Render("no replicas"))
	}
	return lines
}

// StripLine is one replica: the partition number, its role, and its log.
func (c *clusterPane) StripLine(st *theme.Styles, p *sim.PartitionView, r *sim.ReplicaView, b *sim.BrokerView, hot *Anim, labelW, cells int) string {
	out := components.Runs{Cache: &c.cache}
	num := components.Itoa(p.Partition)
	for range labelW - len(num) {
		out.Add(nil, ' ')
	}
	out.Text(&st.Faint, num)
	sym, role := c.replicaRole(st, p, r, b)
	symStyle := role
	if replicaLit(hot, p, b.ID) {
		symStyle = &st.Hot
	}
	out.Text(symStyle, sym)
	prod, producing := hot.producing(p.Topic, p.Partition, b.ID)
	if producing && hot.produceArriving(prod) {
		out.Add(&st.Hot, glyphProduceIn) // a batch coming in from a producer
	} else {
		out.Add(nil, ' ')
	}
	if r == nil || cells <= 0 {
		return out.String()
	}
	scale := partitionScale(p, hot, cells)
	fresh := int64(-1)
	if v, ok := hot.Get(HotKey{Kind: HotReplica, S1: p.Topic, N1: p.Partition, N2: b.ID}); ok && v.count > 0 {
		fresh = r.LEO - int64(v.count)
	}
	fetch := hot.Fetching(p.Topic, p.Partition, b.ID)
	if hot.Is(HotKey{Kind: hotFetchIn, S1: p.Topic, N1: p.Partition, N2: b.ID}) {
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
		out.Add(style, g)
	}
	return out.String()
}

// stripCell is the glyph for offset a of replica r.
func (c *clusterPane) stripCell(st *theme.Styles, p *sim.PartitionView, r *sim.ReplicaView, role *lipgloss.Style, a int64, trunc *truncMark, hot *Anim) (*lipgloss.Style, rune) {
	switch {
	case a >= r.LEO:
		if trunc != nil && a >= trunc.from && a < trunc.to {
			return &st.Struck, hot.CrumbleAt(trunc)
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
