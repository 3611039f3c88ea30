package lessons

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"kafkasim/scenarios"
)

// PredictResult is the verdict on one prediction. Every number in it comes
// from the engine at the reveal time.
type PredictResult struct {
	Stop     int    // position of the stop in Lesson.Stops
	Answer   string // what the learner said, as given
	Metric   string
	Value    int64 // the metric's value at RevealMs
	RevealMs int64
	Right    bool
	// Expected is the answer that was right: the value, or the choices
	// whose condition the value meets.
	Expected string
	// Message says right or wrong and why, with the real value.
	Message string
}

// Errors from Predict that the TUI may want to tell apart.
var (
	ErrNoPrediction = errors.New("lessons: the run is not paused at a question")
	ErrAnswered     = errors.New("lessons: this question is already answered")
)

// Predict takes the learner's answer to the current stop's question, runs
// the engine to the reveal time, reads the metric and judges the answer.
// A malformed answer (not one of the choices, not a number) is an error
// and changes nothing, so the learner can try again.
func (p *Player) Predict(answer string) (PredictResult, error) {
	s, ok := p.Paused()
	if !ok || s.Predict == nil {
		return PredictResult{}, ErrNoPrediction
	}
	if _, done := p.answers[p.paused]; done {
		return PredictResult{}, ErrAnswered
	}
	q := s.Predict
	answer = strings.TrimSpace(answer)
	pick, err := q.parseAnswer(answer)
	if err != nil {
		return PredictResult{}, err
	}
	if q.RevealMs > p.run.Now() {
		p.run.RunUntil(q.RevealMs)
	}
	v, err := scenarios.Metric(p.run.Snapshot(), q.Metric)
	if err != nil {
		return PredictResult{}, fmt.Errorf("lessons: reading %s: %w", q.Metric, err)
	}
	r := PredictResult{Stop: p.paused, Answer: answer, Metric: q.Metric, Value: v, RevealMs: q.RevealMs}
	r.Right, r.Expected = q.judge(pick, v)
	r.Message = q.message(r)
	p.answers[p.paused] = r
	return r, nil
}

// Answer returns the verdict already given at a stop, if any.
func (p *Player) Answer(stop int) (PredictResult, bool) {
	r, ok := p.answers[stop]
	return r, ok
}

// parseAnswer checks an answer: one of the choices (case does not matter),
// or a whole number when there are no choices.
func (q *Predict) parseAnswer(answer string) (pick, error) {
	if len(q.Choices) > 0 {
		for i, c := range q.Choices {
			if strings.EqualFold(c, answer) {
				return pick{index: i, number: parseIntOr(c)}, nil
			}
		}
		return pick{}, fmt.Errorf("pick one of %s", strings.Join(q.Choices, ", "))
	}
	n, err := strconv.ParseInt(answer, 10, 64)
	if err != nil {
		return pick{}, fmt.Errorf("type a whole number")
	}
	return pick{index: -1, number: n}, nil
}

// pick is a parsed answer: a choice's index (or -1) and its number.
type pick struct {
	index  int
	number int64
}

func parseIntOr(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// judge compares an answer with the engine's value.
func (q *Predict) judge(a pick, v int64) (right bool, expected string) {
	if len(q.Means) == 0 {
		return a.number == v, strconv.FormatInt(v, 10)
	}
	var rightOnes []string
	for i, c := range q.Means {
		if c.Holds(v) {
			rightOnes = append(rightOnes, q.Choices[i])
			if i == a.index {
				right = true
			}
		}
	}
	if len(rightOnes) == 0 {
		return false, "none of the choices"
	}
	return right, strings.Join(rightOnes, " or ")
}

// message writes the verdict with the real value.
func (q *Predict) message(r PredictResult) string {
	var b strings.Builder
	if r.Right {
		b.WriteString("Right. ")
	} else {
		fmt.Fprintf(&b, "Not this time: you said %s, the answer was %s. ", r.Answer, r.Expected)
	}
	fmt.Fprintf(&b, "At %s the engine shows %s = %d.", formatMs(r.RevealMs), r.Metric, r.Value)
	if q.Explain != "" {
		b.WriteString(" ")
		b.WriteString(strings.ReplaceAll(q.Explain, "{value}", strconv.FormatInt(r.Value, 10)))
	}
	return b.String()
}
