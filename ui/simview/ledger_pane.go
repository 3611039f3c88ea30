package simview

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// Ledger bar glyphs: each outcome has its own character as well as colour.
const (
	barOnce    = "█"
	barDup     = "▒"
	BarLost    = "✕"
	barSkipped = "»"
	barPending = "·"
)

// ledgerPane shows, per group, what became of every record sent: exactly
// once, duplicated, lost, skipped, pending. While it has the focus a cursor picks
// one group's fate, for the drill-down to list.
type ledgerPane struct {
	components.Pane
	cursor int  // group index × len(fateOrder) + fate index
	moved  bool // the learner has moved the cursor: focus leaves it be
	Lost   LostTracker
}

func NewLedgerPane() ledgerPane { return ledgerPane{Pane: components.Pane{ID: components.PaneLedger}} }

// Render draws the ledger of snap as l.w × l.h lines.
func (l *ledgerPane) Render(st *theme.Styles, snap *sim.Snapshot) []string {
	var body []string
	l.cursor = min(l.cursor, max(len(components.FateOrder)*len(snap.Ledger.Groups)-1, 0))
	for i, g := range snap.Ledger.Groups {
		sel := -1
		if l.Focused && i == l.cursor/len(components.FateOrder) {
			sel = l.cursor % len(components.FateOrder)
		}
		body = append(body, l.groupLines(st, g, sel)...)
	}
	for _, p := range snap.Ledger.Producers {
		body = append(body, st.Faint.Render(components.Sanitize(p.ID)+": sent "+components.Itoa(p.Sent)+" acked "+components.Itoa(p.Acked)+
			" failed "+components.Itoa(p.Failed)+" in flight "+components.Itoa(p.InFlight)))
	}
	if snap.Ledger.LogDuplicates > 0 {
		body = append(body, st.Duplicated.Render("duplicate copies in the logs: "+components.Itoa(snap.Ledger.LogDuplicates)))
	}
	if len(body) == 0 {
		body = append(body, st.Faint.Render("nothing sent yet"))
	}
	l.SetTotal(len(body))
	from, to := l.Window()
	return l.Frame(st, l.legend(st), body[from:to])
}

// legend names each bar glyph, in full words where the title has room,
// else in short ones; the glyphs keep them apart when spaces do not fit.
// Where nothing fits, the short spaced legend is cut at the pane's edge.
func (l *ledgerPane) legend(st *theme.Styles) string {
	build := func(name func(sim.Fate) string, sep string) string {
		var b strings.Builder
		for i, f := range components.FateOrder {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(components.FateStyle(st, f).Render(fateBar(f)) + st.Faint.Render(name(f)))
		}
		return b.String()
	}
	for _, try := range []struct {
		name func(sim.Fate) string
		sep  string
	}{{components.FateShort, " "}, {components.FateTiny, " "}, {components.FateTiny, ""}} {
		if legend := build(try.name, try.sep); lipgloss.Width(l.TitleLine(st, legend)) <= l.W {
			return legend
		}
	}
	return build(components.FateTiny, " ")
}

// groupLines are a group's bar and counts; sel is the count the cursor is
// on (an index into fateOrder), -1 for none.
func (l *ledgerPane) groupLines(st *theme.Styles, g sim.GroupLedger, sel int) []string {
	barW := max(l.W-len(g.ID)-3, 8)
	v, justLost := l.Lost.LostNow(g.ID)
	lit := 0
	if justLost {
		lit = l.Lost.litLost(v, barCells(barW, g).lost)
	}
	bar := ledgerBar(st, barW, g, lit)
	lines := []string{st.Bold.Render(components.Sanitize(g.ID)) + " " + bar, l.countsLine(st, g, sel, justLost)}
	if justLost {
		why := "  " + BarLost + " +" + components.Itoa(v.count-v.n) + " lost"
		if v.label != "" {
			why += ": " + components.Sanitize(v.label)
		}
		lines = append(lines, st.Hot.Render(components.Fit(why, l.W)))
	}
	return lines
}

// countsLine names each count in full where the pane is wide enough; a
// narrow pane shortens the names, then leaves out zero skipped and pending
// counts (never once, dup or lost, nor the one the cursor is on), and at
// last writes each count after its bar glyph.
func (l *ledgerPane) countsLine(st *theme.Styles, g sim.GroupLedger, sel int, justLost bool) string {
	n := fateCounts(g)
	build := func(name func(sim.Fate) string, dropZero bool) string {
		counts := " "
		for i, f := range components.FateOrder {
			optional := f == sim.FateSkipped || f == sim.FatePending
			if dropZero && optional && n[i] == 0 && i != sel {
				continue
			}
			text := name(f) + components.Itoa(n[i])
			if i == sel {
				counts += st.Selected.Render("▸" + text)
				continue
			}
			style := components.FateStyle(st, f)
			if n[i] == 0 {
				style = st.Faint // a zero is no news: "lost 0" is not red
			}
			if f == sim.FateLost && justLost {
				style = st.Hot
			}
			counts += " " + style.Render(text)
		}
		return counts
	}
	word := func(name func(sim.Fate) string) func(sim.Fate) string {
		return func(f sim.Fate) string { return name(f) + " " }
	}
	line := build(word(components.FateShort), false)
	if lipgloss.Width(line) > l.W {
		line = build(word(components.FateTiny), false)
	}
	if lipgloss.Width(line) > l.W {
		line = build(word(components.FateTiny), true)
	}
	if lipgloss.Width(line) > l.W {
		line = build(fateBar, false)
	}
	return line
}

