package quiz

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"kafkasim/quiz"
	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/theme"
)

// quizTextMaxW keeps the quiz's lines short enough to read.
const quizTextMaxW = 96

// View draws the phase showing: a title line, the body (scrolled when it is
// longer than the screen), and the keys.
func (q *Screen) View() string {
	if q.w < components.MinWidth || q.h < components.MinHeight {
		return components.TooSmallView(q.st, q.w, q.h)
	}
	tw := min(q.w-2, quizTextMaxW)
	var body []string
	switch q.Phase {
	case QuizChoosing:
		body = q.chooseBody(q.h - 3)
	case QuizAsking:
		body = q.questionBody(tw)
	case QuizShowing:
		body = q.resultBody(tw)
	default:
		body = q.summaryBody(tw)
	}
	room := q.h - 3
	q.scroll = min(q.scroll, max(len(body)-room, 0))
	pos := ""
	if len(body) > room {
		pos = q.st.Faint.Render("[" + components.Itoa(q.scroll+1) + "-" + components.Itoa(q.scroll+room) + "/" + components.Itoa(len(body)) + "] ")
		body = body[q.scroll : q.scroll+room]
	}
	lines := []string{q.st.Title.Render("kafkasim") + " " + q.st.Bold.Render(q.headline()), ""}
	for _, l := range body {
		lines = append(lines, " "+l)
	}
	out := components.Block(lines, q.w, q.h-1)
	footer := pos + q.help.ShortHelpView(q.shortKeys())
	for _, s := range []string{q.status, q.Saved} {
		if s != "" {
			footer = q.st.Note.Render(" "+components.Sanitize(s)+" ") + " " + footer
			break
		}
	}
	return strings.Join(append(out, components.Fit(footer, q.w)), "\n")
}

// headline says where in the quiz the learner is.
func (q *Screen) headline() string {
	if q.Phase == QuizChoosing {
		return "Quiz · choose what to practise"
	}
	t := "Quiz · " + q.title
	if q.Phase == QuizFinished {
		return t + " · finished"
	}
	n := q.Session.Index()
	if q.Phase == QuizAsking {
		n++
	}
	return t + " · question " + components.Itoa(n) + " of " + components.Itoa(q.Session.Len()) + " · " + components.Itoa(q.Session.Score().Overall.Right) + " right"
}

// chooseBody is the menu with what is saved.
func (q *Screen) chooseBody(room int) []string {
	st := q.st
	var lines []string
	if q.Book.warning != "" {
		lines = append(lines, st.Error.Render("! ")+components.Sanitize(q.Book.warning), "")
	}
	if q.Bank != nil {
		lines = append(lines, st.Faint.Render(nounCount(len(q.Bank), "question", "questions")+" from "+q.BankName+" (answers are not saved)"))
	} else if n := q.Book.Latest.Quizzes; n > 0 {
		lines = append(lines, st.Faint.Render("finished so far: "+nounCount(n, "quiz", "quizzes")))
	} else {
		lines = append(lines, st.Faint.Render(components.Itoa(QuizCount)+" questions from the bank and "+components.Itoa(QuizGenerated)+" worked out by the simulator's own code"))
	}
	lines = append(lines, "")
	return append(lines, q.menuLines(room-len(lines))...)
}

// kindHow tells the learner how to answer each kind of question.
func kindHow(k quiz.Kind) string {
	switch k {
	case quiz.Single:
		return "one answer: press its letter (or ↑/↓), then enter"
	case quiz.Multi:
		return "every answer that applies: tick with its letter or space, then enter"
	case quiz.TrueFalse:
		return "true or false: press t or f, then enter"
	case quiz.Order:
		return "put the steps in order: type their letters first to last (C A B...), or move one with shift+↑/↓; enter answers"
	}
	return "a whole number: type it, then enter"
}

// questionBody is the question and the answer being made.
func (q *Screen) questionBody(tw int) []string {
	st := q.st
	in := &q.Input
	var lines []string
	for _, l := range components.Wrap("topic "+components.Sanitize(in.Q.Topic)+" · "+kindHow(in.Q.Kind), tw) {
		lines = append(lines, st.Faint.Render(l))
	}
	lines = append(lines, "")
	lines = append(lines, components.RenderMarkdown(st, in.Q.Prompt, tw)...)
	lines = append(lines, "")
	lines = append(lines, q.inputLines(tw)...)
	if in.Err != "" {
		lines = append(lines, "", st.Error.Render("! ")+components.Sanitize(in.Err))
	}
	return lines
}

