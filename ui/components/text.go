package components

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/scenarios"
)

// Fit cuts or pads a styled line to exactly w cells.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := ansi.StringWidth(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = ansi.StringWidth(s)
	}
	if n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// Block makes lines into exactly h lines of exactly w cells.
func Block(lines []string, w, h int) []string {
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = Fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(w, 0))
		}
	}
	return out
}

// SideBySide joins blocks of equal height left to right.
func SideBySide(blocks ...[]string) []string {
	if len(blocks) == 0 {
		return nil
	}
	out := make([]string, len(blocks[0]))
	var b strings.Builder
	for i := range out {
		b.Reset()
		for _, bl := range blocks {
			if i < len(bl) {
				b.WriteString(bl[i])
			}
		}
		out[i] = b.String()
	}
	return out
}

// Overlay draws box (lines) over bg, centred, and returns the new lines.
func Overlay(bg []string, box string, w int) []string {
	lines := strings.Split(box, "\n")
	boxW := 0
	for _, l := range lines {
		boxW = max(boxW, ansi.StringWidth(l))
	}
	boxW = min(boxW, w)
	top := max((len(bg)-len(lines))/2, 0)
	left := max((w-boxW)/2, 0)
	out := append([]string(nil), bg...)
	for i, l := range lines {
		y := top + i
		if y >= len(out) {
			break
		}
		row := Fit(out[y], w)
		out[y] = ansi.Truncate(row, left, "") + Fit(l, boxW) + ansi.TruncateLeft(row, left+boxW, "")
	}
	return out
}

// Sanitize makes text from a scenario file safe to print: no escape
// sequences, no control characters, newlines become spaces.
func Sanitize(s string) string {
	s = ansi.Strip(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r), r == unicode.ReplacementChar, scenarios.IsInvisibleControl(r):
			return -1
		}
		return r
	}, s)
}

// Wrap breaks plain text into lines of at most w cells, on spaces.
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var lines []string
	var cur strings.Builder
	curW := 0
	for _, word := range strings.Fields(s) {
		ww := ansi.StringWidth(word)
		for ww > w { // a word longer than the line: cut it
			if curW > 0 {
				lines = append(lines, cur.String())
				cur.Reset()
				curW = 0
			}
			head := ansi.Truncate(word, w, "")
			lines = append(lines, head)
			word = strings.TrimPrefix(word, head)
			ww = ansi.StringWidth(word)
		}
		if curW > 0 && curW+1+ww > w {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		if curW > 0 {
			cur.WriteByte(' ')
			curW++
		}
		cur.WriteString(word)
		curW += ww
	}
	if curW > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// FmtMs writes virtual time as seconds with millisecond precision: "12.345s".
func FmtMs(ms int64) string {
	neg := ms < 0
	if neg {
		ms = -ms
	}
	s := strconv.FormatInt(ms/1000, 10) + "." + Pad3(ms%1000) + "s"
	if neg {
		return "-" + s
	}
	return s
}

func Pad3(n int64) string {
	s := strconv.FormatInt(n, 10)
	for len(s) < 3 {
		s = "0" + s
	}
	return s
}

// Itoa is strconv.Itoa, shorter to read in views.
func Itoa(n int) string { return strconv.Itoa(n) }

// I64 is strconv.FormatInt in base 10.
func I64(n int64) string { return strconv.FormatInt(n, 10) }

// U64 is strconv.FormatUint in base 10.
func U64(n uint64) string { return strconv.FormatUint(n, 10) }

// FirstLine is the first non-empty line of s, sanitized.
func FirstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			l = strings.NewReplacer("**", "", "`", "", "__", "").Replace(strings.TrimLeft(l, "# "))
			return Sanitize(l)
		}
	}
	return ""
}

// FirstParagraph is the first paragraph of Markdown text, on one line,
// without emphasis marks or headings.
func FirstParagraph(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "#") {
			continue
		}
		if l == "" {
			if len(out) > 0 {
				break
			}
			continue
		}
		out = append(out, l)
	}
	return Sanitize(strings.NewReplacer("**", "", "`", "", "__", "").Replace(strings.Join(out, " ")))
}
