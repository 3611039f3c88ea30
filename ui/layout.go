package ui

import "kafkasim/sim"

// The smallest terminal the simulator screen draws in.
const (
	minWidth  = 80
	minHeight = 24
)

// wideWidth is where the screen switches to two columns.
const wideWidth = 140

// rect is a pane's place on screen.
type rect struct{ x, y, w, h int }

// simLayout places the simulator's panes.
type simLayout struct {
	wide                                     bool
	header, cluster, producers, logs, groups rect
	ledger, narration, timeline, footer      rect
	// drill is where the ledger's drill-down goes when open: over the
	// panes that do not draw records, so the logs stay in sight.
	drill    rect
	tooSmall bool
}

// contentNeeds is how many lines each pane would like, from the snapshot.
type contentNeeds struct {
	cluster, producers, logs, groups, ledger int
	// clusterAt is what the cluster needs at a width: its boxes with log
	// strips (nil: cluster as is).
	clusterAt func(w int) int
}

// clusterFor is the cluster's need at width w.
func (n contentNeeds) clusterFor(w int) int {
	if n.clusterAt == nil {
		return n.cluster
	}
	return n.clusterAt(w)
}

func needsOf(snap *sim.Snapshot) contentNeeds {
	n := contentNeeds{cluster: 1 + len(snap.Brokers), producers: 1, logs: 2, groups: 1, ledger: 1,
		clusterAt: func(w int) int { return 1 + clusterLines(snap, w, modeStrips) }}
	for _, p := range snap.Producers {
		n.producers += 2 + min(len(p.Batches), maxBatchLines)
		if len(p.Sequences) > 0 {
			n.producers++
		}
	}
	for _, t := range snap.Topics {
		n.logs += 3 * len(t.Partitions)
	}
	for _, g := range snap.Groups {
		n.groups += 1 + len(g.Members)
	}
	n.ledger += 2*len(snap.Ledger.Groups) + len(snap.Ledger.Producers)
	return n
}

// clampInt keeps v in [lo, hi] (hi wins when lo > hi).
func clampInt(v, lo, hi int) int { return max(min(v, hi), min(lo, hi)) }

// minNarration is the fewest lines the narration gets: a note and an event.
const minNarration = 4

// computeLayout fits the panes to a w×h terminal. Panes get the lines their
// content needs, within caps; the narration takes whatever is left over.
func computeLayout(w, h int, need contentNeeds) simLayout {
	if w < minWidth || h < minHeight {
		return simLayout{tooSmall: true}
	}
	l := simLayout{header: rect{0, 0, w, 1}}
	l.footer = rect{0, h - 1, w, 1}
	l.timeline = rect{0, h - 3, w, 2}
	avail := h - 4 // between the header and the timeline
	if w >= wideWidth {
		return wideLayout(l, w, avail, need)
	}
	leftW := w * 11 / 20
	rowA := clampInt(max(need.clusterFor(leftW), need.producers), 3, avail/4)
	rowC := clampInt(max(need.groups, need.ledger), 3, avail/4)
	logsH := clampInt(need.logs, 5, avail-rowA-rowC-minNarration)
	narrH := avail - rowA - rowC - logsH
	rightW := w - leftW - 1
	y := 1
	l.cluster = rect{0, y, leftW, rowA}
	l.producers = rect{leftW + 1, y, rightW, rowA}
	y += rowA
	l.logs = rect{0, y, w, logsH}
	y += logsH
	l.groups = rect{0, y, leftW, rowC}
	l.ledger = rect{leftW + 1, y, rightW, rowC}
	y += rowC
	l.narration = rect{0, y, w, narrH}
	l.drill = rect{0, l.groups.y, w, rowC + narrH}
	return l
}

// wideLayout is two columns: the cluster and its logs on the left; the
// clients and the ledger on the right; the narration across the bottom.
func wideLayout(l simLayout, w, avail int, need contentNeeds) simLayout {
	l.wide = true
	leftW := w * 3 / 5
	rightW := w - leftW - 1
	clusterH := clampInt(need.clusterFor(leftW), 3, avail/3)
	prodH := clampInt(need.producers, 3, avail/4)
	groupsH := clampInt(need.groups, 3, avail/4)
	ledgerH := clampInt(need.ledger, 3, avail/5)
	bodyNeed := max(clusterH+need.logs, prodH+groupsH+ledgerH)
	narrH := clampInt(avail-bodyNeed, minNarration, avail/3)
	bodyH := avail - narrH
	y := 1
	l.cluster = rect{0, y, leftW, clusterH}
	l.logs = rect{0, y + clusterH, leftW, bodyH - clusterH}
	x := leftW + 1
	l.producers = rect{x, y, rightW, prodH}
	l.groups = rect{x, y + prodH, rightW, bodyH - prodH - ledgerH}
	l.ledger = rect{x, y + bodyH - ledgerH, rightW, ledgerH}
	l.narration = rect{0, y + bodyH, w, narrH}
	l.drill = rect{x, y, rightW, bodyH}
	return l
}

// paneAt says which pane covers the cell (x, y), for the mouse wheel.
func (l simLayout) paneAt(x, y int) (paneID, bool) {
	in := func(r rect) bool { return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h }
	switch {
	case in(l.cluster):
		return paneCluster, true
	case in(l.logs):
		return paneLogs, true
	case in(l.groups):
		return paneGroups, true
	case in(l.producers):
		return paneProducers, true
	case in(l.ledger):
		return paneLedger, true
	case in(l.narration):
		return paneNarration, true
	}
	return 0, false
}
