package lessons

import "strings"

// sections splits a Markdown body at its "## " headings, ignoring lines
// inside fenced code blocks. firstLine is the body's first line in the file.
func sections(body string, firstLine int) []Section {
	var (
		out   []Section
		cur   = Section{Line: firstLine}
		text  strings.Builder
		fence bool
	)
	flush := func() {
		cur.Text = strings.TrimSpace(text.String())
		if cur.Title != "" || cur.Text != "" {
			out = append(out, cur)
		}
		text.Reset()
	}
	for i, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fence = !fence
		}
		if title, ok := strings.CutPrefix(line, "## "); ok && !fence {
			flush()
			cur = Section{Title: strings.TrimSpace(title), Line: firstLine + i}
			continue
		}
		text.WriteString(line)
		text.WriteByte('\n')
	}
	flush()
	return out
}
