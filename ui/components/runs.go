package components

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Runs builds a line of single-cell glyphs, rendering each run of cells
// that share a style once: a frame draws thousands of cells and a
// lipgloss Render per cell would eat the frame budget.
type Runs struct {
	b     strings.Builder
	style *lipgloss.Style // nil = plain
	buf   []rune
	width int
	Cache *RunCache // rendered runs of one glyph, kept across frames
}

// runKey names a run of n cells of one glyph in one style.
type runKey struct {
	style *lipgloss.Style
	r     rune
	n     int
}

// RunCache keeps rendered runs of one glyph (a strip's ██████): the same
// few come back every frame.
type RunCache map[runKey]string

// MaxRunCache bounds the cache; past it, runs render afresh.
const MaxRunCache = 4096

// Add appends one cell in style s (nil for plain).
func (r *Runs) Add(s *lipgloss.Style, ch rune) {
	if s != r.style {
		r.flush()
		r.style = s
	}
	r.buf = append(r.buf, ch)
	r.width++
}

// Text appends a string of single-width cells in style s.
func (r *Runs) Text(s *lipgloss.Style, t string) {
	for _, ch := range t {
		r.Add(s, ch)
	}
}

// Styled appends text already rendered, of width w.
func (r *Runs) Styled(t string, w int) {
	r.flush()
	r.b.WriteString(t)
	r.width += w
}

func (r *Runs) flush() {
	if len(r.buf) == 0 {
		return
	}
	switch {
	case r.style == nil:
		r.b.WriteString(string(r.buf))
	case r.Cache != nil && same(r.buf):
		k := runKey{r.style, r.buf[0], len(r.buf)}
		s, ok := (*r.Cache)[k]
		if !ok {
			s = r.style.Render(string(r.buf))
			if len(*r.Cache) < MaxRunCache {
				(*r.Cache)[k] = s
			}
		}
		r.b.WriteString(s)
	default:
		r.b.WriteString(r.style.Render(string(r.buf)))
	}
	r.buf = r.buf[:0]
}

// String ends the line.
func (r *Runs) String() string {
	r.flush()
	return r.b.String()
}

// same reports whether every rune of buf is the first one.
func same(buf []rune) bool {
	for _, c := range buf[1:] {
		if c != buf[0] {
			return false
		}
	}
	return true
}
