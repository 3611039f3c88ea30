// Command ansi2svg turns a terminal frame (text with ANSI SGR colour
// sequences, as `kafkasim frame` prints it) into an SVG image of the
// terminal: one text row per line, every run of cells in its colours, on
// a dark background. It reads standard input and writes standard output.
//
//	kafkasim frame at-least-once --at 27s | go run ./scripts/ansi2svg > frame.svg
//
// It understands what Lip Gloss writes: reset, bold, faint, italic,
// underline, reverse, strikethrough, and 16-colour, 256-colour and 24-bit
// foregrounds and backgrounds. Other escape sequences are dropped.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Cell metrics of the image, in pixels, for a 14px monospace font.
const (
	cellW   = 8.4
	cellH   = 17.0
	fontPx  = 14
	padding = 12.0
)

// Default colours: a dark terminal.
const (
	defaultFg = "#d0d0d0"
	defaultBg = "#1c1c1c"
)

// attrs is the SGR state of a cell.
type attrs struct {
	fg, bg                     string // "" is the default
	bold, faint, italic, under bool
	reverse, strike            bool
}

// run is a stretch of one line drawn in one set of attributes.
type run struct {
	col  int
	text string
	a    attrs
}

func main() {
	title := flag.String("title", "kafkasim", "the image's title (for screen readers)")
	flag.Parse()
	lines, err := readLines(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ansi2svg:", err)
		os.Exit(1)
	}
	writeSVG(os.Stdout, *title, lines)
}

// readLines parses every line of r into runs.
func readLines(r io.Reader) ([][]run, error) {
	var out [][]run
	var a attrs // SGR state carries across lines, as in a terminal
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line []run
		line, a = parseLine(sc.Text(), a)
		out = append(out, line)
	}
	return out, sc.Err()
}

// parseLine splits one line into runs, starting in state a.
func parseLine(s string, a attrs) ([]run, attrs) {
	var runs []run
	var cur strings.Builder
	col, start := 0, 0
	flush := func() {
		if cur.Len() > 0 {
			runs = append(runs, run{col: start, text: cur.String(), a: a})
			cur.Reset()
		}
		start = col
	}
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			n, params, final := escape(s[i:])
			if final == 'm' {
				flush()
				a = applySGR(a, params)
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == '\t' {
			r = ' '
		}
		cur.WriteRune(r)
		col++
	}
	flush()
	return runs, a
}

// escape measures the escape sequence at the start of s: its length, a
// CSI sequence's parameters and its final byte (0 when not a CSI).
func escape(s string) (int, string, byte) {
	if len(s) < 2 || s[1] != '[' {
		return min(2, len(s)), "", 0
	}
	for j := 2; j < len(s); j++ {
		if c := s[j]; c >= 0x40 && c <= 0x7e {
			return j + 1, s[2:j], c
		}
	}
	return len(s), "", 0
}

// applySGR applies the parameters of one SGR sequence.
func applySGR(a attrs, params string) attrs {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		n, _ := strconv.Atoi(ps[i])
		switch {
		case n == 0:
			a = attrs{}
		case n == 1:
			a.bold = true
		case n == 2:
			a.faint = true
		case n == 3:
			a.italic = true
		case n == 4:
			a.under = true
		case n == 7:
			a.reverse = true
		case n == 9:
			a.strike = true
		case n == 22:
			a.bold, a.faint = false, false
		case n == 23:
			a.italic = false
		case n == 24:
			a.under = false
		case n == 27:
			a.reverse = false
		case n == 29:
			a.strike = false
		case n >= 30 && n <= 37:
			a.fg = ansi16[n-30]
		case n >= 90 && n <= 97:
			a.fg = ansi16[n-90+8]
		case n >= 40 && n <= 47:
			a.bg = ansi16[n-40]
		case n >= 100 && n <= 107:
			a.bg = ansi16[n-100+8]
		case n == 39:
			a.fg = ""
		case n == 49:
			a.bg = ""
		case n == 38 || n == 48:
			c, used := extendedColour(ps[i+1:])
			i += used
			if n == 38 {
				a.fg = c
			} else {
				a.bg = c
			}
		}
	}
	return a
}

// extendedColour reads "2;r;g;b" or "5;n" and says how many parameters it
// used.
func extendedColour(ps []string) (string, int) {
	num := func(i int) int {
		if i >= len(ps) {
			return 0
		}
		n, _ := strconv.Atoi(ps[i])
		return min(max(n, 0), 255)
	}
	if len(ps) == 0 {
		return "", 0
	}
	switch ps[0] {
	case "2":
		return fmt.Sprintf("#%02x%02x%02x", num(1), num(2), num(3)), 4
	case "5":
		return xterm256(num(1)), 2
	}
	return "", 1
}

// ansi16 are xterm's 16 colours.
var ansi16 = []string{
	"#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
	"#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
}

// xterm256 is colour n of xterm's 256.
func xterm256(n int) string {
	switch {
	case n < 16:
		return ansi16[n]
	case n < 232:
		n -= 16
		level := func(v int) int {
			if v == 0 {
				return 0
			}
			return 55 + v*40
		}
		return fmt.Sprintf("#%02x%02x%02x", level(n/36), level(n/6%6), level(n%6))
	}
	g := 8 + (n-232)*10
	return fmt.Sprintf("#%02x%02x%02x", g, g, g)
}
