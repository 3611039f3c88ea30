package whatif

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// BoxView draws the what-if's chooser as a box at most maxH lines high.
func (w Modal) BoxView(st *theme.Styles, maxH int) string {
	if w.Stage == WiTypeUntil {
		box := w.typed.View(st)
		if w.Err != "" {
			box += "\n" + st.Error.Render(components.Sanitize(w.Err))
		}
		return box
	}
	var lines []string
	switch w.Stage {
	case WiRunning:
		lines = append(lines, st.Title.Render("What if "+w.Setting.Label(w.Value)+"?"),
			"running both branches from the start…")
		if w.Progress != nil {
			lines = append(lines, w.Progress.Line())
		}
		lines = append(lines, st.Faint.Render("esc calls it off: the run stays as it was"))
		return st.MenuBox.Render(strings.Join(lines, "\n"))
	case WiSetting:
		lines = append(lines, st.Title.Render("What if one setting were different?"),
			st.Faint.Render("both branches replay from the start: seed "+components.U64(w.Spec.Seed)+", the same timeline,"),
			st.Faint.Render(Plural(len(w.Hand), "command")+" given by hand at the same times"), "")
	case WiTarget:
		lines = append(lines, st.Title.Render(w.Setting.Name+": for which "+w.Setting.whom()+"?"), "")
	case WiValue:
		lines = append(lines, st.Title.Render(w.Setting.Name+" for "+w.Setting.whom()+" "+components.Sanitize(w.Target)+": what if it were…"), "")
	case WiUntil:
		lines = append(lines, st.Title.Render("What if "+w.Setting.Label(w.Value)+"? Run both branches to…"), "")
	}
	items := w.items(st)
	room := max(maxH-len(lines)-5, 3)
	if len(items) > room {
		from := min(max(w.Cursor-room/2, 0), len(items)-room)
		items = items[from : from+room]
	}
	lines = append(lines, items...)
	switch {
	case w.Err != "":
		lines = append(lines, "", st.Error.Render(components.Sanitize(w.Err)))
	case w.Stage == WiSetting && w.Cursor < len(WhatIfSettings):
		s := WhatIfSettings[w.Cursor]
		lines = append(lines, "", st.Faint.Render(components.Fit(s.doc(), 70)))
		if s.Trade != "" {
			for _, l := range components.Wrap("trades: "+s.Trade, 70) {
				lines = append(lines, st.Faint.Render(l))
			}
		}
	}
	lines = append(lines, st.Faint.Render("↑/↓ move · enter choose · esc back"))
	return st.MenuBox.Render(strings.Join(lines, "\n"))
}

// items renders the choices with the cursor and the value as played.
func (w Modal) items(st *theme.Styles) []string {
	cfg := w.world()
	var out []string
	for i, c := range w.Choices() {
		label := components.Sanitize(c)
		switch w.Stage {
		case WiSetting:
			s := WhatIfSettings[i]
			label += st.Faint.Render("  (" + s.whom() + ")")
			if len(s.Targets(cfg)) == 0 {
				label = c + " (no " + s.whom() + " here)"
			}
		case WiValue:
			if c == w.Setting.Current(cfg, w.Target) {
				label += " (as played)"
			}
		}
		if i == w.Cursor {
			out = append(out, st.Selected.Render("▸ "+ansi.Strip(label)))
		} else {
			out = append(out, "  "+label)
		}
	}
	return out
}

// ledgerLines draws a branch's delivery ledger w×h, as the simulator's
// ledger pane does (the screen passes its own, so both read alike).
type ledgerLines func(st *theme.Styles, l sim.LedgerSummary, w, h int) []string

// ResultView draws the comparison over the whole w×h screen.
func (w Modal) ResultView(st *theme.Styles, width, height int, footer string, ledger ledgerLines) []string {
	r := w.Result
	req := r.Req
	title := "What if " + req.Setting.Label(req.Value) + "?"
	if len(req.Setting.Targets(WhatIfWorld{Cfg: &req.Spec.Config, Hand: req.Hand})) > 1 {
		title += "  (" + req.Setting.whom() + " " + req.Target + ")"
	}
	out := []string{
		st.Title.Render(components.Sanitize(title)),
		st.Faint.Render(components.Sanitize("Both from the start with seed " + components.U64(req.Spec.Seed) + ", the scenario's timeline and " +
			Plural(countUntil(req.Hand, req.UntilMs), "command") + " given by hand at the same times, run to " + components.FmtMs(req.UntilMs) + ".")),
		"",
	}
	for _, l := range components.Wrap(components.Sanitize(r.Verdict), width-2) {
		out = append(out, st.Note.Render(" "+l+" "))
	}
	out = append(out, "")
	colW := (width - 1) / 2
	bodyH := max(height-len(out)-2, 4)
	left := sideColumn(st, "A · as played: "+r.A.Label, r.A, r.PartMs, colW, bodyH, ledger)
	right := sideColumn(st, "B · what if: "+r.B.Label, r.B, r.PartMs, width-colW-1, bodyH, ledger)
	out = append(out, components.SideBySide(left, components.Block(nil, 1, bodyH), right)...)
	out = append(out, "", components.Fit(footer, width))
	return components.Block(out, width, height)
}

// sideColumn is one branch: a heading, its ledger, what it skipped and
// what happened in it and not in the other.
func sideColumn(st *theme.Styles, heading string, side WhatIfSide, partMs int64, w, h int, ledger ledgerLines) []string {
	lines := []string{st.Bold.Render(components.Sanitize(heading))}
	if side.Err != nil {
		lines = append(lines, st.Error.Render("could not run:"))
		lines = append(lines, components.Wrap(components.Sanitize(side.Err.Error()), w)...)
		return components.Block(lines, w, h)
	}
	l := side.Ledger
	lines = append(lines, ledger(st, l, w, min(1+2*len(l.Groups)+len(l.Producers)+min(l.LogDuplicates, 1), h-1))...)
	for _, s := range side.Skipped {
		lines = append(lines, st.Faint.Render("skipped "+s))
	}
	lines = append(lines, "")
	if partMs < 0 {
		lines = append(lines, st.Faint.Render("the two branches did the same things throughout"))
		return components.Block(lines, w, h)
	}
	lines = append(lines, st.Faint.Render("only in this branch, from "+components.FmtMs(partMs)+" where the two part:"))
	for i := range side.Events {
		e := &side.Events[i]
		stamp := components.FmtMs(e.AtMs) + " "
		room := 3 // lines for an explanation; routine events get two
		if components.Noisy(e.Type) {
			room = 2
		}
		text := components.Wrap(components.Why(e), max(w-len(stamp), 10))
		if len(text) > room {
			text = append(text[:room-1], components.Fit(strings.Join(text[room-1:], " "), max(w-len(stamp), 10)))
		}
		for j, t := range text {
			if j == 0 {
				lines = append(lines, st.Faint.Render(stamp)+t)
			} else {
				lines = append(lines, strings.Repeat(" ", len(stamp))+t)
			}
		}
	}
	return components.Block(lines, w, h)
}

// countUntil counts the hand commands given by untilMs.
func countUntil(hand []sim.Applied, untilMs int64) int {
	n := 0
	for _, h := range hand {
		if h.AtMs <= untilMs {
			n++
		}
	}
	return n
}
