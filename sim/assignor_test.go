package sim

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// asMember builds a member with no previous assignment.
func asMember(id string, topics ...string) AssignMember {
	return AssignMember{ID: id, Topics: topics, Generation: -1}
}

// asOwning gives m a previous assignment from generation gen.
func asOwning(m AssignMember, gen int, owned ...string) AssignMember {
	m.Owned, m.Generation = asTPs(owned...), gen
	return m
}

// asTPs parses "topic-2" names, splitting at the last '-'.
func asTPs(names ...string) []TopicPartition {
	out := []TopicPartition{}
	for _, s := range names {
		cut := strings.LastIndexByte(s, '-')
		p, err := strconv.Atoi(s[cut+1:])
		if cut < 0 || err != nil {
			panic("bad partition name " + s)
		}
		out = append(out, TopicPartition{s[:cut], p})
	}
	return out
}

// asFormat renders an assignment as "c1: t-0 t-1; c2: -", members sorted.
func asFormat(a map[string][]TopicPartition) string {
	var parts []string
	for _, id := range assignSortedKeys(a) {
		names := []string{}
		for _, tp := range a[id] {
			names = append(names, tp.String())
		}
		if len(names) == 0 {
			names = append(names, "-")
		}
		parts = append(parts, id+": "+strings.Join(names, " "))
	}
	return strings.Join(parts, "; ")
}

type assignCase struct {
	name       string
	partitions map[string]int
	members    []AssignMember
	want       string // asFormat of the expected assignment
}

func runAssignCases(t *testing.T, strategy string, cases []assignCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Assign(strategy, c.partitions, c.members)
			if err != nil {
				t.Fatal(err)
			}
			if s := asFormat(got); s != c.want {
				t.Errorf("%s:\n got %s\nwant %s", strategy, s, c.want)
			}
			checkAssignShape(t, c.members, got)
		})
	}
}

// checkAssignShape checks what every assignor promises: one non-nil,
// sorted list per member and no partition given twice.
func checkAssignShape(t *testing.T, members []AssignMember, got map[string][]TopicPartition) {
	t.Helper()
	if len(got) != len(members) {
		t.Errorf("%d entries for %d members", len(got), len(members))
	}
	seen := map[TopicPartition]string{}
	for _, m := range members {
		list, ok := got[m.ID]
		if !ok || list == nil {
			t.Errorf("member %s: missing or nil list", m.ID)
		}
		if !slices.IsSortedFunc(list, assignCmpTP) {
			t.Errorf("member %s: list not sorted: %v", m.ID, list)
		}
		for _, tp := range list {
			if other, dup := seen[tp]; dup {
				t.Errorf("%s given to both %s and %s", tp, other, m.ID)
			}
			seen[tp] = m.ID
			if !slices.Contains(m.Topics, tp.Topic) {
				t.Errorf("%s given to %s, which does not subscribe to it", tp, m.ID)
			}
		}
	}
}

// sharedAssignCases hold for every strategy: Kafka's assignor tests all
// start with them.
var sharedAssignCases = []assignCase{
	{"one consumer no topic", map[string]int{},
		[]AssignMember{asMember("c")}, "c: -"},
	{"one consumer nonexistent topic", map[string]int{},
		[]AssignMember{asMember("c", "topic")}, "c: -"},
	{"one consumer one topic", map[string]int{"topic": 3},
		[]AssignMember{asMember("c", "topic")}, "c: topic-0 topic-1 topic-2"},
	{"only subscribed topics", map[string]int{"topic": 3, "other": 3},
		[]AssignMember{asMember("c", "topic")}, "c: topic-0 topic-1 topic-2"},
	{"one consumer multiple topics", map[string]int{"topic1": 1, "topic2": 2},
		[]AssignMember{asMember("c", "topic1", "topic2")}, "c: topic1-0 topic2-0 topic2-1"},
	{"two consumers one partition", map[string]int{"topic": 1},
		[]AssignMember{asMember("c1", "topic"), asMember("c2", "topic")}, "c1: topic-0; c2: -"},
	{"two consumers two partitions", map[string]int{"topic": 2},
		[]AssignMember{asMember("c1", "topic"), asMember("c2", "topic")}, "c1: topic-0; c2: topic-1"},
	{"no members", map[string]int{"topic": 2}, nil, ""},
}

