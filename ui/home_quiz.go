package ui

import (
	"encoding/json"
	"os"
	"strings"

	"kafkasim/quiz"
	"kafkasim/ui/components"
)

// peekQuizProgress reads the saved quiz progress for the home preview
// without the quiz's own loading (which backs up a damaged file and warns:
// that stays for when the quiz opens). Anything wrong gives nil.
func peekQuizProgress(dir string) *quiz.Progress {
	if dir == "" {
		return nil
	}
	data, err := os.ReadFile(quiz.NewStore(dir).Path())
	if err != nil {
		return nil
	}
	p := quiz.NewProgress()
	if json.Unmarshal(data, p) != nil {
		return nil
	}
	return p
}

// quizProgressLine sums progress up: "3 quizzes finished · 41 of 52
// answers right · weakest: offsets, elections".
func quizProgressLine(p *quiz.Progress) string {
	if p == nil {
		return ""
	}
	var t quiz.Tally
	for _, tt := range p.Topics {
		t.Right += tt.Right
		t.Wrong += tt.Wrong
	}
	if p.Quizzes == 0 && t.Total() == 0 {
		return "not taken yet"
	}
	quizzes := components.Itoa(p.Quizzes) + " quizzes"
	if p.Quizzes == 1 {
		quizzes = "1 quiz"
	}
	s := quizzes + " finished · " + components.Itoa(t.Right) + " of " + components.Itoa(t.Total()) + " answers right"
	if weak := quiz.WeakTopics(p, nil, 2); len(weak) > 0 {
		s += " · weakest: " + strings.Join(weak, ", ")
	}
	return s
}

// setQuizProgress puts the quiz's progress in its preview.
func (h *homeScreen) setQuizProgress(p *quiz.Progress) {
	line := quizProgressLine(p)
	for i := range h.items {
		if h.items[i].kind == homeQuiz {
			h.items[i].progress = line
		}
	}
}
