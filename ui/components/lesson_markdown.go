package components

import (
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"kafkasim/scenarios"
	"kafkasim/ui/theme"
)

// RenderMarkdown draws lesson and quiz Markdown (headings, paragraphs,
// lists, fenced code, emphasis, inline code, links, quotes), word-wrapped
// to w cells and themed as the screen is, and plain text when colour is
// off (NO_COLOR, or a test's Ascii renderer). The text is sanitised
// first: it comes from data files. Renders are cached by text, width and
// theme, so a frame that shows the same text costs a map lookup, not a
// parse.
func RenderMarkdown(st *theme.Styles, src string, w int) []string {
	w = max(w, 10)
	r := st.Renderer()
	profile, dark := termenv.Ascii, true
	if r != nil {
		profile, dark = r.ColorProfile(), r.HasDarkBackground()
	}
	key := mdKey{src: src, w: w, profile: profile, dark: dark}
	if lines, ok := mdCache.Get(key); ok {
		return lines
	}
	clean := []byte(scenarios.Sanitize(src))
	doc := mdParser().Parse(text.NewReader(clean))
	m := &mdWriter{src: clean, paint: newMDPainter(r)}
	lines := m.blocks(doc, w)
	for i, l := range lines {
		lines[i] = cutToWidth(l, w)
	}
	mdCache.put(key, lines)
	return lines
}

// mdParser is CommonMark's parser, built on first use rather than at
// start-up: most commands never draw Markdown. No GFM extensions: the
// lessons and quiz use none, and goldmark's extension package costs
// milliseconds of start-up for every command (a table shows as written).
var mdParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
})

// cutToWidth cuts a line past w cells (a long word or a code line), with
// an ellipsis to show something is missing.
func cutToWidth(line string, w int) string {
	if ansi.StringWidth(line) <= w {
		return line
	}
	cut := ansi.Truncate(line, w, "…")
	if strings.Contains(cut, "\x1b[") {
		cut += "\x1b[0m"
	}
	return cut
}

// mdKey is one render: the same text at another width or theme is another.
type mdKey struct {
	src     string
	w       int
	profile termenv.Profile
	dark    bool
}

// mdRenders is a small cache of renders; it forgets everything when full,
// which only a screen resized over and over reaches.
type mdRenders struct {
	mu sync.Mutex
	m  map[mdKey][]string
}

const mdCacheSize = 256

var mdCache = &mdRenders{m: map[mdKey][]string{}}

func (c *mdRenders) Get(k mdKey) ([]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	l, ok := c.m[k]
	return l, ok
}

func (c *mdRenders) put(k mdKey, lines []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= mdCacheSize {
		clear(c.m)
	}
	c.m[k] = lines
}
