package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// BoxView draws the what-if's chooser as a box at most maxH lines high.
func (w whatIf) BoxView(st *theme.Styles, maxH int) string {
	if w.stage == wiTypeUntil {
		box := w.typed.View(st)
		if w.err != "" {
			box += "\n" + st.Error.Render(components.Sanitize(w.err))
		}
		return box
	}
	var lines []string
	switch w.stage {
	case wiRunning:
		lines = append(lines, st.Title.Render("What if "+w.setting.label(w.value)+"?"),
			"running both branches from the start…")
		if w.progress != nil {
			lines = append(lines, w.progress.line())
		}
		lines = append(lines, st.Faint.Render("esc calls it off: the run stays as it was"))
		return st.MenuBox.Render(strings.Join(lines, "\n"))
	case wiSetting:
		lines = append(lines, st.Title.Render("What if one setting were different?"),
			st.Faint.Render("both branches replay from the start: seed "+components.U64(w.spec.Seed)+", the same timeline,"),
			st.Faint.Render(plural(len(w.hand), "command")+" given by hand at the same times"), "")
	case wiTarget:
		lines = append(lines, st.Title.Render(w.setting.Name+": for which "+w.setting.whom()+"?"), "")
	case wiValue:
		lines = append(lines, st.Title.Render(w.setting.Name+" for "+w.setting.whom()+" "+components.Sanitize(w.target)+": what if it were…"), "")
	case wiUntil:
		lines = append(lines, st.Title.Render("What if "+w.setting.label(w.value)+"? Run both branches to…"), "")
	}
	items := w.items(st)
	room := max(maxH-len(lines)-5, 3)
	if len(items) > room {
		from := min(max(w.cursor-room/2, 0), len(items)-room)
		items = items[from : from+room]
	}
	lines = append(lines, items...)
	switch {
	case w.err != "":
		lines = append(lines, "", st.Error.Render(components.Sanitize(w.err)))
	case w.stage == wiSetting && w.cursor < len(whatIfSettings):
		s := whatIfSettings[w.cursor]
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
func (w whatIf) items(st *theme.Styles) []string {
	cfg := w.world()
	var out []string
	for i, c := range w.choices() {
		label := components.Sanitize(c)
		switch w.stage {
		case wiSetting:
			s := whatIfSettings[i]
			label += st.Faint.Render("  (" + s.whom() + ")")
			if len(s.targets(cfg)) == 0 {
				label = c + " (no " + s.whom() + " here)"
			}
		case wiValue:
			if c == w.setting.current(cfg, w.target) {
				label += " (as played)"
			}
		}
		if i == w.cursor {
			out = append(out, st.Selected.Render("▸ "+ansi.Strip(label)))
		} else {
			out = append(out, "  "+label)
		}
	}
	return out
}

// ResultView draws the comparison over the whole w×h screen.
func (w whatIf) ResultView(st *theme.Styles, width, height int, footer string) []string {
	r := w.result
	req := r.Req
	title := "What if " + req.Setting.label(req.Value) + "?"
	if len(req.Setting.targets(whatIfWorld{cfg: &req.Spec.Config, hand: req.Hand})) > 1 {
		title += "  (" + req.Setting.whom() + " " + req.Target + ")"
	}
	out := []string{
		st.Title.Render(components.Sanitize(title)),
		st.Faint.Render(components.Sanitize("Both from the start with seed " + components.U64(req.Spec.Seed) + ", the scenario's timeline and " +
			plural(countUntil(req.Hand, req.UntilMs), "command") + " given by hand at the same times, run to " + components.FmtMs(req.UntilMs) + ".")),
		"",
	}
	for _, l := range components.Wrap(components.Sanitize(r.Verdict), width-2) {
		out = append(out, st.Note.Render(" "+l+" "))
	}
	out = append(out, "")
	colW := (width - 1) / 2
	bodyH := max(height-len(out)-2, 4)
	left := sideColumn(st, "A · as played: "+r.A.Label, r.A, r.PartMs, colW, bodyH)
	right := sideColumn(st, "B · what if: "+r.B.Label, r.B, r.PartMs, width-colW-1, bodyH)
	out = append(out, components.SideBySide(left, components.Block(nil, 1, bodyH), right)...)
	out = append(out, "", components.Fit(footer, width))
	return components.Block(out, width, height)
}

// sideColumn is one branch: a heading, its ledger, what it skipped and
// what happened in it and not in the other.
func sideColumn(st *theme.Styles, heading string, side whatIfSide, partMs int64, w, h int) []string {
	lines := []string{st.Bold.Render(components.Sanitize(heading))}
	if side.Err != nil {
		lines = append(lines, st.Error.Render("could not run:"))
		lines = append(lines, components.Wrap(components.Sanitize(side.Err.Error()), w)...)
		return components.Block(lines, w, h)
	}
	l := side.Ledger
	lp := newLedgerPane()
	lp.SetSize(w, min(1+2*len(l.Groups)+len(l.Producers)+min(l.LogDuplicates, 1), h-1))
	lines = append(lines, lp.Render(st, &sim.Snapshot{Ledger: l})...)
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
		if noisy(e.Type) {
			room = 2
		}
		text := components.Wrap(why(e), max(w-len(stamp), 10))
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

// whatIfView draws the screen while the what-if is open: the comparison,
// or the simulator with the chooser over it.
func (m *simScreen) whatIfView() string {
	if m.whatif.fullScreen() {
		footer := m.help.ShortHelpView(m.whatif.keys.ShortHelp())
		return strings.Join(m.whatif.ResultView(m.st, m.w, m.h, footer), "\n")
	}
	return strings.Join(components.Overlay(m.bodyLines(), m.whatif.BoxView(m.st, m.h), m.w), "\n")
}

// openWhatIf pauses and starts choosing a what-if at the current time.
func (m *simScreen) openWhatIf() {
	if m.run == nil {
		return
	}
	m.pause()
	m.whatif = m.whatif.Open(m.spec, m.hand, m.run.Now())
}