// fateCounts are a group's counts in fateOrder.
func fateCounts(g sim.GroupLedger) []int {
	return []int{g.ExactlyOnce, g.Duplicated, g.Lost, g.Skipped, g.Pending}
}

// fateBar is the glyph a fate's share of the ledger bar is drawn with.
func fateBar(f sim.Fate) string {
	switch f {
	case sim.FateDuplicated:
		return barDup
	case sim.FateLost:
		return BarLost
	case sim.FateSkipped:
		return barSkipped
	case sim.FatePending:
		return barPending
	}
	return barOnce
}

// move moves the cursor n fates along, over groups groups, and scrolls
// its group into view.
func (l *ledgerPane) move(n, groups int) {
	l.moved = true
	l.cursor = min(max(l.cursor+n, 0), max(groups*len(components.FateOrder)-1, 0))
	top := 2 * (l.cursor / len(components.FateOrder)) // the group's bar line; its counts follow
	if top < l.Offset {
		l.Offset = top
	}
	if top+2 > l.Offset+l.BodyHeight() {
		l.Offset = top + 2 - l.BodyHeight()
	}
}

// pickDefault puts the cursor, until the learner moves it, on the first
// group's first duplicated or lost records, what a learner looks for; with
// none anywhere, on the first skipped ones.
func (l *ledgerPane) pickDefault(snap *sim.Snapshot) {
	if l.moved {
		return
	}
	l.cursor = 0
	for gi, g := range snap.Ledger.Groups {
		switch {
		case g.Duplicated > 0:
			l.cursor = gi*len(components.FateOrder) + 1
		case g.Lost > 0:
			l.cursor = gi*len(components.FateOrder) + 2
		default:
			continue
		}
		return
	}
	for gi, g := range snap.Ledger.Groups {
		if g.Skipped > 0 {
			l.cursor = gi*len(components.FateOrder) + 3
			return
		}
	}
}

// Chosen is the group and fate index the cursor is on.
func (l *ledgerPane) Chosen(snap *sim.Snapshot) (group string, fate int, ok bool) {
	gi := l.cursor / len(components.FateOrder)
	if gi >= len(snap.Ledger.Groups) {
		return "", 0, false
	}
	return snap.Ledger.Groups[gi].ID, l.cursor % len(components.FateOrder), true
}

// ledgerBar splits w cells in proportion to the five outcomes. Any non-zero
// count but exactly once always gets at least one cell: lost and
// duplicated records are the ones a learner must not miss.
// litLost of its lost cells are drawn lit: records just lost.
func ledgerBar(st *theme.Styles, w int, g sim.GroupLedger, litLost int) string {
	if g.ExactlyOnce+g.Duplicated+g.Lost+g.Skipped+g.Pending == 0 {
		return st.Faint.Render(strings.Repeat(barPending, w))
	}
	c := barCells(w, g)
	litLost = min(litLost, c.lost)
	return st.Once.Render(strings.Repeat(barOnce, c.once)) + st.Duplicated.Render(strings.Repeat(barDup, c.dup)) +
		st.Hot.Render(strings.Repeat(BarLost, litLost)) + st.Lost.Render(strings.Repeat(BarLost, c.lost-litLost)) +
		st.Skipped.Render(strings.Repeat(barSkipped, c.skip)) + st.Pending.Render(strings.Repeat(barPending, c.pend))
}

// barShares are the cells each outcome takes in a ledger bar.
type barShares struct{ once, dup, lost, skip, pend int }

// barCells splits w cells in proportion to g's outcomes.
func barCells(w int, g sim.GroupLedger) barShares {
	total := max(g.ExactlyOnce+g.Duplicated+g.Lost+g.Skipped+g.Pending, 1)
	cells := func(n int) int {
		c := n * w / total
		if n > 0 && c == 0 {
			c = 1
		}
		return c
	}
	b := barShares{dup: cells(g.Duplicated), lost: cells(g.Lost), skip: cells(g.Skipped), pend: cells(g.Pending)}
	b.once = max(w-b.dup-b.lost-b.skip-b.pend, 0)
	if g.ExactlyOnce == 0 {
		b.pend += b.once
		b.once = 0
	}
	return b
}
