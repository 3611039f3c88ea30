package ui

import (
	"strings"

	"kafkasim/sim"
)

// logView is where the learner put the logs' offset window: following
// what matters (pin < 0, shift 0), shifted by < and >, or pinned by g.
type logView struct {
	pin   int64 // first offset shown, -1 to follow
	shift int64 // offsets moved right (+) or left (−) of the followed window
}

// following reports whether the window follows the partition's markers.
func (v logView) following() bool { return v.pin < 0 && v.shift == 0 }

// tailEnd is one past the longest replica's log: the window's right end
// when it follows the tail, so a marker at the log end has a slot.
func tailEnd(p *sim.PartitionView) int64 {
	end := p.LogEnd
	for _, r := range p.ReplicaLogs {
		end = max(end, r.LEO)
	}
	return end + 1
}

// offsetWindow is the offsets [start, end) drawn for a partition. It
// follows what matters: the tail (HW, LEO), and the focused group's
// committed offset and position when they are further back, which then
// win over the tail (HW and LEO always show as numbers at the row ends).
func (l *logsPane) offsetWindow(snap *sim.Snapshot, p *sim.PartitionView, slots int) (start, end int64) {
	tail := tailEnd(p)
	last := max(tail-int64(slots), 0)
	if l.view.pin >= 0 {
		start = min(l.view.pin, last)
		return start, start + int64(slots)
	}
	start = last
	if lo, ok := l.groupLow(snap, p); ok && lo < start {
		start = max(lo-2, 0) // two slots of context before the marker
	}
	start = min(max(start+l.view.shift, 0), last)
	return start, start + int64(slots)
}

// groupOffset is the focused group's offsets on p.
func (l *logsPane) groupOffset(snap *sim.Snapshot, p *sim.PartitionView) (sim.GroupOffset, bool) {
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
	o, ok := l.groupOffset(snap, p)
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
// group's markers that fall outside the window drawn at its edges with
// their values ("◂C20 ^35", "C130▸"), never dropped.
func (l *logsPane) ruler(st *Styles, snap *sim.Snapshot, p *sim.PartitionView, start, end int64, labelW int) string {
	var left, right []string
	if o, ok := l.groupOffset(snap, p); ok {
		for _, m := range []struct {
			sym string
			v   int64
		}{{"C", o.Committed}, {"^", o.Position}} {
			switch {
			case m.v < 0:
			case m.v < start:
				left = append(left, m.sym+i64(m.v))
			case m.v >= end:
				right = append(right, m.sym+i64(m.v))
			}
		}
	}
	cells := []rune(rulerCells(start, end))
	lead := strings.Repeat(" ", labelW)
	if len(left) > 0 {
		edge := "◂" + strings.Join(left, " ") + " "
		w := len([]rune(edge))
		lead = fit(edge, max(labelW, w))
		if w > labelW { // the edge text wins over the first numbers
			cells = cells[min(w-labelW, len(cells)):]
		}
	}
	out := st.Committed.Render(lead) + st.Faint.Render(string(cells))
	if len(right) > 0 {
		out += " " + st.Committed.Render(strings.Join(right, " ")+"▸")
	}
	return out
}

// rulerCells numbers the offsets [start, end), two cells each, every
// step offsets, the step chosen so the numbers never touch.
func rulerCells(start, end int64) string {
	n := int(end - start)
	cells := make([]rune, 2*n)
	for i := range cells {
		cells[i] = ' '
	}
	labelW := len(i64(end)) + 1
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
		num := i64(o)
		if at+len(num) > len(cells) {
			break
		}
		copy(cells[at:], []rune(num))
	}
	return string(cells)
}
