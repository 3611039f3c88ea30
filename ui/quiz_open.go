package ui

import (
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/quiz"
	"kafkasim/ui/components"
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
		if m.opts.QuizBank != "" {
			if m = m.useQuizBank(); m.quiz == nil {
				return m, nil
			}
		}
		if topics := splitTopics(m.opts.QuizTopic); len(topics) > 0 {
			m.quiz.start(topicChoice(topics))
		} else if m.quiz.bank != nil {
			m.quiz.start(quizChoice{label: "Everything in " + m.quiz.bankName})
		}
	}
	m.quiz.SetSize(m.w, m.h)
	m.current = ScreenQuiz
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
	m.quiz.book = loadQuizBook("")
	m.quiz.bank, m.quiz.bankName = qs, components.Sanitize(filepath.Base(m.opts.QuizBank))
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
func topicChoice(topics []string) quizChoice {
	label := "Topic: "
	if len(topics) > 1 {
		label = "Topics: "
	}
	return quizChoice{label: label + strings.Join(topics, ", "), topics: topics}
}
