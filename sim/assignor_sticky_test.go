package sim

import (
	"fmt"
	"slices"
	"testing"
)

// Cases after Kafka's AbstractStickyAssignorTest and
// CooperativeStickyAssignorTest. Where a Kafka case depends on the order
// its hash map visits members, ours visits them by id and the expectation
// says so.
func TestAssignSticky(t *testing.T) {
	both := []string{"topic1", "topic2"}
	runAssignCases(t, AssignorSticky, append(slices.Clone(sharedAssignCases), []assignCase{
		{"mixed subscriptions (general algorithm)", map[string]int{"topic1": 3, "topic2": 2},
			[]AssignMember{asMember("c1", "topic1"), asMember("c2", both...), asMember("c3", "topic1")},
			"c1: topic1-0 topic1-2; c2: topic2-0 topic2-1; c3: topic1-1"},
		{"two consumers two topics six partitions", map[string]int{"topic1": 3, "topic2": 3},
			[]AssignMember{asMember("c1", both...), asMember("c2", both...)},
			"c1: topic1-0 topic1-2 topic2-1; c2: topic1-1 topic2-0 topic2-2"},
		{"owner at min quota takes the extra partition", map[string]int{"topic1": 2, "topic2": 3},
			[]AssignMember{
				asOwning(asMember("c1", both...), 1, "topic1-0", "topic2-1"),
				asOwning(asMember("c2", both...), 1, "topic1-1", "topic2-2"),
			},
			"c1: topic1-0 topic2-0 topic2-1; c2: topic1-1 topic2-2"},
		// Kafka visits consumer2 first and lets it keep two; by id, c1 does.
		{"more owners at max quota than places", map[string]int{"topic1": 2, "topic2": 2},
			[]AssignMember{
				asOwning(asMember("c1", both...), 1, "topic1-0", "topic2-0"),
				asOwning(asMember("c2", both...), 1, "topic1-1", "topic2-1"),
				asOwning(asMember("c3", both...), 1),
			},
			"c1: topic1-0 topic2-0; c2: topic1-1; c3: topic2-1"},
		{"all consumers under min quota", map[string]int{"topic1": 2, "topic2": 3},
			[]AssignMember{
				asOwning(asMember("c1", both...), 1, "topic1-0"),
				asOwning(asMember("c2", both...), 1, "topic1-1"),
				asOwning(asMember("c3", both...), 1),
			},
			"c1: topic1-0 topic2-1; c2: topic1-1 topic2-2; c3: topic2-0"},
		{"all consumers reach their quota", map[string]int{"topic": 4},
			[]AssignMember{
				asOwning(asMember("c1", "topic"), 1, "topic-0", "topic-1"),
				asOwning(asMember("c2", "topic"), 1, "topic-2"),
				asOwning(asMember("c3", "topic"), 1),
			},
			"c1: topic-0 topic-1; c2: topic-2; c3: topic-3"},
		{"claim shared in one generation goes to nobody", map[string]int{"topic": 3},
			[]AssignMember{
				asOwning(asMember("c1", "topic"), 1, "topic-0", "topic-1"),
				asOwning(asMember("c2", "topic"), 1, "topic-0", "topic-2"),
				asOwning(asMember("c3", "topic"), 1),
			},
			"c1: topic-1; c2: topic-2; c3: topic-0"},
		{"stale generation loses its claims", map[string]int{"topic": 3, "topic2": 3},
			[]AssignMember{
				asOwning(asMember("c1", "topic", "topic2"), 10, "topic-0", "topic-2", "topic2-1"),
				asOwning(asMember("c2", "topic", "topic2"), 9, "topic-0", "topic-2", "topic2-1"),
			},
			"c1: topic-0 topic-2 topic2-1; c2: topic-1 topic2-0 topic2-2"},
		{"unknown generation loses its claims", map[string]int{"topic": 3, "topic2": 3},
			[]AssignMember{
				asOwning(asMember("c1", "topic", "topic2"), 10, "topic-0", "topic-2", "topic2-1"),
				asOwning(asMember("c2", "topic", "topic2"), -1, "topic-0", "topic-2", "topic2-1"),
			},
			"c1: topic-0 topic-2 topic2-1; c2: topic-1 topic2-0 topic2-2"},
		{"highest generation wins each claim", map[string]int{"topic": 3, "topic2": 3, "topic3": 3},
			[]AssignMember{
				asOwning(asMember("c1", "topic", "topic2", "topic3"), 10, "topic-0", "topic2-0", "topic3-0"),
				asOwning(asMember("c2", "topic", "topic2", "topic3"), 9, "topic-1", "topic2-1", "topic3-1"),
				asOwning(asMember("c3", "topic", "topic2", "topic3"), 8, "topic2-1", "topic3-0", "topic3-2"),
			},
			"c1: topic-0 topic2-0 topic3-0; c2: topic-1 topic2-1 topic3-1; c3: topic-2 topic2-2 topic3-2"},
		{"new member fills up without moving others", map[string]int{"topic": 3, "topic1": 3, "topic2": 3, "topic3": 3},
			[]AssignMember{
				asMember("c1", "topic", "topic1", "topic2", "topic3"),
				asOwning(asMember("c2", "topic", "topic1", "topic2", "topic3"), 9, "topic-0", "topic2-0", "topic1-0"),
				asOwning(asMember("c3", "topic", "topic1", "topic2", "topic3"), 8, "topic3-2", "topic2-2", "topic1-1"),
				asOwning(asMember("c4", "topic", "topic1", "topic2", "topic3"), 7, "topic3-1", "topic-1", "topic-2"),
			},
			"c1: topic1-2 topic2-1 topic3-0; c2: topic-0 topic1-0 topic2-0; c3: topic1-1 topic2-2 topic3-2; c4: topic-1 topic-2 topic3-1"},
		{"claims from several generations", map[string]int{"topic": 3, "topic2": 3},
			[]AssignMember{
				asOwning(asMember("c1", "topic", "topic2"), 10, "topic-0", "topic2-1", "topic-1"),
				asOwning(asMember("c2", "topic", "topic2"), 8, "topic-0", "topic2-1", "topic2-2"),
			},
			"c1: topic-0 topic-1 topic2-1; c2: topic-2 topic2-0 topic2-2"},
		{"only subscribed topic deleted", map[string]int{},
			[]AssignMember{asOwning(asMember("c", "topic"), 1, "topic-0", "topic-1", "topic-2")},
			"c: -"},
		{"unsubscribed topic is given up (general algorithm)", map[string]int{"a": 2, "b": 2},
			[]AssignMember{
				asOwning(asMember("c1", "a"), 1, "a-0", "b-0", "b-1"),
				asOwning(asMember("c2", "a", "b"), 1, "a-1"),
			},
			"c1: a-0 a-1; c2: b-0 b-1"},
	}...))
}

