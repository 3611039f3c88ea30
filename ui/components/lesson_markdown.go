package components

import (
	"regexp"
	"strings"
	"sync"

	"github.com/charmbracelet/glamour"
	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"kafkasim/scenarios"
	"kafkasim/ui/theme"
)

// RenderMarkdown draws lesson and quiz Markdown with glamour (headings,
// paragraphs, lists, tables, fenced code, emphasis), word-wrapped to w
// cells and themed as the screen is: dark or light, and plain text when
// colour is off (NO_COLOR, or a test's Ascii renderer). The text is
// sanitised first: it comes from data files. Renders are cached by text,
// width and theme, so a frame that shows the same text costs a map
// lookup, not a parse.
func RenderMarkdown(st *theme.Styles, src string, w int) []string {
	w = max(w, 10)
	profile, dark := termenv.Ascii, true
	if r := st.Renderer(); r != nil {
		profile, dark = r.ColorProfile(), r.HasDarkBackground()
	}
	key := mdKey{src: src, w: w, profile: profile, dark: dark}
	if lines, ok := mdCache.Get(key); ok {
		return lines
	}
	lines := glamourLines(scenarios.Sanitize(src), w, profile, dark)
	mdCache.put(key, lines)
	return lines
}

// glamourLines renders once, then trims what glamour adds around the
// document and anything past w (a long word or a table cell).
func glamourLines(src string, w int, profile termenv.Profile, dark bool) []string {
	r, err := glamour.NewTermRenderer(glamour.WithStyles(mdStyle(profile, dark)), glamour.WithWordWrap(w),
		glamour.WithColorProfile(profile))
	var out string
	if err == nil {
		out, err = r.Render(src)
	}
	if err != nil { // glamour refuses nothing we write; say so rather than show nothing
		out = src
	}
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = trimPadding(l, 1<<20)
	}
	lines = rewrapListItems(lines, w)
	for i, l := range lines {
		lines[i] = trimPadding(l, w)
	}
	for len(lines) > 0 && ansi.Strip(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && ansi.Strip(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// trimPadding cuts the styled spaces glamour pads each line with (they
// would cost the terminal and overflow a narrower pane) and anything past
// w cells.
func trimPadding(line string, w int) string {
	n := min(ansi.StringWidth(strings.TrimRight(ansi.Strip(line), " ")), w)
	if n == ansi.StringWidth(line) {
		return dropEmptyStyles(line)
	}
	cut := ansi.Truncate(line, n, "")
	if n < ansi.StringWidth(strings.TrimRight(ansi.Strip(line), " ")) {
		cut = ansi.Truncate(line, n, "…")
	}
	if strings.Contains(cut, "\x1b[") {
		cut += "\x1b[0m"
	}
	return dropEmptyStyles(cut)
}

// emptyStyle is a style switched on and straight off again, with nothing
// drawn in it; glamour leaves many.
var emptyStyle = regexp.MustCompile(`(?:\x1b\[[0-9;]*m)+\x1b\[0m`)

// dropEmptyStyles removes styles that draw nothing, keeping one reset.
func dropEmptyStyles(line string) string {
	if !strings.Contains(line, "\x1b[") {
		return line
	}
	out := emptyStyle.ReplaceAllString(line, "\x1b[0m")
	out = strings.TrimPrefix(out, "\x1b[0m")
	return out
}

// listItem matches a list item as glamour draws it: indent, bullet or
// number, a space.
var listItem = regexp.MustCompile(`^(\s*)(•|\d+\.) `)

// rewrapListItems wraps each list item again with a hanging indent.
// Glamour v1 wraps an item's first line short and its continuation lines
// past the width, flush left; the item's words are joined and wrapped to
// w, continuation lines under the item's first word.
func rewrapListItems(lines []string, w int) []string {
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		m := listItem.FindString(ansi.Strip(lines[i]))
		if m == "" {
			out = append(out, lines[i])
			i++
			continue
		}
		hang := ansi.StringWidth(m)
		words := []string{ansi.TruncateLeft(lines[i], hang, "")}
		j := i + 1
		for ; j < len(lines); j++ {
			plain := ansi.Strip(lines[j])
			if strings.TrimSpace(plain) == "" || listItem.MatchString(plain) {
				break
			}
			words = append(words, strings.TrimLeft(lines[j], " "))
		}
		head := ansi.Truncate(lines[i], hang, "")
		for k, l := range strings.Split(ansi.Wordwrap(strings.Join(words, " "), max(w-hang, 10), ""), "\n") {
			if k == 0 {
				out = append(out, head+l)
			} else {
				out = append(out, strings.Repeat(" ", hang)+l)
			}
		}
		i = j
	}
	return out
}

// mdStyle is glamour's style for the screen's theme, without the
// document margin (the pane has its own) and with headings in the
// screen's accent colour.
func mdStyle(profile termenv.Profile, dark bool) gansi.StyleConfig {
	if profile == termenv.Ascii {
		s := styles.ASCIIStyleConfig
		s.Document.Margin = uintPtr(0)
		// No colour, no bold: markers around emphasis would break where
		// a line wraps inside it ("**Spark**** Structured"), so words stay
		// plain, as they read in a terminal without colour.
		s.Strong.BlockPrefix, s.Strong.BlockSuffix = "", ""
		s.Emph.BlockPrefix, s.Emph.BlockSuffix = "", ""
		return s
	}
	s, accent := styles.LightStyleConfig, theme.ColAccent.Light
	if dark {
		s, accent = styles.DarkStyleConfig, theme.ColAccent.Dark
	}
	s.Document.Margin = uintPtr(0)
	s.Heading.Color = &accent
	s.H1.Color, s.H1.BackgroundColor = &accent, nil
	// Inline code in the accent colour, as the rest of the screen draws
	// names from Kafka, without glamour's red on a grey block.
	s.Code.Color, s.Code.BackgroundColor = &accent, nil
	s.Code.Prefix, s.Code.Suffix = "", ""
	return s
}

func uintPtr(n uint) *uint { return &n }

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
