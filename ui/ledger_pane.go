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
// once, duplicated, lost, pending.
type ledgerPane struct {
	pane
}

func newLedgerPane() ledgerPane { return ledgerPane{pane: pane{id: paneLedger}} }

// render draws the ledger of snap as l.w × l.h lines.
func (l *ledgerPane) render(st *Styles, snap *sim.Snapshot) []string {
	var body []string
	for _, g := range snap.Ledger.Groups {
		body = append(body, l.groupLines(st, g)...)
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

func (l *ledgerPane) groupLines(st *Styles, g sim.GroupLedger) []string {
	counts := st.Once.Render("once "+itoa(g.ExactlyOnce)) + " " + st.Duplicated.Render("dup "+itoa(g.Duplicated)) + " " +
		st.Lost.Render("lost "+itoa(g.Lost)) + " " + st.Pending.Render("pending "+itoa(g.Pending))
	barW := max(l.w-len(g.ID)-3, 8)
	bar := ledgerBar(st, barW, g)
	return []string{st.Bold.Render(sanitize(g.ID)) + " " + bar, "  " + counts}
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
