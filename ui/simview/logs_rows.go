package simview

import (
	"strings"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// writeMarkers draws the replication marks under the records: H at the
// high watermark, L at the leader's log end, a follower's broker digit at
// its log end; two marks fit under one record, a third shows as +.
func (l *logsPane) writeMarkers(b *strings.Builder, snap *sim.Snapshot, p *sim.PartitionView, start, end int64, hot *Anim) {
	hwHot := hot.Is(HotKey{Kind: hotHW, S1: p.Topic, N1: p.Partition})
	trail := hwTrailFrom(hot, p)
	for o := start; o < end; o++ {
		var marks [2]rune
		var styles [2]components.CellStyle
		n := 0
		put := func(r rune, s components.CellStyle) {
			switch {
			case n < 2:
				marks[n], styles[n] = r, s
			default:
				marks[1], styles[1] = '+', components.CellBold
			}
			n++
		}
		if o == p.HighWatermark {
			s := components.CellBold
			if hwHot {
				s = components.CellHot
			}
			put('H', s)
		}
		if o == p.LogEnd && p.Leader != 0 {
			put('L', components.CellLeader)
		}
		for _, r := range p.ReplicaLogs {
			if r.Leader || r.LEO != o {
				continue
			}
			s := components.CellInSync
			switch {
			case !r.Online:
				s = components.CellFaint
			case !r.InSync:
				s = components.CellOutOfSync
			}
			put(brokerDigit(r.Broker), s)
		}
		if n == 0 && o >= trail && o < p.HighWatermark {
			put(glyphHWTrail, components.CellHot) // where H slid from
		}
		for i := range marks {
			if marks[i] == 0 {
				marks[i], styles[i] = ' ', components.CellPlain
			}
		}
		b.WriteString(l.cells.Get(styles[0], marks[0], 0))
		b.WriteString(l.cells.Get(styles[1], marks[1], 0))
	}
}

// reveal scrolls the pane so the partition's strip is on screen.
func (l *logsPane) reveal(snap *sim.Snapshot, topic string, partition int) {
	b := 0
	for _, t := range snap.Topics {
		for _, p := range t.Partitions {
			if p.Topic == topic && p.Partition == partition {
				first := l.head + b*l.rowsPer // line 0 may be the key legend
				if first+l.rowsPer > l.Offset+l.BodyHeight() {
					l.Offset = first + l.rowsPer - l.BodyHeight()
				}
				l.Offset = min(l.Offset, first)
				return
			}
			b++
		}
	}
}

// brokerDigit is the one-cell name of a broker in the marker row.
func brokerDigit(id int) rune {
	if id >= 1 && id <= 9 {
		return rune('0' + id)
	}
	return '*'
}

// detail spells out the numbers the marker row draws.
func (l *logsPane) detail(st *theme.Styles, snap *sim.Snapshot, p *sim.PartitionView, labelW int, hot *Anim) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", labelW))
	b.WriteString(st.Faint.Render("start " + components.I64(p.LogStart)))
	for _, r := range p.ReplicaLogs {
		if r.Leader {
			continue
		}
		sym, style := symOutOfSync, st.OutOfSync
		switch {
		case !r.Online:
			sym, style = SymOffline, st.Offline
		case r.InSync:
			sym, style = symInSync, st.InSync
		}
		b.WriteString(" " + style.Render("b"+components.Itoa(r.Broker)+sym+components.I64(r.LEO)))
	}
	for gi := range snap.Groups {
		g := &snap.Groups[gi]
		for _, off := range g.Offsets {
			if off.Topic != p.Topic || off.Partition != p.Partition {
				continue
			}
			b.WriteString(st.Faint.Render(" │ ") + st.Committed.Render(components.Sanitize(g.ID)+" C"+offsetText(off.Committed)))
			if off.Position >= 0 {
				b.WriteString(st.Position.Render(" ^" + components.I64(off.Position)))
			}
			if off.Lag >= 0 {
				b.WriteString(st.Faint.Render(" lag " + components.I64(off.Lag)))
			}
		}
	}
	for _, t := range hot.Truncs {
		if t.topic == p.Topic && t.partition == p.Partition {
			b.WriteString(" " + st.Struck.Render("✂ b"+components.Itoa(t.broker)+" dropped "+components.I64(t.from)+"–"+components.I64(t.to-1)))
		}
	}
	return b.String()
}

// offsetText writes an offset, "-" when there is none (-1).
func offsetText(o int64) string {
	if o < 0 {
		return "-"
	}
	return components.I64(o)
}

// BrokerDown reports whether broker id is down in snap.
func BrokerDown(snap *sim.Snapshot, id int) bool {
	for _, b := range snap.Brokers {
		if b.ID == id {
			return b.State == sim.BrokerDown
		}
	}
	return false
}
