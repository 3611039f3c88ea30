package quiz

import (
	"slices"
	"strings"
	"testing"
)

func ids(s *Session) []string {
	var out []string
	for _, q := range s.questions {
		out = append(out, q.ID)
	}
	return out
}

func TestNewSessionDrawsBySeed(t *testing.T) {
	opts := Options{Count: 10, Generated: 5, Seed: 99}
	a, err := NewSession(opts)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewSession(opts)
	if a.Len() != 15 || !slices.Equal(ids(a), ids(b)) {
		t.Fatalf("same seed gave %v and %v", ids(a), ids(b))
	}
	opts.Seed = 100
	c, _ := NewSession(opts)
	if slices.Equal(ids(a), ids(c)) {
		t.Error("different seeds gave the same quiz")
	}
	gen := 0
	for _, q := range a.questions {
		if q.Generated {
			gen++
		}
	}
	if gen != 5 {
		t.Errorf("%d generated questions, want 5", gen)
	}
}

func TestNewSessionTopicsAndCount(t *testing.T) {
	s, err := NewSession(Options{Topics: []string{"keys", "retention"}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	bank := loadBank(t)
	want := 0
	for _, q := range bank {
		if q.Topic == "keys" || q.Topic == "retention" {
			want++
		}
	}
	if s.Len() != want {
		t.Errorf("Count 0 should draw every match: got %d, want %d", s.Len(), want)
	}
	for _, q := range s.questions {
		if q.Topic != "keys" && q.Topic != "retention" {
			t.Errorf("%s has topic %s", q.ID, q.Topic)
		}
	}
	if s.Key() != "topics:keys,retention" {
		t.Errorf("key %q", s.Key())
	}
	if _, err := NewSession(Options{Topics: []string{"consumers"}}); err == nil || !strings.Contains(err.Error(), "known topics") {
		t.Errorf("unknown topic: err = %v", err)
	}
	if _, err := NewSession(Options{Bank: []Question{}, Generated: 0}); err == nil {
		t.Error("an empty quiz should be an error")
	}
}

func TestSessionAnswerFlow(t *testing.T) {
	bank := []Question{qSingle, qMulti, qTF, qNum, qOrder}
	s, err := NewSession(Options{Bank: bank, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	right := 0
	for i := 0; !s.Done(); i++ {
		if s.Index() != i {
			t.Fatalf("Index %d, want %d", s.Index(), i)
		}
		q, ok := s.Current()
		if !ok {
			t.Fatal("Current not ok before done")
		}
		r := Response{Picks: q.Correct, Truth: q.Truth, Number: q.Number}
		if q.Kind == TrueFalse || q.Kind == Numeric {
			r = Response{Truth: !q.Truth, Number: q.Number + 1} // answer these wrong
		} else {
			right++
		}
		res, err := s.Answer(r)
		if err != nil {
			t.Fatal(err)
		}
		if res.Correct != (q.Kind != TrueFalse && q.Kind != Numeric) {
			t.Errorf("%s: Correct=%t", q.ID, res.Correct)
		}
		if res.AnswerText != q.AnswerText() || res.Explanation != q.Explanation || res.GivenText == "" {
			t.Errorf("%s: result %+v", q.ID, res)
		}
	}
	if _, ok := s.Current(); ok {
		t.Error("Current ok after done")
	}
	if _, err := s.Answer(Response{}); err == nil {
		t.Error("Answer after done should fail")
	}
	sc := s.Score()
	if sc.Overall != (Tally{Right: 3, Wrong: 2}) || sc.Overall.Percent() != 60 {
		t.Errorf("score %+v", sc)
	}
	if len(sc.ByTopic) != 1 || sc.ByTopic[0].Topic != "log" {
		t.Errorf("by topic %+v", sc.ByTopic)
	}
	wrong := s.Wrong()
	if len(wrong) != 2 || len(s.Results()) != 5 {
		t.Fatalf("wrong %d results %d", len(wrong), len(s.Results()))
	}
	for _, w := range wrong {
		if w.Correct || (w.Question.Kind != TrueFalse && w.Question.Kind != Numeric) {
			t.Errorf("wrong list holds %+v", w)
		}
	}
}

func TestSessionShufflesOrderSteps(t *testing.T) {
	s, err := NewSession(Options{Bank: []Question{qOrder}, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	q, _ := s.Current()
	if slices.Equal(q.Choices, qOrder.Choices) {
		t.Error("order steps shown in the right order")
	}
	if res, _ := s.Answer(Response{Picks: q.Correct}); !res.Correct {
		t.Error("the shown question's answer is not accepted")
	}
}

func TestScoreByTopicOrder(t *testing.T) {
	results := []Result{
		{Question: Question{Topic: "tools"}, Correct: true},
		{Question: Question{Topic: "log"}, Correct: false},
		{Question: Question{Topic: "tools"}, Correct: false},
	}
	sc := scoreOf(results)
	if len(sc.ByTopic) != 2 || sc.ByTopic[0].Topic != "log" || sc.ByTopic[1].Tally != (Tally{1, 1}) {
		t.Errorf("%+v", sc.ByTopic)
	}
	if (Tally{}).Percent() != 0 || (Tally{Right: 2, Wrong: 1}).Percent() != 67 {
		t.Error("percent rounding")
	}
}

func TestWeakTopicMode(t *testing.T) {
	p := NewProgress()
	p.Topics["keys"] = Tally{Right: 1, Wrong: 9}
	p.Topics["offsets"] = Tally{Right: 5, Wrong: 5}
	p.Topics["retention"] = Tally{Right: 5, Wrong: 5}
	p.Topics["log"] = Tally{Right: 10, Wrong: 0}
	p.Topics["tools"] = Tally{Right: 2, Wrong: 8}

	got := WeakTopics(p, nil, 3)
	// keys 10%, tools 20%, then offsets and retention tie at 50% with 5
	// wrong each: teaching order breaks the tie.
	if !slices.Equal(got, []string{"keys", "tools", "offsets"}) {
		t.Errorf("WeakTopics = %v", got)
	}
	if got := WeakTopics(p, []string{"log", "retention"}, 3); !slices.Equal(got, []string{"retention", "log"}) {
		t.Errorf("within: %v", got)
	}
	if WeakTopics(nil, nil, 3) != nil || WeakTopics(NewProgress(), nil, 3) != nil {
		t.Error("no progress, no weak topics")
	}

	s, err := NewSession(Options{Weak: true, Progress: p, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range s.questions {
		if !slices.Contains([]string{"keys", "tools", "offsets"}, q.Topic) {
			t.Errorf("weak mode drew %s (%s)", q.ID, q.Topic)
		}
	}
	if !strings.Contains(s.Note(), "keys") || s.Key() != "weak:all" {
		t.Errorf("note %q key %q", s.Note(), s.Key())
	}
	fresh, err := NewSession(Options{Weak: true, Progress: NewProgress(), Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(fresh.Topics()) != 0 || fresh.Note() == "" {
		t.Errorf("fresh weak mode: topics %v note %q", fresh.Topics(), fresh.Note())
	}
}
