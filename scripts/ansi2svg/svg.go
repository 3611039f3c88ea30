package main

import (
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// colours resolves a run's foreground and background, reverse applied.
func (a attrs) colours() (fg, bg string) {
	fg, bg = a.fg, a.bg
	if fg == "" {
		fg = defaultFg
	}
	if a.reverse {
		if bg == "" {
			bg = defaultBg
		}
		fg, bg = bg, fg
	}
	return fg, bg
}

// writeSVG draws the lines: backgrounds first, then the text, every run
// placed at its column so glyph widths cannot shift the grid.
func writeSVG(w io.Writer, title string, lines [][]run) {
	cols := 0
	for _, l := range lines {
		if len(l) > 0 {
			last := l[len(l)-1]
			cols = max(cols, last.col+utf8.RuneCountInString(last.text))
		}
	}
	width := float64(cols)*cellW + 2*padding
	height := float64(len(lines))*cellH + 2*padding
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" role="img">`+"\n",
		width, height, width, height)
	fmt.Fprintf(w, "<title>%s</title>\n", html.EscapeString(title))
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" rx="6" fill="%s"/>`+"\n", defaultBg)
	for y, l := range lines {
		for _, r := range l {
			if _, bg := r.a.colours(); bg != "" {
				fmt.Fprintf(w, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.0f" fill="%s"/>`+"\n",
					padding+float64(r.col)*cellW, padding+float64(y)*cellH, float64(utf8.RuneCountInString(r.text))*cellW, cellH, bg)
			}
		}
	}
	fmt.Fprintf(w, `<g font-family="'DejaVu Sans Mono','Menlo','Consolas',monospace" font-size="%d" xml:space="preserve" style="white-space:pre">`+"\n", fontPx)
	for y, l := range lines {
		baseline := padding + float64(y)*cellH + cellH*0.78
		for _, r := range l {
			if strings.TrimSpace(r.text) == "" && !r.a.under && !r.a.strike {
				continue
			}
			writeRun(w, r, baseline)
		}
	}
	fmt.Fprintln(w, "</g>\n</svg>")
}

// writeRun writes one run as a text element, each cell at its own x so the
// grid holds with any font.
func writeRun(w io.Writer, r run, baseline float64) {
	fg, _ := r.a.colours()
	style := ""
	if r.a.bold {
		style += ` font-weight="bold"`
	}
	if r.a.italic {
		style += ` font-style="italic"`
	}
	if r.a.faint {
		style += ` opacity="0.7"`
	}
	var deco []string
	if r.a.under {
		deco = append(deco, "underline")
	}
	if r.a.strike {
		deco = append(deco, "line-through")
	}
	if len(deco) > 0 {
		style += ` text-decoration="` + strings.Join(deco, " ") + `"`
	}
	var xs []string
	n := utf8.RuneCountInString(r.text)
	for i := range n {
		xs = append(xs, strconv.FormatFloat(padding+float64(r.col+i)*cellW, 'f', 1, 64))
	}
	fmt.Fprintf(w, `<text xml:space="preserve" x="%s" y="%.1f" fill="%s"%s>%s</text>`+"\n",
		strings.Join(xs, " "), baseline, fg, style, html.EscapeString(r.text))
}
