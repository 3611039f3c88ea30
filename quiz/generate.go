package quiz

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// PCG stream ids, one per use of a session's seed, so that drawing bank
// questions does not change which questions are generated (and printing
// with the same seed generates the same ones as a session).
const (
	streamGenerate uint64 = 0x6b61666b61 + iota // "kafka"
	streamDraw
	streamShuffle
)

// generatedPrefix starts every generated question's id; bank ids may not use it.
const generatedPrefix = "gen-"

// generator makes one kind of question from a seeded random stream. Every
// answer is computed by code (the engine's partitioner and assignors, or
// the rules in rules.go), never written by hand.
type generator struct {
	kind  string
	topic string
	make  func(r *rand.Rand) Question
}

// generators lists every kind, in a fixed order (the seed picks the order
// they are used in).
var generators = []generator{
	{"key-partition", "keys", func(r *rand.Rand) Question { return newKeyPartitionCase(r).question() }},
	{"idle-consumers", "groups", func(r *rand.Rand) Question { return newIdleConsumersCase(r).question() }},
	{"assignor-share", "rebalancing", func(r *rand.Rand) Question { return newAssignorShareCase(r).question() }},
	{"active-consumers", "groups", func(r *rand.Rand) Question { return newActiveConsumersCase(r).question() }},
	{"crash-reprocess", "offsets", func(r *rand.Rand) Question { return newCrashReprocessCase(r).question() }},
	{"early-commit-loss", "semantics", func(r *rand.Rand) Question { return newEarlyCommitCase(r).question() }},
	{"group-lag", "tools", func(r *rand.Rand) Question { return newLagCase(r).question() }},
	{"offset-reset", "offsets", func(r *rand.Rand) Question { return newResetCase(r).question() }},
	{"high-watermark", "replication", func(r *rand.Rand) Question { return newHighWatermarkCase(r).question() }},
	{"acks1-failover", "durability", func(r *rand.Rand) Question { return newAcksOneCase(r).question() }},
	{"acks-all-min-isr", "durability", func(r *rand.Rand) Question { return newAcksAllCase(r).question() }},
	{"leader-election", "elections", func(r *rand.Rand) Question { return newElectionCase(r).question() }},
	{"retention-start", "retention", func(r *rand.Rand) Question { return newRetentionCase(r).question() }},
}

// GeneratorKinds returns the names of the question generators.
func GeneratorKinds() []string {
	names := make([]string, len(generators))
	for i, g := range generators {
		names[i] = g.kind
	}
	return names
}

// Generate returns n questions made by the generators from seed. With
// topics given, only generators for those topic tags are used (and none
// may match, giving no questions). The same seed, n and topics always give
// the same questions, and a longer run starts with the shorter one: the
// supply never runs out. Kinds are used in seeded rounds, so every kind
// appears before any appears twice.
func Generate(seed uint64, n int, topics []string) []Question {
	var gens []generator
	for _, g := range generators {
		if len(topics) == 0 || slices.Contains(topics, g.topic) {
			gens = append(gens, g)
		}
	}
	if len(gens) == 0 || n <= 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(seed, streamGenerate))
	var round []int
	out := make([]Question, 0, n)
	for i := range n {
		if len(round) == 0 {
			round = r.Perm(len(gens))
		}
		g := gens[round[0]]
		round = round[1:]
		q := g.make(r)
		q.ID = fmt.Sprintf("%s%s-%d", generatedPrefix, g.kind, i+1)
		q.Topic = g.topic
		q.Generated = true
		q.File = "generated:" + g.kind
		out = append(out, q)
	}
	return out
}

// choose builds a single-choice list: the right text among the wrong ones
// (repeats of the right one or of each other dropped), in a seeded order.
func choose(r *rand.Rand, right string, wrong ...string) (choices []string, correct []int) {
	choices = []string{right}
	for _, w := range wrong {
		if !slices.Contains(choices, w) {
			choices = append(choices, w)
		}
	}
	r.Shuffle(len(choices), func(i, j int) { choices[i], choices[j] = choices[j], choices[i] })
	return choices, []int{slices.Index(choices, right)}
}

// mixer is the random stream a case uses to order its choices, so that a
// case's question is a pure function of the case.
func mixer(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, streamShuffle)) }

// pick returns one element of xs.
func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

// between returns an int in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// topicNames are the topic names generated questions use.
var topicNames = []string{"orders", "payments", "clicks", "sensor-readings", "user-events", "shipments"}

// rangeText writes an offset range for a learner: "40 to 47", "46", "none".
func rangeText(o offsetRange) string {
	switch o.count() {
	case 0:
		return "none"
	case 1:
		return fmt.Sprint(o.first)
	}
	return fmt.Sprintf("%d to %d", o.first, o.last)
}

// count writes "1 partition" or "3 partitions".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// brokerList writes broker ids as Kafka's tools do: "1,2,3".
func brokerList(ids []int) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = fmt.Sprint(id)
	}
	return strings.Join(s, ",")
}
