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
	wide                                           bool
	header, cluster, producers, logs, groups       rect
	ledger, narration, timeline, footer            rect
	tooSmall                                       bool
}

// contentNeeds is how many lines each pane would like, from the snapshot.
type contentNeeds struct {
	cluster, producers, groups, ledger, narration int
}

func needsOf(snap *sim.Snapshot) contentNeeds {
	n := contentNeeds{cluster: 1 + len(snap.Brokers), producers: 1, groups: 1, ledger: 1, narration: 4}
	for _, p := range snap.Producers {
		n.producers += 2 + min(len(p.Batches), maxBatchLines)
	}
	for _, g := range snap.Groups {
		n.groups += 1 + len(g.Members)
	}
	n.ledger += 2*len(snap.Ledger.Groups) + len(snap.Ledger.Producers)
	return n
}

// clampInt keeps v in [lo, hi] (hi wins when lo > hi).
func clampInt(v, lo, hi int) int { return max(min(v, hi), min(lo, hi)) }

// computeLayout fits the panes to a w×h terminal.
func computeLayout(w, h int, need contentNeeds) simLayout {
	if w < minWidth || h < minHeight {
		return simLayout{tooSmall: true}
	}
	l := simLayout{header: rect{0, 0, w, 1}}
	l.footer = rect{0, h - 1, w, 1}
	l.timeline = rect{0, h - 3, w, 2}
	if w >= wideWidth {
		// Two columns: the cluster and its logs on the left; clients, the
		// ledger and the narration (which takes what is left) on the right.
		l.wide = true
		top, bodyH := 1, h-4
		leftW := w * 3 / 5
		rightW := w - leftW - 1
		clusterH := clampInt(need.cluster, 3, bodyH/3)
		l.cluster = rect{0, top, leftW, clusterH}
		l.logs = rect{0, top + clusterH, leftW, bodyH - clusterH}
		prodH := clampInt(need.producers, 3, bodyH/4)
		groupsH := clampInt(need.groups, 3, bodyH/4)
		ledgerH := clampInt(need.ledger, 3, bodyH/5)
		x := leftW + 1
		l.producers = rect{x, top, rightW, prodH}
		l.groups = rect{x, top + prodH, rightW, groupsH}
		l.ledger = rect{x, top + prodH + groupsH, rightW, ledgerH}
		y := top + prodH + groupsH + ledgerH
		l.narration = rect{x, y, rightW, top + bodyH - y}
		return l
	}
	narrH := clampInt(need.narration, 4, h/6)
	l.narration = rect{0, h - 3 - narrH, w, narrH}
	top, bottom := 1, l.narration.y // body rows [top, bottom)
	bodyH := bottom - top
	leftW := w * 11 / 20
	rightW := w - leftW - 1
	rowA := clampInt(max(need.cluster, need.producers), 3, bodyH/4)
	rowC := clampInt(max(need.groups, need.ledger), 3, bodyH/4)
	l.cluster = rect{0, top, leftW, rowA}
	l.producers = rect{leftW + 1, top, rightW, rowA}
	l.logs = rect{0, top + rowA, w, bodyH - rowA - rowC}
	l.groups = rect{0, bottom - rowC, leftW, rowC}
	l.ledger = rect{leftW + 1, bottom - rowC, rightW, rowC}
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
