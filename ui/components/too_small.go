package components

import (
	"strings"

	"kafkasim/ui/theme"
)

// TooSmallView asks for a bigger terminal.
func TooSmallView(st *theme.Styles, w, h int) string {
	msg := []string{
		st.TooSmall.Render("make the terminal at least 80×24"),
		st.Faint.Render("now " + Itoa(w) + "×" + Itoa(h) + " · q quits"),
	}
	if w < 34 {
		msg = []string{"need 80×24", Itoa(w) + "×" + Itoa(h)}
	}
	return strings.Join(Block(msg, max(w, 1), max(min(h, 2), 1)), "\n")
}

// The smallest terminal the full simulator screen draws in; below it a
// compact view shows the cluster and the ledger.
const (
	MinWidth  = 80
	MinHeight = 24
)
