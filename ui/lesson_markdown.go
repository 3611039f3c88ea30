package ui

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/scenarios"
)

// mdStyle is how one run of inline Markdown is drawn.
type mdStyle int

// The inline styles lessons use.
const (
	mdPlain  mdStyle = iota
	mdStrong         // **bold** and *emphasis* (the theme has no italic)
	mdCode           // `code`
)

// mdSpan is a run of text in one style.
type mdSpan struct {
	text  string
	style mdStyle
}

// mdWord is what wrapping moves as one piece: spans with no space between.
type mdWord []mdSpan

func (w mdWord) width() int {
	n := 0
	for _, s := range w {
		n += ansi.StringWidth(s.text)
	}
	return n
}

// mdListItem matches "- item", "* item" and "1. item", with any indent.
var mdListItem = regexp.MustCompile(`^(\s*)([-*+]|\d+[.)])\s+(.*)$`)

// renderMarkdown draws the little Markdown that lessons and quiz texts use
// (headings, paragraphs, lists, fenced code, **bold**, *emphasis* and
// `code`) as lines at most w cells wide. The text is sanitised first: it
// comes from data files. Glamour would do more, but is not in go.sum.
func renderMarkdown(st *Styles, src string, w int) []string {
	r := mdRenderer{st: st, w: max(w, 10)}
	fence := false
	for _, line := range strings.Split(scenarios.Sanitize(src), "\n") {
		line = strings.ReplaceAll(line, "\t", "    ")
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "```"):
			r.flush()
			fence = !fence
		case fence:
			r.out = append(r.out, st.Accent.Render(ansi.Truncate("  │ "+line, r.w, "…")))
		case trimmed == "":
			r.flush()
			r.blank()
		case strings.HasPrefix(trimmed, "#"):
			r.flush()
			r.heading(strings.TrimSpace(strings.TrimLeft(trimmed, "#")))
		case mdListItem.MatchString(line):
			r.flush()
			m := mdListItem.FindStringSubmatch(line)
			bullet := "• "
			if m[2][0] >= '0' && m[2][0] <= '9' {
				bullet = m[2] + " "
			}
			r.indent = min(len(m[1]), 8)
			r.bullet = bullet
			r.para = append(r.para, m[3])
		default:
			r.para = append(r.para, trimmed)
		}
	}
	r.flush()
	for len(r.out) > 0 && r.out[len(r.out)-1] == "" {
		r.out = r.out[:len(r.out)-1]
	}
	return r.out
}

// mdRenderer collects one paragraph or list item at a time.
type mdRenderer struct {
	st     *Styles
	w      int
	out    []string
	para   []string // source lines of the paragraph or item being read
	bullet string   // the list bullet of the current item, "" for a paragraph
	indent int      // the item's indent
}

// blank adds one empty line, never two in a row.
func (r *mdRenderer) blank() {
	if len(r.out) > 0 && r.out[len(r.out)-1] != "" {
		r.out = append(r.out, "")
	}
}

// heading draws a section title as a rule, readable without colour.
func (r *mdRenderer) heading(title string) {
	r.blank()
	text := "── " + plainInline(title) + " "
	rule := strings.Repeat("─", max(r.w-ansi.StringWidth(text), 0))
	r.out = append(r.out, r.st.Title.Render(ansi.Truncate(text, r.w, "…"))+r.st.Faint.Render(rule))
}

// flush wraps the paragraph or list item read so far.
func (r *mdRenderer) flush() {
	if len(r.para) == 0 {
		return
	}
	words := inlineWords(strings.Join(r.para, " "))
	lead := strings.Repeat(" ", r.indent) + r.bullet
	hang := strings.Repeat(" ", ansi.StringWidth(lead))
	for i, line := range wrapWords(words, r.w-len(hang)) {
		prefix := hang
		if i == 0 {
			prefix = lead
		}
		r.out = append(r.out, prefix+r.draw(line))
	}
	r.para, r.bullet, r.indent = nil, "", 0
}

// draw renders one wrapped line of words.
func (r *mdRenderer) draw(words []mdWord) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, s := range w {
			switch s.style {
			case mdStrong:
				b.WriteString(r.st.Bold.Render(s.text))
			case mdCode:
				b.WriteString(r.st.Accent.Render(s.text))
			default:
				b.WriteString(s.text)
			}
		}
	}
	return b.String()
}

// inlineWords splits text into words, reading **, * and ` as style marks.
func inlineWords(text string) []mdWord {
	var (
		words        []mdWord
		cur          mdWord
		buf          strings.Builder
		strong, code bool
		em           bool
	)
	style := func() mdStyle {
		switch {
		case code:
			return mdCode
		case strong || em:
			return mdStrong
		}
		return mdPlain
	}
	cut := func() {
		if buf.Len() > 0 {
			cur = append(cur, mdSpan{buf.String(), style()})
			buf.Reset()
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '`':
			cut()
			code = !code
		case !code && strings.HasPrefix(text[i:], "**"):
			cut()
			strong = !strong
			i++
		case !code && c == '*' && emphasisMark(text, i, em):
			cut()
			em = !em
		case c == ' ':
			cut()
			if len(cur) > 0 {
				words = append(words, cur)
				cur = nil
			}
		default:
			buf.WriteByte(c)
		}
	}
	cut()
	if len(cur) > 0 {
		words = append(words, cur)
	}
	return words
}

// emphasisMark tells a *word* mark from a lone asterisk ("3 * 4"): an
// opening mark starts a word, a closing one (open is set) ends one.
func emphasisMark(text string, i int, open bool) bool {
	wordBefore := i > 0 && text[i-1] != ' ' && text[i-1] != '('
	if open {
		return wordBefore
	}
	return !wordBefore && i+1 < len(text) && text[i+1] != ' '
}

// plainInline drops the style marks, for titles.
func plainInline(s string) string {
	return strings.NewReplacer("**", "", "`", "").Replace(s)
}

// wrapWords breaks words into lines at most w cells wide; a word longer
// than a line is cut.
func wrapWords(words []mdWord, w int) [][]mdWord {
	w = max(w, 4)
	var (
		lines [][]mdWord
		cur   []mdWord
		curW  int
	)
	for _, word := range words {
		ww := word.width()
		if ww > w {
			word = mdWord{{ansi.Truncate(wordText(word), w-1, "…"), word[0].style}}
			ww = word.width()
		}
		if curW > 0 && curW+1+ww > w {
			lines = append(lines, cur)
			cur, curW = nil, 0
		}
		if curW > 0 {
			curW++
		}
		cur = append(cur, word)
		curW += ww
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

func wordText(w mdWord) string {
	var b strings.Builder
	for _, s := range w {
		b.WriteString(s.text)
	}
	return b.String()
}
