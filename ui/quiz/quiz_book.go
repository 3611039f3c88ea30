package quiz

import (
	"maps"

	"kafkasim/quiz"
)

// QuizBook is the learner's saved quiz record. Each answer is saved at
// once: the progress written is what was there when the quiz began plus
// this quiz's answers so far, so nothing is counted twice.
type QuizBook struct {
	store   *quiz.Store // nil keeps progress in memory only
	base    *quiz.Progress
	Latest  *quiz.Progress
	warning string
}

// LoadQuizBook reads the progress in dir (empty: in memory only). It
// never fails: a damaged file gives fresh progress and a warning.
func LoadQuizBook(dir string) *QuizBook {
	b := &QuizBook{base: quiz.NewProgress()}
	if dir != "" {
		b.store = quiz.NewStore(dir)
		p, warn := b.store.Load()
		b.base = p
		if warn != nil {
			b.warning = warn.Error()
		}
	}
	b.Latest = b.base
	return b
}

// begin starts counting a new quiz on top of everything saved so far.
func (b *QuizBook) begin() { b.base = b.Latest }

// Record saves the session's answers so far; newBest says a finished quiz
// beat its kind's best score.
func (b *QuizBook) Record(s *quiz.Session) (newBest bool, err error) {
	p := cloneProgress(b.base)
	_, hadBest := p.Best[s.Key()]
	newBest = p.Record(s) && hadBest // a first score is no news
	b.Latest = p
	if b.store == nil {
		return newBest, nil
	}
	return newBest, b.store.Save(p)
}

func cloneProgress(p *quiz.Progress) *quiz.Progress {
	c := *p
	c.Topics = maps.Clone(p.Topics)
	c.Best = maps.Clone(p.Best)
	if c.Topics == nil {
		c.Topics = map[string]quiz.Tally{}
	}
	if c.Best == nil {
		c.Best = map[string]quiz.Best{}
	}
	return &c
}
