package ui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"kafkasim/quiz"
)

// quizTextMaxW keeps the quiz's lines short enough to read.
const quizTextMaxW = 96

// View draws the phase showing: a title line, the body (scrolled when it is
// longer than the screen), and the keys.
func (q *quizScreen) View() string {
	if q.w < minWidth || q.h < minHeight {
		return tooSmallView(q.st, q.w, q.h)
	}
	tw := min(q.w-2, quizTextMaxW)
	var body []string
	switch q.phase {
	case quizChoosing:
		body = q.chooseBody(q.h - 3)
	case quizAsking:
		body = q.questionBody(tw)
	case quizShowing:
		body = q.resultBody(tw)
	default:
		body = q.summaryBody(tw)
	}
	room := q.h - 3
	q.scroll = min(q.scroll, max(len(body)-room, 0))
	pos := ""
	if len(body) > room {
		pos = q.st.Faint.Render("[" + itoa(q.scroll+1) + "-" + itoa(q.scroll+room) + "/" + itoa(len(body)) + "] ")
		body = body[q.scroll : q.scroll+room]
	}
	lines := []string{q.st.Title.Render("kafkasim") + " " + q.st.Bold.Render(q.headline()), ""}
	for _, l := range body {
		lines = append(lines, " "+l)
	}
	out := block(lines, q.w, q.h-1)
	footer := pos + q.help.ShortHelpView(q.shortKeys())
	for _, s := range []string{q.status, q.saved} {
		if s != "" {
			footer = q.st.Note.Render(" "+sanitize(s)+" ") + " " + footer
			break
		}
	}
	return strings.Join(append(out, fit(footer, q.w)), "\n")
}

// headline says where in the quiz the learner is.
func (q *quizScreen) headline() string {
	if q.phase == quizChoosing {
		return "Quiz · choose what to practise"
	}
	t := "Quiz · " + q.title
	if q.phase == quizFinished {
		return t + " · finished"
	}
	n := q.session.Index()
	if q.phase == quizAsking {
		n++
	}
	return t + " · question " + itoa(n) + " of " + itoa(q.session.Len()) + " · " + itoa(q.session.Score().Overall.Right) + " right"
}

// chooseBody is the menu with what is saved.
func (q *quizScreen) chooseBody(room int) []string {
	st := q.st
	var lines []string
	if q.book.warning != "" {
		lines = append(lines, st.Error.Render("! ")+sanitize(q.book.warning), "")
	}
	if q.bank != nil {
		lines = append(lines, st.Faint.Render(nounCount(len(q.bank), "question", "questions")+" from "+q.bankName+" (answers are not saved)"))
	} else if n := q.book.latest.Quizzes; n > 0 {
		lines = append(lines, st.Faint.Render("finished so far: "+nounCount(n, "quiz", "quizzes")))
	} else {
		lines = append(lines, st.Faint.Render(itoa(quizCount)+" questions from the bank and "+itoa(quizGenerated)+" worked out by the simulator's own code"))
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
func (q *quizScreen) questionBody(tw int) []string {
	st := q.st
	in := &q.input
	var lines []string
	for _, l := range wrap("topic "+sanitize(in.q.Topic)+" · "+kindHow(in.q.Kind), tw) {
		lines = append(lines, st.Faint.Render(l))
	}
	lines = append(lines, "")
	lines = append(lines, renderMarkdown(st, in.q.Prompt, tw)...)
	lines = append(lines, "")
	lines = append(lines, q.inputLines(tw)...)
	if in.err != "" {
		lines = append(lines, "", st.Error.Render("! ")+sanitize(in.err))
	}
	return lines
}

// inputLines draws the choices, steps or typed number with the cursor.
func (q *quizScreen) inputLines(tw int) []string {
	st := q.st
	in := &q.input
	row := func(i int, text string) []string {
		return choiceLines(st, i == in.cursor, text, tw)
	}
	var lines []string
	switch in.q.Kind {
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
			lines = append(lines, row(pos, itoa(pos+1)+". "+mark+quiz.Label(i)+". "+in.q.Choices[i])...)
		}
		return lines
	}
	for i, c := range in.q.Choices {
		box := ""
		if in.q.Kind == quiz.Multi {
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
func choiceLines(st *Styles, selected bool, text string, tw int) []string {
	lines := wrap(sanitize(text), tw-4)
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
func (q *quizScreen) shortKeys() []key.Binding {
	k := q.keys
	g := k.global
	switch q.phase {
	case quizChoosing:
		return []key.Binding{k.Up, k.Down, named(k.Enter, "start"), g.Back, g.Help, g.Quit}
	case quizAsking:
		var keys []key.Binding // ↓ alone stands for the arrows: the footer is short
		for _, b := range q.answerKeys() {
			if b.Help().Key != k.Up.Help().Key {
				keys = append(keys, b)
			}
		}
		return append(keys, g.Back, g.Help)
	case quizShowing:
		next := named(k.Enter, "next question")
		if q.session.Done() {
			next = named(k.Enter, "see the score")
		}
		keys := []key.Binding{next}
		if q.result.Question.Scenario != "" {
			keys = append(keys, k.Open)
		}
		if !q.session.Done() {
			keys = append(keys, k.End)
		}
		return append(keys, named(k.Down, "scroll"), g.Back, g.Help, g.Quit)
	}
	return []key.Binding{named(k.Enter, "new quiz"), named(k.Down, "scroll"), named(g.Back, "home"), g.Help, g.Quit}
}

// answerKeys are the keys of the question's kind.
func (q *quizScreen) answerKeys() []key.Binding {
	k := q.keys
	n := len(q.input.q.Choices)
	letters := named(k.Letter, "pick")
	letters.SetHelp("a-"+strings.ToLower(quiz.Label(max(n-1, 0))), "pick")
	switch q.input.q.Kind {
	case quiz.Single:
		return []key.Binding{letters, named(k.Up, "move"), named(k.Down, "move"), named(k.Enter, "confirm")}
	case quiz.Multi:
		letters.SetHelp(letters.Help().Key, "tick")
		return []key.Binding{letters, k.Toggle, named(k.Up, "move"), named(k.Down, "move"), k.Enter}
	case quiz.TrueFalse:
		letters.SetHelp("t/f", "true/false")
		return []key.Binding{letters, named(k.Up, "move"), named(k.Down, "move"), named(k.Enter, "confirm")}
	case quiz.Order:
		letters.SetHelp(letters.Help().Key, "place next")
		return []key.Binding{letters, named(k.Erase, "undo"), k.MoveUp, k.MoveDown, k.Enter}
	}
	return []key.Binding{k.Digit, k.Erase, named(k.Enter, "confirm")}
}

// pickedMark marks a choice after the answer: right ones ✔, a wrong pick ✘.
func pickedMark(st *Styles, q quiz.Question, given quiz.Response, i int) (string, bool) {
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
	return itoa(n) + " " + many
}
