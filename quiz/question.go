package quiz

import (
	"math/rand/v2"
	"slices"

	"kafkasim/scenarios"
)

// Kind is the shape of a question: how it is asked and how it is answered.
type Kind string

// The kinds of question.
const (
	Single    Kind = "single"    // one correct choice
	Multi     Kind = "multi"     // select all that apply
	TrueFalse Kind = "truefalse" // a statement, true or false
	Order     Kind = "order"     // put steps in order
	Numeric   Kind = "numeric"   // an integer answer
)

// allKinds lists every kind, in the order help text shows them.
var allKinds = []Kind{Single, Multi, TrueFalse, Order, Numeric}

// Kinds returns every kind, in the order help text shows them.
func Kinds() []Kind { return slices.Clone(allKinds) }

// String returns the kind's name as written in the bank.
func (k Kind) String() string { return string(k) }

// Valid reports whether k is one of the five kinds.
func (k Kind) Valid() bool { return slices.Contains(allKinds, k) }

// Question is one quiz question, from the bank or generated.
//
// Choices holds the options of single and multi questions and the steps of
// order questions. Correct holds indices into Choices: the one right choice
// (single), every right choice in ascending order (multi), or the steps in
// their right order (order). In the bank an order question's steps are
// written in the right order; [Question.Shuffle] mixes them for showing.
type Question struct {
	ID          string
	Topic       string
	Kind        Kind
	Prompt      string
	Choices     []string
	Correct     []int
	Truth       bool // truefalse: whether the statement is true
	Number      int  // numeric: the answer
	Explanation string
	// Scenario names a built-in scenario that shows the answer; may be empty.
	Scenario string

	// Generated is true for questions made by a generator; File is then
	// "generated:<kind>" and Line is 0.
	Generated bool
	File      string
	Line      int
}

// clone returns a copy that shares no slices with q.
func (q Question) clone() Question {
	q.Choices = slices.Clone(q.Choices)
	q.Correct = slices.Clone(q.Correct)
	return q
}

// Shuffle returns a copy of an order question with its steps mixed so they
// are not already in the right order (a learner could otherwise just accept
// what is shown). Other kinds are returned unchanged: authors place their
// choices deliberately.
func (q Question) Shuffle(r *rand.Rand) Question {
	q = q.clone()
	if q.Kind != Order || len(q.Choices) < 2 {
		return q
	}
	n := len(q.Choices)
	perm := r.Perm(n)
	if isIdentity(perm) {
		// Rotate by one: still seeded, never the answer itself.
		perm = append(perm[1:], perm[0])
	}
	// perm[i] is the original step shown at position i.
	shown := make([]string, n)
	where := make([]int, n) // original step -> shown position
	for pos, orig := range perm {
		shown[pos] = q.Choices[orig]
		where[orig] = pos
	}
	correct := make([]int, len(q.Correct))
	for i, orig := range q.Correct {
		correct[i] = where[orig]
	}
	q.Choices, q.Correct = shown, correct
	return q
}

func isIdentity(perm []int) bool {
	for i, v := range perm {
		if v != i {
			return false
		}
	}
	return true
}

// Label is the letter a choice is shown with: 0 → "A", 1 → "B".
func Label(i int) string {
	if i < 0 || i >= maxChoices {
		return "?"
	}
	return string(rune('A' + i))
}

// maxChoices keeps every choice addressable by one letter.
const maxChoices = 26

// Topic tags, one per area of Kafka the quiz covers.
var topicTags = []string{
	"log", "partitions", "keys", "producers", "groups", "offsets",
	"rebalancing", "replication", "durability", "elections", "semantics",
	"retention", "control-plane", "systems", "programs", "tools",
}

// Topics returns the topic tags a question may carry, in teaching order.
func Topics() []string { return slices.Clone(topicTags) }

// KnownTopic reports whether t is one of [Topics].
func KnownTopic(t string) bool { return slices.Contains(topicTags, t) }

// scenarioNames are the built-in scenarios a question may link to: all
// of them, from the scenarios package, so a new one is linkable at once
// (and TestLinkedScenarios asks for a question that shows it).
var scenarioNames = scenarios.Names()
