package quiz

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Response is a learner's answer. Which field counts depends on the kind:
// Picks for single (one index), multi (any order) and order (the indices
// of Choices in the order the learner put them); Truth for truefalse;
// Number for numeric.
type Response struct {
	Picks  []int
	Truth  bool
	Number int
}

// Check reports whether r answers q correctly.
func (q Question) Check(r Response) bool {
	switch q.Kind {
	case Single, Order:
		return slices.Equal(r.Picks, q.Correct)
	case Multi:
		picks := slices.Clone(r.Picks)
		slices.Sort(picks)
		return slices.Equal(slices.Compact(picks), q.Correct)
	case TrueFalse:
		return r.Truth == q.Truth
	case Numeric:
		return r.Number == q.Number
	}
	return false
}

// AnswerText renders the correct answer for showing after a question:
// "B. the leader", "A, C", "True", "42" or "C, A, B".
func (q Question) AnswerText() string {
	return q.render(Response{Picks: q.Correct, Truth: q.Truth, Number: q.Number})
}

// ResponseText renders a learner's answer the same way as AnswerText.
func (q Question) ResponseText(r Response) string { return q.render(r) }

func (q Question) render(r Response) string {
	switch q.Kind {
	case Single:
		if len(r.Picks) == 1 && r.Picks[0] >= 0 && r.Picks[0] < len(q.Choices) {
			return Label(r.Picks[0]) + ". " + q.Choices[r.Picks[0]]
		}
		return "(none)"
	case Multi, Order:
		if len(r.Picks) == 0 {
			return "(none)"
		}
		labels := make([]string, len(r.Picks))
		for i, p := range r.Picks {
			labels[i] = Label(p)
		}
		return strings.Join(labels, ", ")
	case TrueFalse:
		if r.Truth {
			return "True"
		}
		return "False"
	case Numeric:
		return strconv.Itoa(r.Number)
	}
	return ""
}

// ParseResponse reads a typed answer: letters for choices ("B", "a c",
// "C,A,B"), true/false/t/f/yes/no for truefalse, an integer for numeric.
// The error message says what was expected, ready to show the learner.
func (q Question) ParseResponse(s string) (Response, error) {
	s = strings.TrimSpace(s)
	switch q.Kind {
	case TrueFalse:
		switch strings.ToLower(s) {
		case "t", "true", "y", "yes":
			return Response{Truth: true}, nil
		case "f", "false", "n", "no":
			return Response{Truth: false}, nil
		}
		return Response{}, fmt.Errorf("answer true or false")
	case Numeric:
		n, err := strconv.Atoi(s)
		if err != nil {
			return Response{}, fmt.Errorf("answer with a whole number")
		}
		return Response{Number: n}, nil
	}
	picks, err := parseLetters(s, len(q.Choices))
	if err != nil {
		return Response{}, err
	}
	switch {
	case q.Kind == Single && len(picks) != 1:
		return Response{}, fmt.Errorf("pick one letter, %s", letterRange(len(q.Choices)))
	case q.Kind == Order && len(picks) != len(q.Choices):
		return Response{}, fmt.Errorf("give all %d letters in order", len(q.Choices))
	}
	return Response{Picks: picks}, nil
}

// parseLetters reads letters separated by spaces, commas or nothing.
func parseLetters(s string, n int) ([]int, error) {
	var picks []int
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == ' ' || r == ',':
			continue
		case r < 'A' || int(r-'A') >= n:
			return nil, fmt.Errorf("use the letters %s", letterRange(n))
		}
		i := int(r - 'A')
		if slices.Contains(picks, i) {
			return nil, fmt.Errorf("%s given twice", Label(i))
		}
		picks = append(picks, i)
	}
	if len(picks) == 0 {
		return nil, fmt.Errorf("use the letters %s", letterRange(n))
	}
	return picks, nil
}
