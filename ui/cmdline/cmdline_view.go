package cmdline

import (
	"strings"

	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// Render draws the pane: a title, the output's last lines (or those
// scrolled to), and the line being typed.
func (c *Line) Render(st *theme.Styles, w, h int) []string {
	title := st.PaneFocus.Render("▶ COMMAND LINE")
	if c.Input {
		title += " " + st.Note.Render(" console producer: each line is a record · esc or ctrl+d ends ")
	} else {
		title += st.Faint.Render("  Kafka's tools against this cluster · 'help' lists them")
	}
	var body []string
	for _, l := range c.Out {
		body = append(body, c.Styled(st, l, w)...)
	}
	room := max(h-2, 0)
	c.Scroll = min(c.Scroll, max(len(body)-room, 0))
	end := len(body) - c.Scroll
	from := max(end-room, 0)
	if c.Scroll > 0 {
		title += st.Faint.Render(" [" + components.Itoa(from+1) + "-" + components.Itoa(end) + "/" + components.Itoa(len(body)) + "] pgdn for newer")
	}
	out := append([]string{title}, body[from:end]...)
	out = components.Block(out, w, h-1)
	prompt := "$ "
	if c.Input {
		prompt = ">"
	}
	typed := components.Sanitize(string(c.Line))
	if room := w - len(prompt) - 1; len([]rune(typed)) > room && room > 0 {
		r := []rune(typed) // show the end of a long line, where the typing is
		typed = "…" + string(r[len(r)-room+1:])
	}
	return append(out, components.Fit(st.Bold.Render(prompt)+typed+st.Selected.Render(" "), w))
}

// Styled draws one output line, wrapped to w.
func (c *Line) Styled(st *theme.Styles, l outLine, w int) []string {
	text := expandTabs(sanitizeKeepTabs(l.Text))
	if l.Kind == OutFailed {
		text += "  ✕" // not by colour alone
	}
	parts := wrapHard(text, w, "↪ ")
	if l.Kind == outHint && len(parts) > 1 { // prose: break between words
		parts = components.Wrap(text, w)
	}
	var out []string
	for i, part := range parts {
		if i > 0 && l.Kind != outHint {
			part = st.Faint.Render("↪ ") + part[len("↪ "):]
		}
		switch l.Kind {
		case OutCommand:
			part = st.Bold.Render(part)
		case OutFailed:
			part = st.Error.Render(part)
		case outHint:
			part = st.Accent.Render(part)
		case OutRecord:
			part = st.Faint.Render(part)
		}
		out = append(out, part)
	}
	return out
}

// sanitizeKeepTabs is sanitize that leaves tabs, which Kafka's describe
// output lines up with.
func sanitizeKeepTabs(s string) string {
	parts := strings.Split(s, "\t")
	for i, p := range parts {
		parts[i] = components.Sanitize(p)
	}
	return strings.Join(parts, "\t")
}

// wrapHard cuts a line into pieces of w cells, keeping its spaces (command
// output is often aligned in columns); pieces after the first start with
// mark, so a wrapped row is not mistaken for the next one.
func wrapHard(s string, w int, mark string) []string {
	r := []rune(s)
	if w <= len([]rune(mark)) || len(r) <= w {
		return []string{s}
	}
	out := []string{string(r[:w])}
	r = r[w:]
	room := w - len([]rune(mark))
	for len(r) > room {
		out = append(out, mark+string(r[:room]))
		r = r[room:]
	}
	return append(out, mark+string(r))
}

// expandTabs puts tabs at every eighth column, as a terminal shows them.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