func TestAssignCooperativeSticky(t *testing.T) {
	runAssignCases(t, AssignorCooperativeSticky, append(slices.Clone(sharedAssignCases), []assignCase{
		{"moving partition withheld until revoked", map[string]int{"topic": 3},
			[]AssignMember{
				asOwning(asMember("c1", "topic"), 1, "topic-0", "topic-1", "topic-2"),
				asOwning(asMember("c2", "topic"), 1),
			},
			"c1: topic-0 topic-1; c2: -"},
		{"partition claimed twice in one generation is withheld", map[string]int{"topic": 3},
			[]AssignMember{
				asOwning(asMember("c1", "topic"), 1, "topic-0", "topic-1"),
				asOwning(asMember("c2", "topic"), 1, "topic-0", "topic-2"),
				asOwning(asMember("c3", "topic"), 1),
			},
			"c1: topic-1; c2: topic-2; c3: -"},
		{"claimed twice, uneven counts", map[string]int{"topic": 4},
			[]AssignMember{
				asOwning(asMember("c1", "topic"), 1, "topic-0", "topic-1"),
				asOwning(asMember("c2", "topic"), 1, "topic-0", "topic-2"),
				asOwning(asMember("c3", "topic"), 1),
			},
			"c1: topic-1 topic-3; c2: topic-2; c3: -"},
		{"unowned partitions move at once", map[string]int{"topic1": 2, "topic2": 3},
			[]AssignMember{
				asOwning(asMember("c1", "topic1", "topic2"), 1, "topic1-0"),
				asOwning(asMember("c2", "topic1", "topic2"), 1, "topic1-1"),
				asOwning(asMember("c3", "topic1", "topic2"), 1),
			},
			"c1: topic1-0 topic2-1; c2: topic1-1 topic2-2; c3: topic2-0"},
	}...))
}

// TestStickyAddRemoveConsumers follows Kafka's
// testAddRemoveTwoConsumersTwoTopics: two members, two more join, then the
// first two leave. At each step the sticky result, and what
// cooperative-sticky withholds, match Kafka's.
func TestStickyAddRemoveConsumers(t *testing.T) {
	parts := map[string]int{"topic1": 3, "topic2": 4}
	both := []string{"topic1", "topic2"}
	steps := []struct {
		members  []string
		sticky   string
		withheld []string // partitions cooperative-sticky holds back
	}{
		{[]string{"c1", "c2"},
			"c1: topic1-0 topic1-2 topic2-1 topic2-3; c2: topic1-1 topic2-0 topic2-2", nil},
		{[]string{"c1", "c2", "c3", "c4"},
			"c1: topic1-0 topic2-1; c2: topic1-1 topic2-0; c3: topic1-2 topic2-3; c4: topic2-2",
			[]string{"topic1-2", "topic2-2", "topic2-3"}},
		{[]string{"c3", "c4"},
			"c3: topic1-0 topic1-2 topic2-1 topic2-3; c4: topic1-1 topic2-0 topic2-2", nil},
	}
	prev := map[string][]TopicPartition{}
	for gen, step := range steps {
		var members []AssignMember
		for _, id := range step.members {
			members = append(members, AssignMember{ID: id, Topics: both, Owned: prev[id], Generation: gen})
		}
		sticky, err := Assign(AssignorSticky, parts, members)
		if err != nil {
			t.Fatal(err)
		}
		if got := asFormat(sticky); got != step.sticky {
			t.Fatalf("step %d sticky:\n got %s\nwant %s", gen, got, step.sticky)
		}
		coop, err := Assign(AssignorCooperativeSticky, parts, members)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := asWithheld(sticky, coop), fmt.Sprint(asTPs(step.withheld...)); got != want {
			t.Errorf("step %d withheld %s, want %s", gen, got, want)
		}
		prev = sticky
	}
}

