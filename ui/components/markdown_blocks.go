package components

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
)

// mdWriter draws Markdown blocks as terminal lines.
type mdWriter struct {
	src   []byte
	paint *mdPainter
}

// blocks draws each child block of n at width w, a blank line between
// blocks (none between the items of a tight list).
func (m *mdWriter) blocks(n ast.Node, w int) []string {
	var out []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		lines := m.block(c, w)
		if len(lines) == 0 {
			continue
		}
		if len(out) > 0 && !tightItem(c) {
			out = append(out, "")
		}
		out = append(out, lines...)
	}
	return out
}

// tightItem reports a block that follows another without a blank line:
// a list item of a tight list, or a tight item's text after its first.
func tightItem(n ast.Node) bool {
	if _, ok := n.(*ast.ListItem); ok {
		return n.Parent().(*ast.List).IsTight
	}
	if item, ok := n.Parent().(*ast.ListItem); ok {
		return item.Parent().(*ast.List).IsTight
	}
	return false
}

func (m *mdWriter) block(n ast.Node, w int) []string {
	switch n := n.(type) {
	case *ast.Heading:
		prefix := strings.Repeat("#", n.Level) + " "
		runs := append([]mdRun{{prefix, lookHeading}}, inlineRuns(n, m.src, lookHeading)...)
		return m.paragraph(runs, w)
	case *ast.Paragraph, *ast.TextBlock:
		return m.paragraph(inlineRuns(n, m.src, 0), w)
	case *ast.List:
		return m.list(n, w)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return m.code(n, w)
	case *ast.Blockquote:
		return indent(m.blocks(n, max(w-2, 10)), m.paint.quoteBar())
	case *ast.ThematicBreak:
		return []string{m.paint.faint("--------")}
	case *ast.HTMLBlock:
		return m.code(n, w)
	}
	return m.blocks(n, w)
}

// paragraph wraps inline runs to w cells.
func (m *mdWriter) paragraph(runs []mdRun, w int) []string {
	var out []string
	for _, line := range wrapRuns(runs, w) {
		out = append(out, m.paint.line(line))
	}
	return out
}

// list draws items as "• text" or "1. text", continuation lines under
// the item's first word (a hanging indent), nested lists further in.
func (m *mdWriter) list(l *ast.List, w int) []string {
	var out []string
	num := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "• "
		if l.IsOrdered() {
			marker = strconv.Itoa(num) + ". "
			num++
		}
		if len(out) > 0 && !l.IsTight {
			out = append(out, "")
		}
		hang := ansi.StringWidth(marker)
		body := m.blocks(item, max(w-hang, 10))
		if len(body) == 0 {
			body = []string{""}
		}
		out = append(out, marker+body[0])
		out = append(out, indent(body[1:], strings.Repeat(" ", hang))...)
	}
	return out
}

// code draws a code block as written, two cells in, without highlighting.
func (m *mdWriter) code(n ast.Node, w int) []string {
	lines := n.Lines()
	out := make([]string, 0, lines.Len())
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		l := strings.TrimRight(string(seg.Value(m.src)), "\r\n")
		l = strings.ReplaceAll(l, "\t", "    ")
		if strings.TrimSpace(l) == "" {
			out = append(out, "")
			continue
		}
		out = append(out, wrapCodeLine(l, w)...)
	}
	return out
}

// wrapCodeLine draws a code line two cells in; a line wider than the
// pane goes on under its own indent and two more cells, so nothing of a
// command is lost and the continuation reads as one.
func wrapCodeLine(l string, w int) []string {
	lead := l[:len(l)-len(strings.TrimLeft(l, " "))]
	if ansi.StringWidth(l)+2 <= w {
		return []string{"  " + l}
	}
	first, rest := wrapCodeAt(l, w-2)
	out := []string{"  " + first}
	more := "  " + lead + "  "
	for rest != "" {
		var line string
		line, rest = wrapCodeAt(rest, max(w-len(more), 10))
		out = append(out, more+line)
	}
	return out
}

// wrapCodeAt splits s at its last space within w cells, or at w cells
// when there is none.
func wrapCodeAt(s string, w int) (line, rest string) {
	if ansi.StringWidth(s) <= w {
		return s, ""
	}
	head := ansi.Truncate(s, w, "")
	if i := strings.LastIndex(head, " "); i > 0 && strings.TrimSpace(head[:i]) != "" {
		return strings.TrimRight(head[:i], " "), strings.TrimLeft(s[i:], " ")
	}
	return head, s[len(head):]
}

// indent puts prefix before every line that has something on it.
func indent(lines []string, prefix string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		if l != "" {
			l = prefix + l
		}
		out[i] = l
	}
	return out
}
