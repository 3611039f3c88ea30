package keys

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
)

// HelpBoxFrame is the width the help box's border and padding take.
const HelpBoxFrame = 4

// FullHelpView draws km's full help for the `?` box within width w. The
// screen's own columns are kept when they fit; otherwise every key is
// reflowed into as many columns as fit, so none is cut off behind an
// ellipsis (a lesson's keys and the simulator's under them are five
// columns, too wide for 80).
func FullHelpView(h help.Model, km help.KeyMap, w int) string {
	h.Width = 0 // measure, do not cut
	own := km.FullHelp()
	if v := h.FullHelpView(own); blockWidth(v) <= w {
		return v
	}
	var flat []key.Binding
	for _, col := range own {
		for _, b := range col {
			if b.Enabled() && b.Help().Key != "" {
				flat = append(flat, b)
			}
		}
	}
	for n := min(len(flat), 6); n > 1; n-- {
		if v := h.FullHelpView(splitColumns(flat, n)); blockWidth(v) <= w {
			return v
		}
	}
	h.Width = w
	return h.FullHelpView(splitColumns(flat, 1))
}

// splitColumns deals bindings into n columns, top to bottom, in order.
func splitColumns(bs []key.Binding, n int) [][]key.Binding {
	rows := (len(bs) + n - 1) / n
	var out [][]key.Binding
	for i := 0; i < len(bs); i += rows {
		out = append(out, bs[i:min(i+rows, len(bs))])
	}
	return out
}

// blockWidth is the width of the widest line of s.
func blockWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}
