package components

import (
	"strings"

	"kafkasim/ui/theme"
)

// Pane is what every simulator pane shares: its size, focus, and a scroll
// position over its content lines. The first line is the title.
type Pane struct {
	ID      PaneID
	W, h    int
	Focused bool
	Offset  int // first content line shown
	Total   int // content lines at the last render
}

// SetSize sets the pane's outer size, title line included.
func (p *Pane) SetSize(w, h int) { p.W, p.h = w, h }

// BodyHeight is how many content lines fit under the title.
func (p *Pane) BodyHeight() int { return max(p.h-1, 0) }

// Scroll moves the view by n lines.
func (p *Pane) Scroll(n int) {
	p.Offset += n
	p.clamp()
}

// clamp keeps the offset inside the content.
func (p *Pane) clamp() {
	maxOff := max(p.Total-p.BodyHeight(), 0)
	p.Offset = min(max(p.Offset, 0), maxOff)
}

// SetTotal records how many content lines there are now.
func (p *Pane) SetTotal(n int) {
	p.Total = n
	p.clamp()
}

// Window is the range of content lines on screen.
func (p *Pane) Window() (from, to int) {
	from = p.Offset
	to = min(from+p.BodyHeight(), p.Total)
	return from, max(to, from)
}

// TitleLine renders the title: a focus arrow and bold when focused (not
// colour alone), the scroll position when the content overflows, and extra
// text such as a legend.
func (p *Pane) TitleLine(st *theme.Styles, extra string) string {
	var b strings.Builder
	name := p.ID.String()
	if p.Focused {
		b.WriteString(st.PaneFocus.Render("▶ " + strings.ToUpper(name)))
	} else {
		b.WriteString(st.PaneTitle.Render("  " + name))
	}
	if p.Total > p.BodyHeight() && p.BodyHeight() > 0 {
		from, to := p.Window()
		b.WriteString(st.Faint.Render(" [" + Itoa(from+1) + "-" + Itoa(to) + "/" + Itoa(p.Total) + "]"))
	}
	if extra != "" {
		b.WriteString(" ")
		b.WriteString(extra)
	}
	return b.String()
}

// Frame assembles title and visible body lines into a w×h block.
func (p *Pane) Frame(st *theme.Styles, extra string, body []string) []string {
	lines := make([]string, 0, p.h)
	if p.h > 0 {
		lines = append(lines, p.TitleLine(st, extra))
	}
	lines = append(lines, body...)
	return Block(lines, p.W, p.h)
}

// PaneID names a pane of the simulator screen; tab moves focus in this order.
type PaneID int

// The panes that take focus, in tab order: down the left column of the
// wide layout, then down the right one (producers above groups).
const (
	PaneCluster PaneID = iota
	PaneLogs
	PaneProducers
	PaneGroups
	PaneLedger
	PaneNarration
	PaneCount
)

// String names the pane as its title shows it.
func (p PaneID) String() string {
	switch p {
	case PaneCluster:
		return "Cluster"
	case PaneLogs:
		return "Partition logs"
	case PaneGroups:
		return "Groups"
	case PaneProducers:
		return "Producers"
	case PaneLedger:
		return "Delivery ledger"
	case PaneNarration:
		return "What happened"
	}
	return "?"
}
