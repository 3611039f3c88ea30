package home

import (
	"encoding/json"
	"os"
	"strings"

	"kafkasim/quiz"
	"kafkasim/ui/components"
)

// PeekQuizProgress reads the saved quiz progress for the home preview
// without the quiz's own loading (which backs up a damaged file and warns:
// that stays for when the quiz opens). Anything wrong gives nil.
func PeekQuizProgress(dir string) *quiz.Progress {
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

// QuizProgressLine sums progress up: "3 quizzes finished · 41 of 52
// answers right · weakest: offsets, elections".
func QuizProgressLine(p *quiz.Progress) string {
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

// SetQuizProgress puts the quiz's progress in its preview.
func (h *Screen) SetQuizProgress(p *quiz.Progress) {
	line := QuizProgressLine(p)
	for i := range h.Items {
		if h.Items[i].Kind == homeQuiz {
			h.Items[i].progress = line
		}
	}
}