// asWithheld lists what full has and part lacks, sorted.
func asWithheld(full, part map[string][]TopicPartition) string {
	out := []TopicPartition{}
	for id, list := range full {
		for _, tp := range list {
			if !slices.Contains(part[id], tp) {
				out = append(out, tp)
			}
		}
	}
	slices.SortFunc(out, assignCmpTP)
	return fmt.Sprint(out)
}

// After Kafka's testStickiness: the remaining members keep what they had
// when one leaves.
func TestStickyMemberLeaves(t *testing.T) {
	parts := map[string]int{"topic1": 3}
	var members []AssignMember
	for _, id := range []string{"c1", "c2", "c3", "c4"} {
		members = append(members, asMember(id, "topic1"))
	}
	first, err := Assign(AssignorSticky, parts, members)
	if err != nil {
		t.Fatal(err)
	}
	var rest []AssignMember
	for _, m := range members[1:] {
		rest = append(rest, AssignMember{ID: m.ID, Topics: m.Topics, Owned: first[m.ID], Generation: 1})
	}
	second, err := Assign(AssignorSticky, parts, rest)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rest {
		if len(second[m.ID]) != 1 {
			t.Errorf("%s has %v, want one partition", m.ID, second[m.ID])
		}
		for _, tp := range first[m.ID] {
			if !slices.Contains(second[m.ID], tp) {
				t.Errorf("%s lost %s: first %s, then %s", m.ID, tp, asFormat(first), asFormat(second))
			}
		}
	}
}

// After Kafka's testSubscriptionNotEqualAndAssignSamePartitionWith3Generation:
// whatever the order of the generations, claims are settled without
// giving a partition twice and the counts stay within one or two.
func TestStickyGeneralGenerations(t *testing.T) {
	parts := map[string]int{"topic": 6, "topic1": 1}
	for _, gens := range [][3]int{{1, 2, 3}, {1, 3, 2}, {2, 1, 3}, {2, 3, 1}, {3, 1, 2}, {3, 2, 1}} {
		members := []AssignMember{
			asOwning(asMember("c1", "topic"), gens[0], "topic-0", "topic-2"),
			asOwning(asMember("c2", "topic"), gens[1], "topic-1", "topic-2", "topic-3"),
			asOwning(asMember("c3", "topic"), gens[2], "topic-2", "topic-4", "topic-5"),
			asOwning(asMember("c4", "topic1"), 2, "topic1-0"),
		}
		for _, s := range []string{AssignorSticky, AssignorCooperativeSticky} {
			got, err := Assign(s, parts, members)
			if err != nil {
				t.Fatal(err)
			}
			checkAssignShape(t, members, got)
			if s == AssignorSticky {
				for id, list := range got {
					if len(list) < 1 || len(list) > 2 {
						t.Errorf("generations %v: %s has %v", gens, id, list)
					}
				}
			}
		}
	}
}

// After Kafka's testPoorRoundRobinAssignmentScenario, where round robin
// leaves consumer3 idle while the sticky assignor balances everyone.
func TestStickyBeatsRoundRobin(t *testing.T) {
	parts := map[string]int{"topic1": 2, "topic2": 1, "topic3": 2, "topic4": 1, "topic5": 2}
	all := []string{"topic1", "topic2", "topic3", "topic4", "topic5"}
	odd := []string{"topic1", "topic3", "topic5"}
	members := []AssignMember{asMember("c1", all...), asMember("c2", odd...), asMember("c3", odd...), asMember("c4", all...)}
	rr, err := Assign(AssignorRoundRobin, parts, members)
	if err != nil {
		t.Fatal(err)
	}
	if len(rr["c3"]) != 0 {
		t.Fatalf("round robin gave c3 %v; the scenario expects it idle", rr["c3"])
	}
	got, err := Assign(AssignorSticky, parts, members)
	if err != nil {
		t.Fatal(err)
	}
	checkAssignShape(t, members, got)
	for id, list := range got {
		if len(list) != 2 {
			t.Errorf("sticky gave %s %v, want two partitions: %s", id, list, asFormat(got))
		}
	}
}
