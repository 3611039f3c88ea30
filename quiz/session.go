package quiz

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// Options choose the questions of a [Session].
type Options struct {
	// Topics restricts the quiz to these topic tags; empty means all.
	Topics []string
	// Count is how many bank questions to draw; 0 means every one that matches.
	Count int
	// Generated is how many generated questions to add.
	Generated int
	// Seed fixes the draw, the generated questions and the step order: the
	// same options and seed give the same quiz.
	Seed uint64
	// Weak draws only from the topics answered worst in Progress (within
	// Topics, if given). With no saved answers it falls back to all topics.
	Weak     bool
	Progress *Progress
	// Bank is the questions to draw from; nil means the embedded bank.
	Bank []Question
}

// weakTopicCount is how many of the worst topics weak mode draws from.
const weakTopicCount = 3

// Result is the outcome of answering one question.
type Result struct {
	Question    Question
	Given       Response
	Correct     bool
	AnswerText  string // the correct answer, rendered
	GivenText   string // the learner's answer, rendered the same way
	Explanation string
}

// Session is one run of the quiz: a fixed list of questions answered in
// turn. The TUI shows Current, passes the learner's answer to Answer and
// shows the Result; at the end, Score and Wrong give the summary.
type Session struct {
	questions []Question
	results   []Result
	topics    []string
	seed      uint64
	note      string
	key       string
}

// NewSession draws a quiz. It fails on an unknown topic tag or when no
// question matches; the message says what to change.
func NewSession(opts Options) (*Session, error) {
	bank := opts.Bank
	if bank == nil {
		var err error
		if bank, err = Bank(); err != nil {
			return nil, fmt.Errorf("the question bank has errors:\n%w", err)
		}
	}
	if err := checkTopics(opts.Topics); err != nil {
		return nil, err
	}
	s := &Session{seed: opts.Seed, topics: slices.Clone(opts.Topics), key: sessionKey(opts)}
	if opts.Weak {
		weak := WeakTopics(opts.Progress, opts.Topics, weakTopicCount)
		if len(weak) == 0 {
			s.note = "No saved answers yet, so weak-topic mode draws from every topic."
		} else {
			s.topics = weak
			s.note = "Drawing from your weakest topics: " + strings.Join(weak, ", ") + "."
		}
	}
	draw := rand.New(rand.NewPCG(opts.Seed, streamDraw))
	var picked []Question
	for _, q := range bank {
		if len(s.topics) == 0 || slices.Contains(s.topics, q.Topic) {
			picked = append(picked, q.clone())
		}
	}
	draw.Shuffle(len(picked), func(i, j int) { picked[i], picked[j] = picked[j], picked[i] })
	if opts.Count > 0 && opts.Count < len(picked) {
		picked = picked[:opts.Count]
	}
	picked = append(picked, Generate(opts.Seed, opts.Generated, s.topics)...)
	draw.Shuffle(len(picked), func(i, j int) { picked[i], picked[j] = picked[j], picked[i] })
	if len(picked) == 0 {
		return nil, errors.New("no questions match these options (choose other topics, or add generated questions)")
	}
	mix := rand.New(rand.NewPCG(opts.Seed, streamShuffle))
	for i := range picked {
		picked[i] = picked[i].Shuffle(mix)
	}
	s.questions = picked
	return s, nil
}

// checkTopics rejects unknown topic tags, naming the known ones.
func checkTopics(topics []string) error {
	for _, t := range topics {
		if !KnownTopic(t) {
			return fmt.Errorf("unknown topic %q (known topics: %s)", t, strings.Join(topicTags, ", "))
		}
	}
	return nil
}

// sessionKey names the kind of quiz, so best scores compare like with like.
func sessionKey(opts Options) string {
	key := "all"
	if len(opts.Topics) > 0 {
		ts := slices.Clone(opts.Topics)
		slices.Sort(ts)
		key = "topics:" + strings.Join(slices.Compact(ts), ",")
	}
	if opts.Weak {
		key = "weak:" + key
	}
	return key
}

// Len is the number of questions in the quiz.
func (s *Session) Len() int { return len(s.questions) }

// Index is the 0-based position of the current question (Len when done).
func (s *Session) Index() int { return len(s.results) }

// Done reports whether every question has been answered.
func (s *Session) Done() bool { return len(s.results) == len(s.questions) }

// Current returns the question to show; false once the quiz is done.
func (s *Session) Current() (Question, bool) {
	if s.Done() {
		return Question{}, false
	}
	return s.questions[len(s.results)].clone(), true
}

// Answer checks r against the current question, records the result and
// moves on. It fails only when the quiz is already done.
func (s *Session) Answer(r Response) (Result, error) {
	q, ok := s.Current()
	if !ok {
		return Result{}, errors.New("the quiz is finished")
	}
	res := Result{
		Question:    q,
		Given:       Response{Picks: slices.Clone(r.Picks), Truth: r.Truth, Number: r.Number},
		Correct:     q.Check(r),
		AnswerText:  q.AnswerText(),
		GivenText:   q.ResponseText(r),
		Explanation: q.Explanation,
	}
	s.results = append(s.results, res)
	return res, nil
}

// Score tallies the answers so far.
func (s *Session) Score() Score { return scoreOf(s.results) }

// Results returns every answer so far, in order.
func (s *Session) Results() []Result { return slices.Clone(s.results) }

// Wrong returns the wrongly answered questions, for review at the end.
func (s *Session) Wrong() []Result {
	var out []Result
	for _, r := range s.results {
		if !r.Correct {
			out = append(out, r)
		}
	}
	return out
}

// Topics returns the topic tags the quiz drew from; empty means all.
func (s *Session) Topics() []string { return slices.Clone(s.topics) }

// Seed returns the seed, to show so that a quiz can be replayed.
func (s *Session) Seed() uint64 { return s.seed }

// Note is a line worth showing the learner about how the quiz was drawn
// (weak-topic mode); often empty.
func (s *Session) Note() string { return s.note }

// Key names the kind of quiz ("all", "topics:keys,offsets", "weak:all")
// under which Progress keeps its best score.
func (s *Session) Key() string { return s.key }
