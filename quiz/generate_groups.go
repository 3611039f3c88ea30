package quiz

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"kafkasim/sim"
)

// memberIDs names n consumers c1..cn; ids sort the way the assignors sort.
func memberIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("c%d", i+1)
	}
	return ids
}

// activeConsumersCase: how many members of a group can work on one topic.
type activeConsumersCase struct {
	partitions, consumers int
	askIdle               bool
}

func newActiveConsumersCase(r *rand.Rand) activeConsumersCase {
	return activeConsumersCase{partitions: between(r, 1, 12), consumers: between(r, 1, 12), askIdle: r.IntN(2) == 0}
}

func (c activeConsumersCase) question() Question {
	active := activeConsumers(c.partitions, c.consumers)
	ask, answer := "How many of them are assigned at least one partition?", active
	if c.askIdle {
		ask, answer = "How many of them get no partition at all?", c.consumers-active
	}
	return Question{
		Kind:   Numeric,
		Prompt: fmt.Sprintf("A topic has %s. A consumer group of %s subscribes to it. %s", count(c.partitions, "partition"), count(c.consumers, "consumer"), ask),
		Number: answer,
		Explanation: fmt.Sprintf("Each partition has exactly one owner in a group, so at most %s can work: %d active, %d idle. Idle members wait as standbys; more parallelism needs more partitions.",
			count(c.partitions, "consumer"), active, c.consumers-active),
		Scenario: "consumer-groups",
	}
}

// idleConsumersCase: which members the range assignor leaves without a
// partition when the group has more members than the topic has partitions.
type idleConsumersCase struct {
	topic      string
	partitions int
	members    []string
}

func newIdleConsumersCase(r *rand.Rand) idleConsumersCase {
	m := between(r, 3, 6)
	return idleConsumersCase{topic: pick(r, topicNames...), partitions: between(r, 1, m-1), members: memberIDs(m)}
}

func (c idleConsumersCase) question() Question {
	got := mustAssign(sim.AssignorRange, map[string]int{c.topic: c.partitions}, c.members, []string{c.topic})
	var idle []int
	var shares []string
	for i, id := range c.members {
		if len(got[id]) == 0 {
			idle = append(idle, i)
		}
		shares = append(shares, id+": "+tpList(got[id]))
	}
	return Question{
		Kind: Multi,
		Prompt: fmt.Sprintf("Consumers %s form a group reading %s, which has %s, with the range assignor. Which consumers get no partition?",
			strings.Join(c.members, ", "), c.topic, count(c.partitions, "partition")),
		Choices: slices.Clone(c.members),
		Correct: idle,
		Explanation: fmt.Sprintf("Range sorts the members by id and gives each a consecutive block of partitions, extras to the first members: %s. The members after the last partition sit idle.",
			strings.Join(shares, "; ")),
		Scenario: "consumer-groups",
	}
}

// assignorShareCase: what one member gets from range or roundrobin over
// two topics.
type assignorShareCase struct {
	strategy   string
	topics     []string
	partitions map[string]int
	members    []string
	asked      string
	mix        uint64
}

func newAssignorShareCase(r *rand.Rand) assignorShareCase {
	c := assignorShareCase{
		strategy:   pick(r, sim.AssignorRange, sim.AssignorRoundRobin),
		topics:     []string{"A", "B"},
		partitions: map[string]int{"A": between(r, 1, 4), "B": between(r, 1, 4)},
		members:    memberIDs(between(r, 2, 3)),
	}
	c.asked = c.members[r.IntN(len(c.members))]
	c.mix = r.Uint64()
	return c
}

func (c assignorShareCase) question() Question {
	got := mustAssign(c.strategy, c.partitions, c.members, c.topics)
	other := sim.AssignorRoundRobin
	if c.strategy == other {
		other = sim.AssignorRange
	}
	alt := mustAssign(other, c.partitions, c.members, c.topics)
	var wrong []string
	for _, id := range c.members {
		if id != c.asked {
			wrong = append(wrong, tpList(got[id]))
		}
	}
	wrong = append(wrong, tpList(alt[c.asked]), tpList(allPartitions(c.partitions, c.topics)))
	choices, correct := choose(mixer(c.mix), tpList(got[c.asked]), wrong...)
	var shares []string
	for _, id := range c.members {
		shares = append(shares, id+": "+tpList(got[id]))
	}
	how := "range works topic by topic: sorted members get consecutive blocks of each topic's partitions, the first members one extra"
	if c.strategy == sim.AssignorRoundRobin {
		how = "roundrobin lists all partitions of both topics in order (A-0, A-1, ..., B-0, ...) and deals them to the sorted members in turn"
	}
	return Question{
		Kind: Single,
		Prompt: fmt.Sprintf("Consumers %s all subscribe to topics A (%s) and B (%s) and use the %s assignor. Which partitions does %s get?",
			strings.Join(c.members, ", "), count(c.partitions["A"], "partition"), count(c.partitions["B"], "partition"), c.strategy, c.asked),
		Choices:     choices,
		Correct:     correct,
		Explanation: fmt.Sprintf("%s: %s.", how, strings.Join(shares, "; ")),
		Scenario:    "rebalances",
	}
}

// mustAssign runs the engine's assignor for members that all subscribe to
// topics. The inputs are built here, so an error is a bug.
func mustAssign(strategy string, partitions map[string]int, ids, topics []string) map[string][]sim.TopicPartition {
	members := make([]sim.AssignMember, len(ids))
	for i, id := range ids {
		members[i] = sim.AssignMember{ID: id, Topics: topics, Generation: -1}
	}
	got, err := sim.Assign(strategy, partitions, members)
	if err != nil {
		panic(fmt.Sprintf("quiz: assign %s %v %v: %v", strategy, partitions, ids, err))
	}
	return got
}

// allPartitions lists every partition of topics, in order.
func allPartitions(partitions map[string]int, topics []string) []sim.TopicPartition {
	var tps []sim.TopicPartition
	for _, t := range topics {
		for p := range partitions[t] {
			tps = append(tps, sim.TopicPartition{Topic: t, Partition: p})
		}
	}
	return tps
}

// tpList writes partitions as Kafka does ("A-0, B-1"), or "none".
func tpList(tps []sim.TopicPartition) string {
	if len(tps) == 0 {
		return "none"
	}
	s := make([]string, len(tps))
	for i, tp := range tps {
		s[i] = tp.String()
	}
	return strings.Join(s, ", ")
}
