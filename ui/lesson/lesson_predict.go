package lesson

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	course "kafkasim/lessons"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// predictMaxDigits caps a typed number.
const predictMaxDigits = 12

// predictBox takes the learner's answer to a stop's question: one of the
// choices, picked by its number, its letter or the arrows and confirmed
// with enter, or a typed whole number. Nothing is picked at first, so
// enter alone never answers.
type predictBox struct {
	choices []string
	Cursor  int // the picked choice, -1 for none yet
	typed   []rune
	Err     string
}

func newPredictBox(q *course.Predict) predictBox {
	return predictBox{choices: q.Choices, Cursor: -1}
}

// update handles a key; submit is set with the answer to send to the
// Player when the learner has confirmed it.
func (b *predictBox) update(km tea.KeyMsg, k LessonKeys) (answer string, submit bool) {
	if len(b.choices) > 0 {
		return b.Choose(km, k)
	}
	switch {
	case key.Matches(km, k.Enter):
		if len(b.typed) == 0 {
			b.Err = components.ErrPickFirst + ": type a whole number"
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
		b.Err = ""
	}
	return "", false
}

// Choose moves among the choices; enter confirms the picked one.
func (b *predictBox) Choose(km tea.KeyMsg, k LessonKeys) (string, bool) {
	n := len(b.choices)
	b.Err = ""
	switch {
	case key.Matches(km, k.Up):
		if b.Cursor < 0 {
			b.Cursor = n
		}
		b.Cursor = (b.Cursor + n - 1) % n
	case key.Matches(km, k.Down):
		b.Cursor = (b.Cursor + 1) % n
	case key.Matches(km, k.Enter):
		if b.Cursor < 0 {
			b.Err = components.ErrPickFirst
			return "", false
		}
		return b.choices[b.Cursor], true
	case key.Matches(km, k.Digit):
		b.pick(int(km.Runes[0]-'1'), "pick 1 to "+components.Itoa(n))
	case key.Matches(km, k.Letter):
		b.pick(int(km.Runes[0]-'a'), "pick a to "+string(rune('a'+n-1)))
	}
	return "", false
}

// pick moves the mark to choice i, or says which keys pick.
func (b *predictBox) pick(i int, outside string) {
	if i < 0 || i >= len(b.choices) {
		b.Err = outside
		return
	}
	b.Cursor = i
}

// lines draws the choices or the typed number.
func (b *predictBox) lines(st *theme.Styles, w int) []string {
	var out []string
	for i, c := range b.choices {
		label := components.Itoa(i+1) + " " + string(rune('a'+i)) + ". " + components.Sanitize(c)
		line := "  ○ " + label
		if i == b.Cursor {
			line = st.Selected.Render("▸ ● " + label + "  (enter to answer)")
		}
		out = append(out, line)
	}
	if len(b.choices) == 0 {
		out = append(out, "  your answer: "+string(b.typed)+st.Selected.Render(" ")+st.Faint.Render("  (a whole number, then enter)"))
	}
	if b.Err != "" {
		out = append(out, st.Error.Render("  ! "+components.Sanitize(b.Err)))
	}
	for i := range out {
		out[i] = components.Fit(out[i], w)
	}
	return out
}

// verdictLines draws the engine's verdict on an answer, marked with a
// symbol and a word, never colour alone.
func verdictLines(st *theme.Styles, r course.PredictResult, w int) []string {
	mark, style := "✔ ", st.Once
	switch {
	case r.Skipped:
		mark, style = "» ", st.Faint
	case !r.Right:
		mark, style = "✘ ", st.Lost
	}
	lines := components.Wrap(components.Sanitize(r.Message), w-2)
	for i := range lines {
		if i == 0 {
			lines[i] = style.Render(mark) + lines[i]
		} else {
			lines[i] = "  " + lines[i]
		}
	}
	return lines
}
