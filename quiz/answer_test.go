package quiz

import (
	"math/rand/v2"
	"slices"
	"testing"
)

var (
	qSingle = Question{ID: "s", Topic: "log", Kind: Single, Prompt: "p", Choices: []string{"a", "b", "c"}, Correct: []int{1}, Explanation: "e"}
	qMulti  = Question{ID: "m", Topic: "log", Kind: Multi, Prompt: "p", Choices: []string{"a", "b", "c", "d"}, Correct: []int{0, 2}, Explanation: "e"}
	qOrder  = Question{ID: "o", Topic: "log", Kind: Order, Prompt: "p", Choices: []string{"one", "two", "three", "four"}, Correct: []int{0, 1, 2, 3}, Explanation: "e"}
	qTF     = Question{ID: "t", Topic: "log", Kind: TrueFalse, Prompt: "p", Truth: true, Explanation: "e"}
	qNum    = Question{ID: "n", Topic: "log", Kind: Numeric, Prompt: "p", Number: 25, Explanation: "e"}
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		q    Question
		r    Response
		want bool
	}{
		{"single right", qSingle, Response{Picks: []int{1}}, true},
		{"single wrong", qSingle, Response{Picks: []int{0}}, false},
		{"single two picks", qSingle, Response{Picks: []int{1, 0}}, false},
		{"multi right, any order", qMulti, Response{Picks: []int{2, 0}}, true},
		{"multi missing one", qMulti, Response{Picks: []int{0}}, false},
		{"multi one too many", qMulti, Response{Picks: []int{0, 1, 2}}, false},
		{"multi repeat is harmless", qMulti, Response{Picks: []int{0, 2, 2}}, true},
		{"order right", qOrder, Response{Picks: []int{0, 1, 2, 3}}, true},
		{"order swapped", qOrder, Response{Picks: []int{1, 0, 2, 3}}, false},
		{"truefalse right", qTF, Response{Truth: true}, true},
		{"truefalse wrong", qTF, Response{Truth: false}, false},
		{"numeric right", qNum, Response{Number: 25}, true},
		{"numeric wrong", qNum, Response{Number: 24}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.q.Check(tt.r); got != tt.want {
				t.Errorf("Check(%+v) = %t, want %t", tt.r, got, tt.want)
			}
		})
	}
}

func TestAnswerText(t *testing.T) {
	tests := []struct {
		q    Question
		want string
	}{
		{qSingle, "B. b"},
		{qMulti, "A, C"},
		{qOrder, "A, B, C, D"},
		{qTF, "True"},
		{qNum, "25"},
	}
	for _, tt := range tests {
		if got := tt.q.AnswerText(); got != tt.want {
			t.Errorf("%s: AnswerText = %q, want %q", tt.q.Kind, got, tt.want)
		}
	}
	if got := qSingle.ResponseText(Response{Picks: []int{7}}); got != "(none)" {
		t.Errorf("out-of-range pick rendered %q", got)
	}
}

func TestParseResponse(t *testing.T) {
	tests := []struct {
		name    string
		q       Question
		in      string
		want    Response
		wantErr bool
	}{
		{"single letter", qSingle, "b", Response{Picks: []int{1}}, false},
		{"single two letters", qSingle, "ab", Response{}, true},
		{"single out of range", qSingle, "D", Response{}, true},
		{"multi with commas", qMulti, "A, c", Response{Picks: []int{0, 2}}, false},
		{"multi repeated letter", qMulti, "AA", Response{}, true},
		{"order letters", qOrder, "D C B A", Response{Picks: []int{3, 2, 1, 0}}, false},
		{"order incomplete", qOrder, "DCB", Response{}, true},
		{"empty", qSingle, "  ", Response{}, true},
		{"true", qTF, "True", Response{Truth: true}, false},
		{"no", qTF, "n", Response{Truth: false}, false},
		{"maybe", qTF, "maybe", Response{}, true},
		{"number", qNum, " 604800000 ", Response{Number: 604800000}, false},
		{"negative number", qNum, "-3", Response{Number: -3}, false},
		{"not a number", qNum, "6.5", Response{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.q.ParseResponse(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %t", err, tt.wantErr)
			}
			if err == nil && (!slices.Equal(got.Picks, tt.want.Picks) || got.Truth != tt.want.Truth || got.Number != tt.want.Number) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestShuffleOrderQuestion(t *testing.T) {
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 1))
		s := qOrder.Shuffle(r)
		if slices.Equal(s.Choices, qOrder.Choices) {
			t.Fatalf("seed %d: steps shown in the right order", seed)
		}
		// The right answer still lists the steps in their true order.
		var inOrder []string
		for _, i := range s.Correct {
			inOrder = append(inOrder, s.Choices[i])
		}
		if !slices.Equal(inOrder, qOrder.Choices) {
			t.Fatalf("seed %d: Correct %v over %v gives %v", seed, s.Correct, s.Choices, inOrder)
		}
		if !s.Check(Response{Picks: s.Correct}) {
			t.Fatalf("seed %d: the shuffled answer does not check", seed)
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
	}
	if !slices.Equal(qOrder.Choices, []string{"one", "two", "three", "four"}) {
		t.Error("Shuffle changed the original question")
	}
	if got := qSingle.Shuffle(rand.New(rand.NewPCG(1, 1))); !slices.Equal(got.Choices, qSingle.Choices) {
		t.Error("single choices keep the author's order")
	}
}

func TestLabel(t *testing.T) {
	if Label(0) != "A" || Label(25) != "Z" || Label(26) != "?" || Label(-1) != "?" {
		t.Error("labels")
	}
}
