package quiz

import (
	"strings"

	"kafkasim/quiz"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// resultBody is the verdict on the answer just given: right or wrong, the
// right answer, why, and the scenario that shows it.
func (q *Screen) resultBody(tw int) []string {
	st := q.st
	r := q.Result
	verdict := st.Once.Render("✔ Right.")
	if !r.Correct {
		verdict = st.Lost.Render("✘ Wrong.")
	}
	lines := []string{verdict, ""}
	lines = append(lines, components.RenderMarkdown(st, r.Question.Prompt, tw)...)
	lines = append(lines, "")
	lines = append(lines, answerLines(st, *r, tw)...)
	if r.Explanation != "" {
		lines = append(lines, "", st.Bold.Render("Why"))
		lines = append(lines, components.RenderMarkdown(st, r.Explanation, tw)...)
	}
	if r.Question.Scenario != "" {
		lines = append(lines, "")
		for _, l := range components.Wrap("▶ o opens the scenario "+components.Sanitize(r.Question.Scenario)+
			" in the simulator; esc there brings you back here", tw) {
			lines = append(lines, st.Accent.Render(l))
		}
	}
	return lines
}

// answerLines shows the right answer beside the learner's: marks on the
// choices, or the two answers in words.
func answerLines(st *theme.Styles, r quiz.Result, tw int) []string {
	q := r.Question
	var lines []string
	switch q.Kind {
	case quiz.Single, quiz.Multi:
		for i, c := range q.Choices {
			mark, picked := pickedMark(st, q, r.Given, i)
			text := quiz.Label(i) + ". " + components.Sanitize(c)
			if picked {
				text += "  ← your answer"
			}
			for j, l := range components.Wrap(text, tw-4) {
				if j == 0 {
					lines = append(lines, mark+l)
				} else {
					lines = append(lines, "     "+l)
				}
			}
		}
		return lines
	case quiz.Order:
		lines = append(lines, "you said:   "+components.Sanitize(r.GivenText), "right order:")
		for pos, i := range q.Correct {
			for j, l := range components.Wrap(components.Itoa(pos+1)+". "+quiz.Label(i)+". "+components.Sanitize(q.Choices[i]), tw-4) {
				if j > 0 {
					l = "   " + l
				}
				lines = append(lines, "  "+l)
			}
		}
		return lines
	}
	return append(labelled("you said: ", r.GivenText, tw), labelled("answer:   ", r.AnswerText, tw)...)
}

// labelled wraps text after a label, continuation lines under the text.
func labelled(label, text string, tw int) []string {
	lines := components.Wrap(components.Sanitize(text), tw-len(label))
	for i := range lines {
		if i == 0 {
			lines[i] = label + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", len(label)) + lines[i]
		}
	}
	if len(lines) == 0 {
		return []string{label}
	}
	return lines
}

// summaryBody is the score, per topic and overall, and a review of every
// wrong answer.
func (q *Screen) summaryBody(tw int) []string {
	st := q.st
	score := q.Session.Score()
	o := score.Overall
	head := "Score: " + components.Itoa(o.Right) + " of " + components.Itoa(o.Total()) + " right (" + components.Itoa(o.Percent()) + "%)"
	if !q.Session.Done() {
		head += " · ended after " + components.Itoa(o.Total()) + " of " + components.Itoa(q.Session.Len()) + " questions"
	}
	if q.newBest {
		head += " · a new best for this kind of quiz"
	}
	again := "seed " + components.U64(q.Session.Seed()) + ": kafkasim quiz --seed " + components.U64(q.Session.Seed()) + " draws the same questions"
	lines := []string{st.Bold.Render(head), st.Faint.Render(again + sanitizeNote(q.Session.Note())), "",
		st.Bold.Render("By topic")}
	for _, t := range score.ByTopic {
		bar := st.Once.Render(strings.Repeat("█", t.Right)) + st.Lost.Render(strings.Repeat("✕", t.Wrong))
		lines = append(lines, "  "+components.Fit(components.Sanitize(t.Topic), 15)+" "+components.Fit(components.Itoa(t.Right)+"/"+components.Itoa(t.Total()), 6)+
			components.Fit(components.Itoa(t.Percent())+"%", 6)+bar)
	}
	wrong := q.Session.Wrong()
	lines = append(lines, "")
	if len(wrong) == 0 {
		return append(lines, st.Once.Render("✔ Nothing to review: every answer was right."))
	}
	lines = append(lines, st.Bold.Render("Review: the "+components.Itoa(len(wrong))+" you missed"))
	for _, r := range wrong {
		lines = append(lines, "")
		for i, l := range components.RenderMarkdown(st, r.Question.Prompt, tw-4) {
			if i == 0 {
				lines = append(lines, st.Lost.Render("✘ ")+l)
			} else {
				lines = append(lines, "  "+l)
			}
		}
		lines = append(lines, labelled("  you said: ", r.GivenText, tw)...)
		lines = append(lines, labelled("  answer:   ", r.AnswerText, tw)...)
		for _, l := range components.RenderMarkdown(st, r.Explanation, tw-4) {
			lines = append(lines, "  "+st.Faint.Render(l))
		}
	}
	return lines
}

// sanitizeNote puts the session's note after the seed, if there is one.
func sanitizeNote(note string) string {
	if note == "" {
		return ""
	}
	return " · " + components.Sanitize(note)
}
