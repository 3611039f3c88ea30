package ui

import "strings"

// pane is what every simulator pane shares: its size, focus, and a scroll
// position over its content lines. The first line is the title.
type pane struct {
	id      paneID
	w, h    int
	focused bool
	offset  int // first content line shown
	total   int // content lines at the last render
}

// SetSize sets the pane's outer size, title line included.
func (p *pane) SetSize(w, h int) { p.w, p.h = w, h }

// bodyHeight is how many content lines fit under the title.
func (p *pane) bodyHeight() int { return max(p.h-1, 0) }

// scroll moves the view by n lines.
func (p *pane) scroll(n int) {
	p.offset += n
	p.clamp()
}

// clamp keeps the offset inside the content.
func (p *pane) clamp() {
	maxOff := max(p.total-p.bodyHeight(), 0)
	p.offset = min(max(p.offset, 0), maxOff)
}

// setTotal records how many content lines there are now.
func (p *pane) setTotal(n int) {
	p.total = n
	p.clamp()
}

// window is the range of content lines on screen.
func (p *pane) window() (from, to int) {
	from = p.offset
	to = min(from+p.bodyHeight(), p.total)
	return from, max(to, from)
}

// titleLine renders the title: a focus arrow and bold when focused (not
// colour alone), the scroll position when the content overflows, and extra
// text such as a legend.
func (p *pane) titleLine(st *Styles, extra string) string {
	var b strings.Builder
	name := p.id.String()
	if p.focused {
		b.WriteString(st.PaneFocus.Render("▶ " + strings.ToUpper(name)))
	} else {
		b.WriteString(st.PaneTitle.Render("  " + name))
	}
	if p.total > p.bodyHeight() && p.bodyHeight() > 0 {
		from, to := p.window()
		b.WriteString(st.Faint.Render(" [" + itoa(from+1) + "-" + itoa(to) + "/" + itoa(p.total) + "]"))
	}
	if extra != "" {
		b.WriteString(" ")
		b.WriteString(extra)
	}
	return b.String()
}

// frame assembles title and visible body lines into a w×h block.
func (p *pane) frame(st *Styles, extra string, body []string) []string {
	lines := make([]string, 0, p.h)
	if p.h > 0 {
		lines = append(lines, p.titleLine(st, extra))
	}
	lines = append(lines, body...)
	return block(lines, p.w, p.h)
}
