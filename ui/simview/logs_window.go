package simview

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// logView is where the learner put the logs' offset window: following
// what matters (pin < 0, shift 0), shifted by < and >, or pinned by g.
type logView struct {
	pin   int64 // first offset shown, -1 to follow
	shift int64 // offsets moved right (+) or left (−) of the followed window
}

// Following reports whether the window follows the partition's markers.
func (v logView) Following() bool { return v.pin < 0 && v.shift == 0 }

// tailEnd is one past the shown log's end (the leader's, or when
// offline the longest replica's): the window's right end when it follows
// the tail, so a marker at the log end has a slot. A follower whose log
// runs past it has diverged (an unclean election); its end shows in the
// numbers under the ruler and in the cluster's strips.
func tailEnd(p *sim.PartitionView) int64 { return p.LogEnd + 1 }

// offsetWindow is the offsets [start, end) drawn for a partition. It
// follows what matters: the tail (HW, LEO), and the focused group's
// committed offset and position when they are further back, which then
// win over the tail (HW and LEO always show as numbers at the row ends).
func (l *logsPane) offsetWindow(snap *sim.Snapshot, p *sim.PartitionView, slots int) (start, end int64) {
	tail := tailEnd(p)
	last := max(tail-int64(slots), 0)
	if l.View.pin >= 0 {
		start = min(l.View.pin, last)
		return start, start + int64(slots)
	}
	start = last
	if lo, ok := l.groupLow(snap, p); ok && lo < start {
		start = max(lo-2, 0) // two slots of context before the marker
	}
	start = min(max(start+l.View.shift, 0), last)
	return start, start + int64(slots)
}

// GroupOffset is the focused group's offsets on p.
func (l *logsPane) GroupOffset(snap *sim.Snapshot, p *sim.PartitionView) (sim.GroupOffset, bool) {
	for gi := range snap.Groups {
		g := &snap.Groups[gi]
		if l.group != "" && g.ID != l.group {
			continue
		}
		for _, o := range g.Offsets {
			if o.Topic == p.Topic && o.Partition == p.Partition {
				return o, true
			}
		}
		if l.group != "" {
			break
		}
	}
	return sim.GroupOffset{}, false
}

// groupLow is the lower of the focused group's committed offset and
// position on p.
func (l *logsPane) groupLow(snap *sim.Snapshot, p *sim.PartitionView) (int64, bool) {
	o, ok := l.GroupOffset(snap, p)
	if !ok {
		return 0, false
	}
	lo, has := int64(-1), false
	for _, v := range []int64{o.Committed, o.Position} {
		if v >= 0 && (!has || v < lo) {
			lo, has = v, true
		}
	}
	return lo, has
}

// ruler is the offset ruler under a partition's log, with the focused
// group's committed offset (C) and position (^) on it; the ones outside
// the window are drawn at its edges with their values ("◂C20 ^35",
// "C130▸"), never dropped.
func (l *logsPane) ruler(st *theme.Styles, snap *sim.Snapshot, p *sim.PartitionView, start, end int64, labelW int, hot *Anim) string {
	var left, right []string
	cells := RulerCells(start, end)
	if o, ok := l.GroupOffset(snap, p); ok {
		cHot := hot.Is(HotKey{Kind: hotCommit, S1: l.group, S2: p.Topic, N1: p.Partition})
		for _, m := range []struct {
			sym  rune
			v    int64
			kind rulerKind
		}{{'C', o.Committed, RulerCommitted}, {'^', o.Position, rulerPosition}} {
			switch {
			case m.v < 0:
			case m.v < start:
				left = append(left, string(m.sym)+components.I64(m.v))
			case m.v >= end:
				right = append(right, string(m.sym)+components.I64(m.v))
			default:
				kind := m.kind
				if kind == RulerCommitted && cHot {
					kind = rulerHot
				}
				cells.Mark(int(m.v-start)*2, m.sym, kind)
			}
		}
		if o.Committed >= start {
			cells.Slide(hot, HotKey{Kind: HotCommitFrom, S1: l.group, S2: p.Topic, N1: p.Partition}, o.Committed, start, end)
		}
	}
	out := components.Runs{Cache: &l.runCache}
	lead := strings.Repeat(" ", labelW)
	skip := 0
	if len(left) > 0 {
		edge := "◂" + strings.Join(left, " ") + " "
		w := len([]rune(edge))
		lead = components.Fit(edge, max(labelW, w))
		skip = max(w-labelW, 0) // the edge text wins over the first numbers
	}
	out.Text(&st.Committed, lead)
	for i := skip; i < len(cells.R); i++ {
		out.Add(cells.Style(st, i), cells.R[i])
	}
	if len(right) > 0 {
		out.Add(nil, ' ')
		out.Text(&st.Committed, strings.Join(right, " ")+"▸")
	}
	return out.String()
}

// rulerKind is what a ruler cell shows.
type rulerKind uint8

const (
	rulerNumber rulerKind = iota
	RulerCommitted
	rulerPosition
	rulerHot
	rulerTrail // where C slid from
)

// rulerRow is a ruler's cells: numbers, and the marks drawn over them.
type rulerRow struct {
	R     []rune
	kinds []rulerKind
}

func (c rulerRow) Style(st *theme.Styles, i int) *lipgloss.Style {
	switch c.kinds[i] {
	case RulerCommitted:
		return &st.Committed
	case rulerPosition:
		return &st.Position
	case rulerHot:
		return &st.Hot
	case rulerTrail:
		return &st.Committed
	}
	return &st.Faint
}

// Mark draws sym at cell i (or the next one when i holds a mark), and
// blanks the number it lands on so no digit reads as part of it.
func (c *rulerRow) Mark(i int, sym rune, k rulerKind) {
	if i < len(c.R) && c.kinds[i] != rulerNumber {
		i++
	}
	if i >= len(c.R) {
		return
	}
	for j := i; j >= 0 && c.R[j] != ' ' && c.kinds[j] == rulerNumber; j-- {
		c.R[j] = ' '
	}
	for j := i + 1; j < len(c.R) && c.R[j] != ' ' && c.kinds[j] == rulerNumber; j++ {
		c.R[j] = ' '
	}
	c.R[i], c.kinds[i] = sym, k
}

// RulerCells numbers the offsets [start, end), two cells each, every
// step offsets, the step chosen so the numbers never touch.
func RulerCells(start, end int64) rulerRow {
	n := int(end - start)
	row := rulerRow{R: make([]rune, 2*n), kinds: make([]rulerKind, 2*n)}
	for i := range row.R {
		row.R[i] = ' '
	}
	labelW := len(components.I64(end)) + 1
	step := int64(1)
	for _, s := range []int64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000} {
		step = s
		if 2*s >= int64(labelW+3) {
			break
		}
	}
	first := (start + step - 1) / step * step
	for o := first; o < end; o += step {
		at := int(o-start) * 2
		num := components.I64(o)
		if at+len(num) > len(row.R) {
			break
		}
		copy(row.R[at:], []rune(num))
	}
	return row
}
