package simview

import (
	"kafkasim/sim"
	"kafkasim/ui/components"
)

// The smallest terminal the compact view draws in.
const (
	compactMinWidth  = 30
	compactMinHeight = 6
)

// wideWidth is where the screen switches to two columns.
const wideWidth = 140

// Rect is a pane's place on screen.
type Rect struct{ X, Y, W, H int }

// simLayout places the simulator's panes.
type simLayout struct {
	wide                                     bool
	header, Cluster, producers, Logs, Groups Rect
	ledger, narration, Timeline, footer      Rect
	// drill is where the ledger's drill-down goes when open: over the
	// panes that do not draw records, so the logs stay in sight.
	drill Rect
	// compact: too small for every pane; the cluster and the ledger only.
	compact  bool
	TooSmall bool
}

// contentNeeds is how many lines each pane would like (titles included),
// from the snapshot, and what the scenario is about.
type contentNeeds struct {
	producers, logs, logsMin, groups, ledger int
	// logsShort is the logs without the line of numbers under each ruler.
	logsShort int
	// clusterAt is what the cluster needs at a width: its boxes with log
	// strips, and with replica symbols only.
	clusterAt func(w int) (strips, tokens int)
	// groupsAt is what the groups need at a width: a line per member, and
	// the members' chips side by side.
	groupsAt func(w int) (full, compact int)
	focus    paneFocus
	// covered is how many rows above the timeline a lesson box covers:
	// they go to the narration, so the box hides no other pane.
	covered int
}

func needsOf(snap *sim.Snapshot, focus paneFocus) contentNeeds {
	n := contentNeeds{producers: 1, logs: 2, groups: 1, ledger: 1, focus: focus,
		clusterAt: func(w int) (int, int) {
			return 1 + clusterLines(snap, w, modeStrips), 1 + clusterLines(snap, w, modeTokens)
		},
		groupsAt: func(w int) (int, int) {
			return 1 + groupsLines(snap, w, false), 1 + groupsLines(snap, w, true)
		}}
	for _, p := range snap.Producers {
		n.producers += 2 + min(len(p.Batches), maxBatchLines)
		if len(p.Sequences) > 0 {
			n.producers++
		}
		if len(p.Batches) > maxBatchLines {
			n.producers++
		}
	}
	parts := 0
	for _, t := range snap.Topics {
		parts += len(t.Partitions)
	}
	n.logsShort = n.logs + 3*parts
	n.logs += 4 * parts
	n.logsMin = 1 + 3*min(parts, 1) // the key legend gives way first
	for i := range snap.Groups {
		n.groups += groupLineCount(&snap.Groups[i])
	}
	if len(snap.Groups) == 0 {
		n.groups++
	}
	n.ledger += 2*len(snap.Ledger.Groups) + len(snap.Ledger.Producers)
	return n
}

