package quiz

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"kafkasim/internal/lazyregexp"
)

// kebab is the shape of an id: lower-case words joined by hyphens.
var kebab = lazyregexp.New(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Validate checks that a question is well formed: the rules every bank
// question and every generated question must meet.
func (q Question) Validate() error {
	issues := q.problems()
	if len(issues) == 0 {
		return nil
	}
	var errs Errors
	for _, is := range issues {
		errs = append(errs, &Error{File: q.File, Line: q.Line, Key: is.key, Msg: is.msg, Hint: is.hint})
	}
	return errs
}

// problems lists what is wrong with a built question.
func (q Question) problems() []issue {
	var out []issue
	bad := func(key, hint, format string, args ...any) {
		out = append(out, issue{key: key, msg: fmt.Sprintf(format, args...), hint: hint})
	}
	switch {
	case q.ID == "":
		bad("id", "every question needs a unique id", "missing")
	case len(q.ID) > 64 || !kebab.MatchString(q.ID):
		bad("id", `lower-case words joined by hyphens, like "acks-all-isr"`, "%q is not kebab-case", q.ID)
	}
	if !KnownTopic(q.Topic) && q.Topic != "" {
		bad("topic", "one of "+strings.Join(topicTags, ", "), "unknown topic %q", q.Topic)
	}
	if q.Scenario != "" && !slices.Contains(scenarioNames, q.Scenario) {
		bad("scenario", "one of "+strings.Join(scenarioNames, ", "), "unknown scenario %q", q.Scenario)
	}
	for _, f := range []struct {
		key, text string
		multiline bool
	}{{"prompt", q.Prompt, true}, {"explanation", q.Explanation, true}} {
		if msg := textProblem(f.text, f.multiline); msg != "" {
			bad(f.key, "plain text only; newlines are allowed", "%s", msg)
		}
	}
	if q.Prompt == "" {
		bad("prompt", "say what is asked", "empty")
	}
	if q.Explanation == "" {
		bad("explanation", "say why the answer is right", "empty")
	}
	out = append(out, q.shapeProblems()...)
	return out
}

// shapeProblems checks the choices and answer against the kind.
func (q Question) shapeProblems() []issue {
	var out []issue
	bad := func(key, hint, format string, args ...any) {
		out = append(out, issue{key: key, msg: fmt.Sprintf(format, args...), hint: hint})
	}
	listKey := "choices"
	if q.Kind == Order {
		listKey = "steps"
	}
	for i, c := range q.Choices {
		if msg := textProblem(c, false); msg != "" {
			bad(listKey, "one line of plain text each", "%s %d: %s", listKey, i+1, msg)
		} else if c == "" {
			bad(listKey, "remove it or write it", "%s %d is empty", listKey, i+1)
		} else if slices.Index(q.Choices, c) < i {
			bad(listKey, "each must differ, or the answer is ambiguous", "%q appears twice", c)
		}
	}
	if len(q.Choices) > maxChoices {
		bad(listKey, "keep it short", "%d %s; at most %d", len(q.Choices), listKey, maxChoices)
	}
	inRange := func() bool {
		for _, c := range q.Correct {
			if c < 0 || c >= len(q.Choices) {
				return false
			}
		}
		return true
	}
	switch q.Kind {
	case Single:
		if len(q.Choices) < 2 {
			bad("choices", "give at least two options", "%s", count(len(q.Choices), "choice"))
		}
		if len(q.Correct) != 1 || !inRange() {
			bad("answer", `exactly one existing choice, like answer = "B"`, "needs exactly one valid choice")
		}
	case Multi:
		if len(q.Choices) < 2 {
			bad("choices", "give at least two options", "%s", count(len(q.Choices), "choice"))
		}
		if len(q.Correct) == 0 || !inRange() || !slices.IsSorted(q.Correct) || len(slices.Compact(slices.Clone(q.Correct))) != len(q.Correct) {
			bad("answer", `at least one existing choice, like answer = ["A", "C"]`, "needs one or more valid choices")
		}
	case Order:
		if len(q.Choices) < 3 {
			bad("steps", "an order question needs something to order", "%s; want at least 3", count(len(q.Choices), "step"))
		}
		if !isPermutation(q.Correct, len(q.Choices)) {
			bad("steps", "every step exactly once", "the right order is not a permutation of the steps")
		}
	case TrueFalse, Numeric:
		if len(q.Choices) > 0 || len(q.Correct) > 0 {
			bad("choices", "remove them", "kind %s has no choices", q.Kind)
		}
	case "":
		bad("kind", "one of "+kindList(), "missing")
	default:
		bad("kind", "one of "+kindList(), "unknown kind %q", q.Kind)
	}
	return out
}

// textProblem says why s is not clean text, or "" if it is. Control
// characters and bidirectional overrides could garble or disguise what a
// terminal shows.
func textProblem(s string, multiline bool) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		switch {
		case r == '\n' && multiline:
		case r == '\n':
			return "newline in a one-line text"
		case unicode.IsControl(r):
			return fmt.Sprintf("control character %U", r)
		case unicode.Is(unicode.Cf, r):
			return fmt.Sprintf("invisible formatting character %U", r)
		}
	}
	return ""
}

func isPermutation(p []int, n int) bool {
	if len(p) != n {
		return false
	}
	seen := make([]bool, n)
	for _, v := range p {
		if v < 0 || v >= n || seen[v] {
			return false
		}
		seen[v] = true
	}
	return true
}

// mergeIssues adds later issues unless their key is already reported, so a
// wrongly typed key is not also called empty.
func mergeIssues(first, later []issue) []issue {
	out := first
	for _, is := range later {
		if !slices.ContainsFunc(first, func(f issue) bool { return f.key == is.key }) {
			out = append(out, is)
		}
	}
	return out
}

// checkUnique reports ids used more than once across the whole bank.
func checkUnique(qs []Question) Errors {
	var errs Errors
	first := map[string]Question{}
	for _, q := range qs {
		if f, ok := first[q.ID]; ok {
			errs = append(errs, &Error{File: q.File, Line: q.Line, Key: "id",
				Msg:  fmt.Sprintf("duplicate id %q", q.ID),
				Hint: fmt.Sprintf("first used at %s:%d", f.File, f.Line)})
			continue
		}
		first[q.ID] = q
	}
	return errs
}
