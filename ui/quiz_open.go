package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// openQuiz shows the quiz; one in progress is resumed where it was left.
func (m Model) openQuiz() (Model, tea.Cmd) {
	m.pauseAll()
	if m.quiz == nil {
		if m.quizBook == nil {
			m.quizBook = loadQuizBook(m.opts.StateDir)
		}
		// Each quiz draws afresh unless a seed was asked for; the summary
		// shows the seed so a quiz can be taken again.
		seed := uint64(time.Now().UnixNano()) % 1_000_000 // short enough to type
		if m.opts.Seed != nil {
			seed = *m.opts.Seed
		}
		m.quiz = newQuizScreen(m.st, m.global, m.quizBook, seed)
	}
	m.quiz.SetSize(m.w, m.h)
	m.current = ScreenQuiz
	return m, nil
}
