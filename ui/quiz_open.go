package ui

import (
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/quiz"
	"kafkasim/ui/components"
	"kafkasim/ui/nav"
	quizui "kafkasim/ui/quiz"
)

// openQuiz shows the quiz; one in progress is resumed where it was left.
func (m Model) openQuiz() (Model, tea.Cmd) {
	m.pauseAll()
	if m.quiz == nil {
		if m.quizBook == nil {
			m.quizBook = quizui.LoadQuizBook(m.opts.StateDir)
		}
		// Each quiz draws afresh unless a seed was asked for; the summary
		// shows the seed so a quiz can be taken again.
		seed := uint64(time.Now().UnixNano()) % 1_000_000 // short enough to type
		if m.opts.Seed != nil {
			seed = *m.opts.Seed
		}
		m.quiz = quizui.New(m.st, m.global, m.quizBook, seed)
		if m.opts.QuizBank != "" {
			if m = m.useQuizBank(); m.quiz == nil {
				return m, nil
			}
		}
		if topics := splitTopics(m.opts.QuizTopic); len(topics) > 0 {
			m.quiz.Start(topicChoice(topics))
		} else if m.quiz.Bank != nil {
			m.quiz.Start(quizui.QuizChoice{Label: "Everything in " + m.quiz.BankName})
		}
	}
	m.quiz.SetSize(m.w, m.h)
	m.current = nav.ScreenQuiz
	return m, nil
}

// useQuizBank gives the quiz a teacher's bank file. Its answers are kept
// in memory only: saved, they would mix with the built-in bank's scores.
// A bank that no longer loads is shown as an error and the quiz is not
// opened.
func (m Model) useQuizBank() Model {
	qs, err := quiz.LoadBankFile(m.opts.QuizBank)
	if err != nil {
		m.quiz = nil
		m.showError(err.Error())
		return m
	}
	m.quiz.Book = quizui.LoadQuizBook("")
	m.quiz.Bank, m.quiz.BankName = qs, components.Sanitize(filepath.Base(m.opts.QuizBank))
	return m
}

// splitTopics reads a comma-separated list of quiz topics.
func splitTopics(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// topicChoice is the quiz menu's line for topics.
func topicChoice(topics []string) quizui.QuizChoice {
	label := "Topic: "
	if len(topics) > 1 {
		label = "Topics: "
	}
	return quizui.QuizChoice{Label: label + strings.Join(topics, ", "), Topics: topics}
}
