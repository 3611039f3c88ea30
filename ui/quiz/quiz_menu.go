package quiz

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/quiz"
	"kafkasim/ui/components"
)

// QuizChoice is one line of the quiz menu: what a quiz draws from.
type QuizChoice struct {
	Label  string
	detail string
	Topics []string // empty: every topic
	weak   bool
}

// buildMenu lists everything, the weak topics, and each topic, with what
// is saved about each.
func (q *Screen) buildMenu() {
	p := q.Book.Latest
	q.menu = []QuizChoice{{Label: "Everything", detail: bestText(p, "all")}}
	weak := quiz.WeakTopics(p, nil, 3)
	detail := "no answers saved yet: draws from every topic"
	if len(weak) > 0 {
		detail = "now: " + strings.Join(weak, ", ")
	}
	q.menu = append(q.menu, QuizChoice{Label: "Practise my weak topics", detail: detail, weak: true})
	for _, t := range quiz.Topics() {
		d := ""
		if tally, ok := p.Topics[t]; ok && tally.Total() > 0 {
			d = components.Itoa(tally.Right) + "/" + components.Itoa(tally.Total()) + " right so far"
		}
		q.menu = append(q.menu, QuizChoice{Label: "Topic: " + t, detail: d, Topics: []string{t}})
	}
	q.cursor = min(q.cursor, len(q.menu)-1)
}

// bestText describes the best score saved for a kind of quiz.
func bestText(p *quiz.Progress, kind string) string {
	b, ok := p.Best[kind]
	if !ok {
		return ""
	}
	return "best " + components.Itoa(b.Right) + "/" + components.Itoa(b.Total) + " (" + components.Itoa(b.Percent) + "%)"
}

// chooseKey moves through the menu and starts the chosen quiz.
func (q *Screen) chooseKey(km tea.KeyMsg) {
	n := len(q.menu)
	switch {
	case key.Matches(km, q.keys.Up):
		q.cursor = (q.cursor + n - 1) % n
	case key.Matches(km, q.keys.Down):
		q.cursor = (q.cursor + 1) % n
	case key.Matches(km, q.keys.Enter):
		q.Start(q.menu[q.cursor])
	}
}

// menuLines draws the menu with the cursor kept on screen in room lines.
func (q *Screen) menuLines(room int) []string {
	st := q.st
	var lines []string
	for i, c := range q.menu {
		line := "  " + c.Label
		if i == q.cursor {
			line = st.Selected.Render("▸ " + c.Label)
		}
		if c.detail != "" {
			line += st.Faint.Render("  " + components.Sanitize(c.detail))
		}
		lines = append(lines, line)
	}
	if len(lines) > room && room > 0 {
		from := min(max(q.cursor-room/2, 0), len(lines)-room)
		lines = lines[from : from+room]
	}
	return lines
}
