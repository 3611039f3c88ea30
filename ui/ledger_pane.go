package ui

import (
	"strings"

	"kafkasim/sim"
)

// Ledger bar glyphs: each outcome has its own character as well as colour.
const (
	barOnce    = "█"
	barDup     = "▒"
	barLost    = "✕"
	barPending = "·"
)

// ledgerPane shows, per group, what became of every record sent: exactly
// once, duplicated, lost, pending. While it has the focus a cursor picks
// one group's fate, for the drill-down to list.
type ledgerPane struct {
	pane
	cursor int  // group index × len(fateOrder) + fate index
	moved  bool // the learner has moved the cursor: focus leaves it be
}

func newLedgerPane() ledgerPane { return ledgerPane{pane: pane{id: paneLedger}} }

// render draws the ledger of snap as l.w × l.h lines.
func (l *ledgerPane) render(st *Styles, snap *sim.Snapshot) []string {
	var body []string
	l.cursor = min(l.cursor, max(len(fateOrder)*len(snap.Ledger.Groups)-1, 0))
	for i, g := range snap.Ledger.Groups {
		sel := -1
		if l.focused && i == l.cursor/len(fateOrder) {
			sel = l.cursor % len(fateOrder)
		}
		body = append(body, l.groupLines(st, g, sel)...)
	}
	for _, p := range snap.Ledger.Producers {
		body = append(body, st.Faint.Render(sanitize(p.ID)+": sent "+itoa(p.Sent)+" acked "+itoa(p.Acked)+
			" failed "+itoa(p.Failed)+" in flight "+itoa(p.InFlight)))
	}
	if snap.Ledger.LogDuplicates > 0 {
		body = append(body, st.Duplicated.Render("duplicate copies in the logs: "+itoa(snap.Ledger.LogDuplicates)))
	}
	if len(body) == 0 {
		body = append(body, st.Faint.Render("nothing sent yet"))
	}
	l.setTotal(len(body))
	from, to := l.window()
	legend := st.Once.Render(barOnce) + st.Faint.Render("once ") + st.Duplicated.Render(barDup) + st.Faint.Render("dup ") +
		st.Lost.Render(barLost) + st.Faint.Render("lost ") + st.Pending.Render(barPending) + st.Faint.Render("pending")
	return l.frame(st, legend, body[from:to])
}

// groupLines are a group's bar and counts; sel is the count the cursor is
// on (an index into fateOrder), -1 for none.
func (l *ledgerPane) groupLines(st *Styles, g sim.GroupLedger, sel int) []string {
	n := []int{g.ExactlyOnce, g.Duplicated, g.Lost, g.Pending}
	counts := " "
	for i, f := range fateOrder {
		text := fateShort(f) + " " + itoa(n[i])
		if i == sel {
			counts += st.Selected.Render("▸" + text)
			continue
		}
		counts += " " + fateStyle(st, f).Render(text)
	}
	barW := max(l.w-len(g.ID)-3, 8)
	bar := ledgerBar(st, barW, g)
	return []string{st.Bold.Render(sanitize(g.ID)) + " " + bar, counts}
}

// move moves the cursor n fates along, over groups groups, and scrolls
// its group into view.
func (l *ledgerPane) move(n, groups int) {
	l.moved = true
	l.cursor = min(max(l.cursor+n, 0), max(groups*len(fateOrder)-1, 0))
	top := 2 * (l.cursor / len(fateOrder)) // the group's bar line; its counts follow
	if top < l.offset {
		l.offset = top
	}
	if top+2 > l.offset+l.bodyHeight() {
		l.offset = top + 2 - l.bodyHeight()
	}
}

// pickDefault puts the cursor, until the learner moves it, on the first
// group's first duplicated or lost records: what a learner looks for.
func (l *ledgerPane) pickDefault(snap *sim.Snapshot) {
	if l.moved {
		return
	}
	l.cursor = 0
	for gi, g := range snap.Ledger.Groups {
		switch {
		case g.Duplicated > 0:
			l.cursor = gi*len(fateOrder) + 1
		case g.Lost > 0:
			l.cursor = gi*len(fateOrder) + 2
		default:
			continue
		}
		return
	}
}

// chosen is the group and fate index the cursor is on.
func (l *ledgerPane) chosen(snap *sim.Snapshot) (group string, fate int, ok bool) {
	gi := l.cursor / len(fateOrder)
	if gi >= len(snap.Ledger.Groups) {
		return "", 0, false
	}
	return snap.Ledger.Groups[gi].ID, l.cursor % len(fateOrder), true
}

// ledgerBar splits w cells in proportion to the four outcomes. A non-zero
// count of lost or duplicated records always gets at least one cell: those
// are the ones a learner must not miss.
func ledgerBar(st *Styles, w int, g sim.GroupLedger) string {
	total := g.ExactlyOnce + g.Duplicated + g.Lost + g.Pending
	if total == 0 {
		return st.Faint.Render(strings.Repeat(barPending, w))
	}
	cells := func(n int) int {
		c := n * w / total
		if n > 0 && c == 0 {
			c = 1
		}
		return c
	}
	dup, lost, pend := cells(g.Duplicated), cells(g.Lost), cells(g.Pending)
	once := max(w-dup-lost-pend, 0)
	if g.ExactlyOnce == 0 {
		pend += once
		once = 0
	}
	return st.Once.Render(strings.Repeat(barOnce, once)) + st.Duplicated.Render(strings.Repeat(barDup, dup)) +
		st.Lost.Render(strings.Repeat(barLost, lost)) + st.Pending.Render(strings.Repeat(barPending, pend))
}