// inputLines draws the choices, steps or typed number with the cursor.
func (q *Screen) inputLines(tw int) []string {
	st := q.st
	in := &q.Input
	row := func(i int, text string) []string {
		return choiceLines(st, i == in.cursor, text, tw)
	}
	var lines []string
	switch in.Q.Kind {
	case quiz.Numeric:
		return []string{"your answer: " + string(in.typed) + st.Selected.Render(" ")}
	case quiz.TrueFalse:
		return append(row(0, "T. True"), row(1, "F. False")...)
	case quiz.Order:
		for pos, i := range in.order {
			mark := "· " // not a space: wrapping would swallow it
			if pos < in.placed {
				mark = "✓ "
			}
			lines = append(lines, row(pos, components.Itoa(pos+1)+". "+mark+quiz.Label(i)+". "+in.Q.Choices[i])...)
		}
		return lines
	}
	for i, c := range in.Q.Choices {
		box := ""
		if in.Q.Kind == quiz.Multi {
			box = "[ ] "
			if in.picked[i] {
				box = "[x] "
			}
		}
		lines = append(lines, row(i, box+quiz.Label(i)+". "+c)...)
	}
	return lines
}

// choiceLines wraps one choice under a cursor mark, indented after its label.
func choiceLines(st *theme.Styles, selected bool, text string, tw int) []string {
	lines := components.Wrap(components.Sanitize(text), tw-4)
	for i := range lines {
		switch {
		case i > 0:
			lines[i] = "     " + lines[i]
		case selected:
			lines[i] = st.Selected.Render("▸ " + lines[i])
		default:
			lines[i] = "  " + lines[i]
		}
	}
	return lines
}

// shortKeys are the keys worth showing in the footer now.
func (q *Screen) shortKeys() []key.Binding {
	k := q.keys
	g := k.global
	switch q.Phase {
	case QuizChoosing:
		return []key.Binding{k.Up, k.Down, keys.Named(k.Enter, "start"), g.Back, g.Help, g.Quit}
	case QuizAsking:
		var keys []key.Binding // ↓ alone stands for the arrows: the footer is short
		for _, b := range q.answerKeys() {
			if b.Help().Key != k.Up.Help().Key {
				keys = append(keys, b)
			}
		}
		return append(keys, g.Back, g.Help)
	case QuizShowing:
		next := keys.Named(k.Enter, "next question")
		if q.Session.Done() {
			next = keys.Named(k.Enter, "see the score")
		}
		list := []key.Binding{next}
		if q.Result.Question.Scenario != "" {
			list = append(list, k.Open)
		}
		if !q.Session.Done() {
			list = append(list, k.End)
		}
		return append(list, keys.Named(k.Down, "scroll"), g.Back, g.Help, g.Quit)
	}
	return []key.Binding{keys.Named(k.Enter, "new quiz"), keys.Named(k.Down, "scroll"), keys.Named(g.Back, "home"), g.Help, g.Quit}
}

// answerKeys are the keys of the question's kind.
func (q *Screen) answerKeys() []key.Binding {
	k := q.keys
	n := len(q.Input.Q.Choices)
	letters := keys.Named(k.Letter, "pick")
	letters.SetHelp("a-"+strings.ToLower(quiz.Label(max(n-1, 0))), "pick")
	switch q.Input.Q.Kind {
	case quiz.Single:
		return []key.Binding{letters, keys.Named(k.Up, "move"), keys.Named(k.Down, "move"), keys.Named(k.Enter, "confirm")}
	case quiz.Multi:
		letters.SetHelp(letters.Help().Key, "tick")
		return []key.Binding{letters, k.Toggle, keys.Named(k.Up, "move"), keys.Named(k.Down, "move"), k.Enter}
	case quiz.TrueFalse:
		letters.SetHelp("t/f", "true/false")
		return []key.Binding{letters, keys.Named(k.Up, "move"), keys.Named(k.Down, "move"), keys.Named(k.Enter, "confirm")}
	case quiz.Order:
		letters.SetHelp(letters.Help().Key, "place next")
		return []key.Binding{letters, keys.Named(k.Erase, "undo"), k.MoveUp, k.MoveDown, k.Enter}
	}
	return []key.Binding{k.Digit, k.Erase, keys.Named(k.Enter, "confirm")}
}

// pickedMark marks a choice after the answer: right ones ✔, a wrong pick ✘.
func pickedMark(st *theme.Styles, q quiz.Question, given quiz.Response, i int) (string, bool) {
	right := slices.Contains(q.Correct, i)
	picked := slices.Contains(given.Picks, i)
	switch {
	case right:
		return st.Once.Render("✔ "), picked
	case picked:
		return st.Lost.Render("✘ "), picked
	}
	return "  ", picked
}

// nounCount writes a count with its noun: "1 quiz", "3 quizzes".
func nounCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return components.Itoa(n) + " " + many
}
