package quiz

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/quiz"
	"kafkasim/ui/components"
)

// quizMaxDigits caps a typed number.
const quizMaxDigits = 12

// quizInput is the learner's answer to one question while they make it.
// Whatever the kind, it ends as text for Question.ParseResponse, so the
// quiz package alone decides what a valid answer is.
type quizInput struct {
	Q       quiz.Question
	cursor  int    // the picked (single, true/false) or pointed-at row; -1 for none
	touched bool   // order: the learner has placed or moved a step
	picked  []bool // multi: ticked choices
	order   []int  // order: the steps as arranged now, indices into Choices
	placed  int    // order: how many steps typed into place so far
	typed   []rune // numeric: the digits
	Err     string
}

func NewQuizInput(q quiz.Question) quizInput {
	in := quizInput{Q: q, cursor: -1, picked: make([]bool, len(q.Choices))}
	for i := range q.Choices {
		in.order = append(in.order, i)
	}
	return in
}

// rows is how many lines the cursor moves over.
func (in *quizInput) rows() int {
	switch in.Q.Kind {
	case quiz.TrueFalse:
		return 2
	case quiz.Numeric:
		return 0
	}
	return len(in.Q.Choices)
}

// Update handles a key; submit says the learner has answered with text.
func (in *quizInput) Update(km tea.KeyMsg, k quizKeys) (text string, submit bool) {
	in.Err = ""
	if n := in.rows(); n > 0 {
		switch {
		case key.Matches(km, k.Up):
			if in.cursor < 0 {
				in.cursor = n
			}
			in.cursor = (in.cursor + n - 1) % n
			return "", false
		case key.Matches(km, k.Down):
			in.cursor = (in.cursor + 1) % n
			return "", false
		}
	}
	switch in.Q.Kind {
	case quiz.Single:
		return in.single(km, k)
	case quiz.Multi:
		return in.multi(km, k)
	case quiz.TrueFalse:
		return in.truth(km, k)
	case quiz.Order:
		return in.arrange(km, k)
	}
	return in.number(km, k)
}

// letterIndex reads a letter key as a choice index, or -1.
func (in *quizInput) letterIndex(km tea.KeyMsg) int {
	i := int(strings.ToUpper(string(km.Runes[0]))[0] - 'A')
	if i < 0 || i >= len(in.Q.Choices) {
		in.Err = "use the letters A to " + quiz.Label(len(in.Q.Choices)-1)
		return -1
	}
	return i
}

func (in *quizInput) single(km tea.KeyMsg, k quizKeys) (string, bool) {
	switch {
	case key.Matches(km, k.Letter):
		if i := in.letterIndex(km); i >= 0 {
			in.cursor = i
		}
	case key.Matches(km, k.Enter):
		if in.cursor < 0 {
			in.Err = components.ErrPickFirst + ": its letter or ↑/↓, then enter"
			return "", false
		}
		return quiz.Label(in.cursor), true
	}
	return "", false
}

func (in *quizInput) multi(km tea.KeyMsg, k quizKeys) (string, bool) {
	switch {
	case key.Matches(km, k.Letter):
		if i := in.letterIndex(km); i >= 0 {
			in.cursor = i
			in.picked[i] = !in.picked[i]
		}
	case key.Matches(km, k.Toggle):
		if in.cursor < 0 {
			in.Err = "move to a choice with ↑/↓ first, or press its letter"
			return "", false
		}
		in.picked[in.cursor] = !in.picked[in.cursor]
	case key.Matches(km, k.Enter):
		var letters []string
		for i, p := range in.picked {
			if p {
				letters = append(letters, quiz.Label(i))
			}
		}
		if len(letters) == 0 {
			in.Err = "tick at least one choice (its letter or space), then enter"
			return "", false
		}
		return strings.Join(letters, " "), true
	}
	return "", false
}

func (in *quizInput) truth(km tea.KeyMsg, k quizKeys) (string, bool) {
	switch {
	case key.Matches(km, k.Letter):
		switch strings.ToLower(string(km.Runes[0])) {
		case "t", "y":
			in.cursor = 0
		case "f", "n":
			in.cursor = 1
		default:
			in.Err = "t for true, f for false"
		}
	case key.Matches(km, k.Enter):
		if in.cursor < 0 {
			in.Err = components.ErrPickFirst + ": t or f, then enter"
			return "", false
		}
		return []string{"true", "false"}[in.cursor], true
	}
	return "", false
}

// arrange puts steps in order: a typed letter moves that step to the next
// place; shift+↑/↓ moves the step under the cursor; enter answers.
func (in *quizInput) arrange(km tea.KeyMsg, k quizKeys) (string, bool) {
	switch {
	case key.Matches(km, k.Letter):
		i := in.letterIndex(km)
		if i < 0 {
			return "", false
		}
		at := slices.Index(in.order, i)
		if at < in.placed {
			in.Err = quiz.Label(i) + " is already placed (backspace undoes)"
			return "", false
		}
		copy(in.order[in.placed+1:at+1], in.order[in.placed:at])
		in.order[in.placed] = i
		in.placed++
		in.cursor = min(in.placed, len(in.order)-1)
		in.touched = true
	case key.Matches(km, k.Erase):
		in.placed = max(in.placed-1, 0)
	case key.Matches(km, k.MoveUp) && in.cursor > 0:
		in.order[in.cursor], in.order[in.cursor-1] = in.order[in.cursor-1], in.order[in.cursor]
		in.cursor--
		in.touched = true
	case key.Matches(km, k.MoveDown) && in.cursor >= 0 && in.cursor < len(in.order)-1:
		in.order[in.cursor], in.order[in.cursor+1] = in.order[in.cursor+1], in.order[in.cursor]
		in.cursor++
		in.touched = true
	case key.Matches(km, k.Enter) && !in.touched:
		in.Err = components.ErrPickFirst + ": type the letters first to last, or move a step with shift+↑/↓"
	case key.Matches(km, k.Enter):
		letters := make([]string, len(in.order))
		for pos, i := range in.order {
			letters[pos] = quiz.Label(i)
		}
		return strings.Join(letters, " "), true
	}
	return "", false
}

func (in *quizInput) number(km tea.KeyMsg, k quizKeys) (string, bool) {
	switch {
	case key.Matches(km, k.Digit):
		r := km.Runes[0]
		if (r != '-' || len(in.typed) == 0) && len(in.typed) < quizMaxDigits {
			in.typed = append(in.typed, r)
		}
	case key.Matches(km, k.Erase):
		if len(in.typed) > 0 {
			in.typed = in.typed[:len(in.typed)-1]
		}
	case key.Matches(km, k.Enter):
		if len(in.typed) == 0 {
			in.Err = components.ErrPickFirst + ": type a whole number"
			return "", false
		}
		return string(in.typed), true
	}
	return "", false
}