func TestAssignRange(t *testing.T) {
	both := []string{"topic1", "topic2"}
	runAssignCases(t, AssignorRange, append(slices.Clone(sharedAssignCases), []assignCase{
		{"mixed subscriptions", map[string]int{"topic1": 3, "topic2": 2},
			[]AssignMember{asMember("c1", "topic1"), asMember("c2", both...), asMember("c3", "topic1")},
			"c1: topic1-0; c2: topic1-1 topic2-0 topic2-1; c3: topic1-2"},
		{"two consumers two topics six partitions", map[string]int{"topic1": 3, "topic2": 3},
			[]AssignMember{asMember("c1", both...), asMember("c2", both...)},
			"c1: topic1-0 topic1-1 topic2-0 topic2-1; c2: topic1-2 topic2-2"},
		{"uneven: first members take the extra", map[string]int{"topic1": 5, "topic2": 4},
			[]AssignMember{asMember("c1", both...), asMember("c2", both...), asMember("c3", both...), asMember("c4", both...)},
			"c1: topic1-0 topic1-1 topic2-0; c2: topic1-2 topic2-1; c3: topic1-3 topic2-2; c4: topic1-4 topic2-3"},
		{"more consumers than partitions", map[string]int{"topic": 2},
			[]AssignMember{asMember("c1", "topic"), asMember("c2", "topic"), asMember("c3", "topic"), asMember("c4", "topic")},
			"c1: topic-0; c2: topic-1; c3: -; c4: -"},
		{"sorted by member id, not input order", map[string]int{"topic": 3},
			[]AssignMember{asMember("b", "topic"), asMember("a", "topic")},
			"a: topic-0 topic-1; b: topic-2"},
		{"owned partitions ignored", map[string]int{"topic": 2},
			[]AssignMember{asOwning(asMember("c1", "topic"), 3, "topic-1"), asMember("c2", "topic")},
			"c1: topic-0; c2: topic-1"},
	}...))
}

func TestAssignRoundRobin(t *testing.T) {
	both := []string{"topic1", "topic2"}
	runAssignCases(t, AssignorRoundRobin, append(slices.Clone(sharedAssignCases), []assignCase{
		{"mixed subscriptions skip non-subscribers", map[string]int{"topic1": 3, "topic2": 2},
			[]AssignMember{asMember("c1", "topic1"), asMember("c2", both...), asMember("c3", "topic1")},
			"c1: topic1-0; c2: topic1-1 topic2-0 topic2-1; c3: topic1-2"},
		{"two consumers two topics six partitions", map[string]int{"topic1": 3, "topic2": 3},
			[]AssignMember{asMember("c1", both...), asMember("c2", both...)},
			"c1: topic1-0 topic1-2 topic2-1; c2: topic1-1 topic2-0 topic2-2"},
		{"uneven: dealing carries on across topics", map[string]int{"topic1": 3, "topic2": 3},
			[]AssignMember{asMember("c1", both...), asMember("c2", both...), asMember("c3", both...), asMember("c4", both...)},
			"c1: topic1-0 topic2-1; c2: topic1-1 topic2-2; c3: topic1-2; c4: topic2-0"},
		{"three consumers ten partitions", map[string]int{"topic1": 5, "topic2": 5},
			[]AssignMember{asMember("c1", both...), asMember("c2", both...), asMember("c3", both...)},
			"c1: topic1-0 topic1-3 topic2-1 topic2-4; c2: topic1-1 topic1-4 topic2-2; c3: topic1-2 topic2-0 topic2-3"},
		{"more consumers than partitions", map[string]int{"topic": 2},
			[]AssignMember{asMember("c1", "topic"), asMember("c2", "topic"), asMember("c3", "topic")},
			"c1: topic-0; c2: topic-1; c3: -"},
	}...))
}

func TestAssignErrors(t *testing.T) {
	ok := []AssignMember{asMember("c1", "t")}
	cases := []struct {
		name       string
		strategy   string
		partitions map[string]int
		members    []AssignMember
		want       string
	}{
		{"unknown strategy", "fair", map[string]int{"t": 1}, ok,
			`unknown assignor "fair": want one of range, roundrobin, sticky, cooperative-sticky`},
		{"class name is not a strategy name", "org.apache.kafka.clients.consumer.RangeAssignor", nil, ok,
			"unknown assignor"},
		{"duplicate member", AssignorRange, map[string]int{"t": 1},
			[]AssignMember{asMember("c1", "t"), asMember("c1", "t")}, `member id "c1" appears twice`},
		{"empty member id", AssignorSticky, map[string]int{"t": 1},
			[]AssignMember{asMember("", "t")}, "empty id"},
		{"negative partition count", AssignorRoundRobin, map[string]int{"t": -1}, ok,
			`topic "t" has -1 partitions`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Assign(c.strategy, c.partitions, c.members)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestAssignDoesNotModifyInput(t *testing.T) {
	members := []AssignMember{
		asOwning(asMember("c2", "t"), 1, "t-1", "t-0"),
		asOwning(asMember("c1", "t"), 1, "t-0"),
	}
	before := fmt.Sprint(members)
	for _, s := range assignors {
		if _, err := Assign(s, map[string]int{"t": 3}, members); err != nil {
			t.Fatal(err)
		}
		if after := fmt.Sprint(members); after != before {
			t.Fatalf("%s changed its input: %s -> %s", s, before, after)
		}
	}
}
