package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	course "kafkasim/lessons"
)

// predictMaxDigits caps a typed number.
const predictMaxDigits = 12

// predictBox takes the learner's answer to a stop's question: one of the
// choices (↑/↓ and enter, or its number), or a typed whole number.
type predictBox struct {
	choices []string
	cursor  int
	typed   []rune
	err     string
}

func newPredictBox(q *course.Predict) predictBox {
	return predictBox{choices: q.Choices}
}

// update handles a key; submit is set with the answer to send to the
// Player when the learner has chosen.
func (b *predictBox) update(km tea.KeyMsg, k lessonKeys) (answer string, submit bool) {
	if len(b.choices) > 0 {
		return b.choose(km, k)
	}
	switch {
	case key.Matches(km, k.Enter):
		if len(b.typed) == 0 {
			b.err = "type a whole number first"
			return "", false
		}
		return string(b.typed), true
	case key.Matches(km, k.Erase):
		if len(b.typed) > 0 {
			b.typed = b.typed[:len(b.typed)-1]
		}
	case key.Matches(km, k.Digit):
		r := km.Runes[0]
		if (r == '-' && len(b.typed) > 0) || len(b.typed) >= predictMaxDigits {
			return "", false
		}
		b.typed = append(b.typed, r)
		b.err = ""
	}
	return "", false
}

// choose moves among the choices; enter or a choice's number answers.
func (b *predictBox) choose(km tea.KeyMsg, k lessonKeys) (string, bool) {
	n := len(b.choices)
	switch {
	case key.Matches(km, k.Up):
		b.cursor = (b.cursor + n - 1) % n
	case key.Matches(km, k.Down):
		b.cursor = (b.cursor + 1) % n
	case key.Matches(km, k.Enter):
		return b.choices[b.cursor], true
	case key.Matches(km, k.Digit):
		i := int(km.Runes[0] - '1')
		if i >= 0 && i < n {
			b.cursor = i
			return b.choices[i], true
		}
		b.err = "pick 1 to " + itoa(n)
	}
	return "", false
}

// lines draws the choices or the typed number.
func (b *predictBox) lines(st *Styles, w int) []string {
	var out []string
	for i, c := range b.choices {
		line := "  " + itoa(i+1) + ". " + sanitize(c)
		if i == b.cursor {
			line = st.Selected.Render("▸ " + itoa(i+1) + ". " + sanitize(c))
		}
		out = append(out, line)
	}
	if len(b.choices) == 0 {
		out = append(out, "  your answer: "+string(b.typed)+st.Selected.Render(" ")+st.Faint.Render("  (a whole number, then enter)"))
	}
	if b.err != "" {
		out = append(out, st.Error.Render("  ! "+sanitize(b.err)))
	}
	for i := range out {
		out[i] = fit(out[i], w)
	}
	return out
}

// verdictLines draws the engine's verdict on an answer, marked with a
// symbol and a word, never colour alone.
func verdictLines(st *Styles, r course.PredictResult, w int) []string {
	mark, style := "✔ ", st.Once
	if !r.Right {
		mark, style = "✘ ", st.Lost
	}
	lines := wrap(sanitize(r.Message), w-2)
	for i := range lines {
		if i == 0 {
			lines[i] = style.Render(mark) + lines[i]
		} else {
			lines[i] = "  " + lines[i]
		}
	}
	return lines
}