// ascending drops levels that are not above the one before.
func ascending(levels ...int) []int {
	out := levels[:1]
	for _, v := range levels[1:] {
		if v > out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// clampInt keeps v in [lo, hi] (hi wins when lo > hi).
func clampInt(v, lo, hi int) int { return max(min(v, hi), min(lo, hi)) }

// minNarration is the fewest lines the narration gets: a title, a note
// and an event.
const minNarration = 4

// computeLayout fits the panes to a w×h terminal. Every pane gets a
// minimum, then the lines its content needs in the order of what the
// scenario is about, and the narration takes what is left, so no pane is
// cut while rows stay blank.
func computeLayout(w, h int, need contentNeeds) simLayout {
	switch {
	case w < compactMinWidth || h < compactMinHeight:
		return simLayout{TooSmall: true}
	case w < components.MinWidth || h < components.MinHeight:
		return simLayout{compact: true, header: Rect{0, 0, w, 1}, Cluster: Rect{0, 1, w, h - 1}}
	}
	l := simLayout{header: Rect{0, 0, w, 1}}
	l.footer = Rect{0, h - 1, w, 1}
	l.Timeline = Rect{0, h - 3, w, 2}
	avail := h - 4 // between the header and the timeline
	if w >= wideWidth {
		return wideLayout(l, w, avail, need)
	}
	leftW := w * 11 / 20
	rightW := w - leftW - 1
	strips, tokens := need.clusterAt(leftW)
	gFull, gCompact := need.groupsAt(leftW)
	rowA := growable{levels: ascending(max(tokens, need.producers), max(strips, need.producers)), min: min(tokens, 7)}
	logs := growable{levels: ascending(need.logsShort, need.logs), min: need.logsMin}
	rowC := growable{levels: ascending(gCompact, max(gCompact, need.ledger), max(gFull, need.ledger)),
		min: clampInt(gCompact, 3, avail/2)}
	sizes := share(avail-max(minNarration, need.covered), need.focus.order(&rowA, &logs, &rowC), need.covered > 0)
	narrH := avail - sizes[&rowA] - sizes[&logs] - sizes[&rowC]
	y := 1
	l.Cluster = Rect{0, y, leftW, sizes[&rowA]}
	l.producers = Rect{leftW + 1, y, rightW, sizes[&rowA]}
	y += sizes[&rowA]
	l.Logs = Rect{0, y, w, sizes[&logs]}
	y += sizes[&logs]
	l.Groups = Rect{0, y, leftW, sizes[&rowC]}
	l.ledger = Rect{leftW + 1, y, rightW, sizes[&rowC]}
	y += sizes[&rowC]
	l.narration = Rect{0, y, w, narrH}
	l.drill = Rect{0, l.Groups.Y, w, sizes[&rowC] + narrH}
	return l
}

// wideLayout is two columns: the cluster and its logs on the left; the
// clients and the ledger on the right; the narration across the bottom.
func wideLayout(l simLayout, w, avail int, need contentNeeds) simLayout {
	l.wide = true
	leftW := w * 3 / 5
	rightW := w - leftW - 1
	strips, tokens := need.clusterAt(leftW)
	bodyMax := avail - max(minNarration, need.covered)
	cluster := growable{levels: ascending(tokens, strips), min: min(tokens, 7)}
	logs := growable{levels: ascending(need.logsShort, need.logs), min: need.logsMin}
	left := share(bodyMax, need.focus.order(&cluster, &logs), need.covered > 0)
	prod := growable{levels: []int{need.producers}, min: 3}
	gFull, gCompact := need.groupsAt(rightW)
	groups := growable{levels: ascending(gCompact, gFull), min: clampInt(gCompact, 3, avail/3)}
	ledger := growable{levels: []int{need.ledger}, min: 3}
	right := share(bodyMax, need.focus.order(&prod, &groups, &ledger), need.covered > 0)
	leftH := left[&cluster] + left[&logs]
	rightH := right[&prod] + right[&groups] + right[&ledger]
	bodyH := max(leftH, rightH)
	// What is cut gets the rows the other column leaves.
	if leftH < bodyH || logs.cut(left[&logs]) {
		left[&logs] += bodyH - leftH
	}
	if rightH < bodyH {
		right[&groups] += bodyH - rightH
	}
	narrH := avail - bodyH
	y := 1
	l.Cluster = Rect{0, y, leftW, left[&cluster]}
	l.Logs = Rect{0, y + left[&cluster], leftW, left[&logs]}
	x := leftW + 1
	l.producers = Rect{x, y, rightW, right[&prod]}
	l.Groups = Rect{x, y + right[&prod], rightW, right[&groups]}
	l.ledger = Rect{x, y + right[&prod] + right[&groups], rightW, right[&ledger]}
	l.narration = Rect{0, y + bodyH, w, narrH}
	l.drill = Rect{x, y, rightW, bodyH}
	return l
}

// paneAt says which pane covers the cell (x, y), for the mouse wheel.
func (l simLayout) paneAt(x, y int) (components.PaneID, bool) {
	in := func(r Rect) bool { return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H }
	switch {
	case in(l.Cluster):
		return components.PaneCluster, true
	case in(l.Logs):
		return components.PaneLogs, true
	case in(l.Groups):
		return components.PaneGroups, true
	case in(l.producers):
		return components.PaneProducers, true
	case in(l.ledger):
		return components.PaneLedger, true
	case in(l.narration):
		return components.PaneNarration, true
	}
	return 0, false
}
