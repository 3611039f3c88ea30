package lesson

import (
	"fmt"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"

	course "kafkasim/lessons"
	"kafkasim/ui/components"
)

// How a stop's program is laid out.
const (
	codeSideMinW    = 110 // from this width the program sits beside the text
	codePaneMaxW    = 64
	codeSideMinRows = 8 // the program's rows beside the text, at least
	codeNarrowRows  = 3 // under the text: the marked line and one each side
)

// codePane shows a stop's program, rows lines of it around the line the
// stop marks (▶, highlighted), numbered as in the file, under its name.
func (s *Screen) codePane(stop *course.Stop, w, rows int) []string {
	if stop.Code == "" {
		return nil
	}
	sn, err := snippet(stop.Code)
	if err != nil {
		return []string{s.st.Error.Render(components.Fit(" "+err.Error(), w))}
	}
	st := s.st
	out := []string{st.Faint.Render(components.Fit(" ─ "+sn.Name+" ─ what the client does now", w))}
	from := 0
	if stop.CodeLine >= 0 {
		from = min(max(stop.CodeLine-(rows-2)/2, 0), max(len(sn.Lines)-(rows-1), 0))
	}
	for i := from; i < min(from+rows-1, len(sn.Lines)); i++ {
		num := fmt.Sprintf("%3d ", i+1)
		line := ansi.Truncate(sn.Lines[i], max(w-len(num)-2, 1), "…")
		if i == stop.CodeLine {
			out = append(out, st.Hot.Render(components.Fit("▶"+num+line, w)))
			continue
		}
		out = append(out, " "+st.Faint.Render(num)+line)
	}
	return out
}

// besideText puts right beside left, left padded to lw cells.
func besideText(left, right []string, lw int) []string {
	n := max(len(left), len(right))
	out := make([]string, n)
	for i := range n {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = components.Fit(l, lw) + " " + r
	}
	return out
}

// snippets caches the programs: a frame must not reread them.
var snippets sync.Map

func snippet(name string) (*course.Snippet, error) {
	if v, ok := snippets.Load(name); ok {
		return v.(*course.Snippet), nil
	}
	sn, err := course.LoadSnippet(name)
	if err != nil {
		return nil, err
	}
	snippets.Store(name, sn)
	return sn, nil
}

// programsText is the full text of the programs a lesson's stops show, as
// Markdown, for the end of the lesson's text.
func programsText(l *course.Lesson) string {
	var b strings.Builder
	seen := map[string]bool{}
	for _, stop := range l.Stops {
		if stop.Code == "" || seen[stop.Code] {
			continue
		}
		seen[stop.Code] = true
		sn, err := snippet(stop.Code)
		if err != nil {
			continue
		}
		b.WriteString("## " + sn.Name + "\n\n```python\n" + sn.Text() + "\n```\n\n")
	}
	return b.String()
}
