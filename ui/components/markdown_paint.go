package components

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"kafkasim/ui/theme"
)

// mdPainter styles Markdown's looks with the screen's theme. Without
// colour it draws plain words: markers such as "**" would break where a
// line wraps inside them, and a terminal without colour reads the words
// as they are.
type mdPainter struct {
	plain bool
	r     *lipgloss.Renderer
	looks map[mdLook]lipgloss.Style
	faintStyle,
	bar lipgloss.Style
}

func newMDPainter(r *lipgloss.Renderer) *mdPainter {
	if r == nil || r.ColorProfile() == termenv.Ascii {
		return &mdPainter{plain: true}
	}
	return &mdPainter{
		r:          r,
		looks:      map[mdLook]lipgloss.Style{},
		faintStyle: r.NewStyle().Foreground(theme.ColAccent).Faint(true),
		bar:        r.NewStyle().Foreground(theme.ColAccent),
	}
}

// style is the lipgloss style of a look, built on first use: headings
// and names from Kafka (inline code) in the accent colour, as the rest of
// the screen draws them; links underlined.
func (p *mdPainter) style(look mdLook) lipgloss.Style {
	if s, ok := p.looks[look]; ok {
		return s
	}
	s := p.r.NewStyle()
	if look&(lookHeading|lookCode) != 0 {
		s = s.Foreground(theme.ColAccent)
	}
	s = s.Bold(look&(lookStrong|lookHeading) != 0).Italic(look&lookEmph != 0).Underline(look&lookLink != 0)
	p.looks[look] = s
	return s
}

// line draws one wrapped line, one style per stretch of the same look.
func (p *mdPainter) line(pieces []mdPiece) string {
	var b strings.Builder
	if p.plain {
		for _, pc := range pieces {
			b.WriteString(pc.text)
		}
		return b.String()
	}
	for i := 0; i < len(pieces); {
		j, text := i+1, pieces[i].text
		for ; j < len(pieces) && pieces[j].look == pieces[i].look; j++ {
			text += pieces[j].text
		}
		if pieces[i].look == 0 {
			b.WriteString(text)
		} else {
			b.WriteString(p.style(pieces[i].look).Render(text))
		}
		i = j
	}
	return b.String()
}

func (p *mdPainter) faint(s string) string {
	if p.plain {
		return s
	}
	return p.faintStyle.Render(s)
}

func (p *mdPainter) quoteBar() string {
	if p.plain {
		return "| "
	}
	return p.bar.Render("│") + " "
}
