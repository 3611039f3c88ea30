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
	Skipped  bool // the learner passed on the question
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

// pendingAnswer is an answer given, waiting for the run to reach its
// reveal time so the engine can judge it.
type pendingAnswer struct {
	stop     int
	answer   string
	pick     pick
	skipped  bool
	revealMs int64
}

// Predict takes the learner's answer to the current stop's question, runs
// the engine to the reveal time, reads the metric and judges the answer.
// A malformed answer (not one of the choices, not a number) is an error
// and changes nothing, so the learner can try again.
func (p *Player) Predict(answer string) (PredictResult, error) {
	if err := p.Choose(answer); err != nil {
		return PredictResult{}, err
	}
	return p.runToReveal()
}

// Skip passes on the current stop's question: the engine still shows the
// answer at the reveal time, and the result is recorded as a skip.
func (p *Player) Skip() (PredictResult, error) {
	if err := p.choose("", true); err != nil {
		return PredictResult{}, err
	}
	return p.runToReveal()
}

// runToReveal plays to the pending reveal at once.
func (p *Player) runToReveal() (PredictResult, error) {
	stop := p.pending.stop
	p.Advance(p.pending.revealMs)
	r, ok := p.answers[stop]
	if !ok {
		return PredictResult{}, fmt.Errorf("lessons: the run ended before the reveal")
	}
	return r, nil
}

// Choose takes the learner's answer and leaves the stop: the run goes on
// to the reveal time (Advance holds there), where the engine judges it, so
// a screen can play the interval the question is about. Skip by
// ChooseSkip.
func (p *Player) Choose(answer string) error { return p.choose(answer, false) }

// ChooseSkip is Skip without running: the reveal plays like an answer's.
func (p *Player) ChooseSkip() error { return p.choose("", true) }

func (p *Player) choose(answer string, skip bool) error {
	s, ok := p.Paused()
	if !ok || s.Predict == nil {
		return ErrNoPrediction
	}
	if _, done := p.answers[p.paused]; done {
		return ErrAnswered
	}
	answer = strings.TrimSpace(answer)
	var pk pick
	if !skip {
		var err error
		if pk, err = s.Predict.parseAnswer(answer); err != nil {
			return err
		}
	}
	p.pending = &pendingAnswer{stop: p.paused, answer: answer, pick: pk, skipped: skip, revealMs: s.Predict.RevealMs}
	p.paused = -1
	return nil
}

// Revealing is the stop whose answer the run is playing towards, and when
// it will be judged.
func (p *Player) Revealing() (stop int, atMs int64, ok bool) {
	if p.pending == nil {
		return -1, 0, false
	}
	return p.pending.stop, p.pending.revealMs, true
}

// reveal judges the pending answer with the engine's value now, and holds
// the run at its stop so the verdict can be read.
func (p *Player) reveal() {
	a := p.pending
	p.pending = nil
	q := p.lesson.Stops[a.stop].Predict
	v, err := scenarios.Metric(p.run.Sim().Snapshot(), q.Metric)
	r := PredictResult{Stop: a.stop, Answer: a.answer, Metric: q.Metric, Value: v, RevealMs: a.revealMs, Skipped: a.skipped}
	switch {
	case err != nil:
		r.Message = fmt.Sprintf("The engine cannot say: %v.", err)
	case a.skipped:
		_, r.Expected = q.judge(pick{index: -1}, v)
		r.Message = q.message(r)
	default:
		r.Right, r.Expected = q.judge(a.pick, v)
		r.Message = q.message(r)
	}
	p.answers[a.stop] = r
	p.paused = a.stop
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
	switch {
	case r.Skipped:
		fmt.Fprintf(&b, "Skipped: the answer was %s. ", r.Expected)
	case r.Right:
		b.WriteString("Right. ")
	default:
		fmt.Fprintf(&b, "Not this time: you said %s, the answer was %s. ", r.Answer, r.Expected)
	}
	fmt.Fprintf(&b, "At %s the engine shows: %s.", formatMs(r.RevealMs), MetricWords(r.Metric, r.Value))
	if q.Explain != "" {
		b.WriteString(" ")
		b.WriteString(strings.ReplaceAll(q.Explain, "{value}", strconv.FormatInt(r.Value, 10)))
	}
	return b.String()
}
