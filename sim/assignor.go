package sim

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"kafkasim/internal/javahash"
)

// AssignMember is one consumer group member as the group leader's assignor
// sees it in the classic protocol's JoinGroup metadata.
type AssignMember struct {
	ID         string           // member id; assignors sort by it
	InstanceID string           // group.instance.id of a static member (KIP-345), or ""
	Topics     []string         // subscription
	Owned      []TopicPartition // previous assignment (used by sticky / cooperative-sticky)
	Generation int              // generation of Owned; -1 if unknown
}

// assignors lists the strategies Assign knows, in the order error messages
// name them.
var assignors = []string{AssignorRange, AssignorRoundRobin, AssignorSticky, AssignorCooperativeSticky}

// Assign runs the named assignor (partition.assignment.strategy) over the
// group's members. partitions maps topic -> partition count.
// The result has an entry (possibly empty, non-nil slice) for every member,
// each list sorted by topic then partition. A member subscribed to a topic
// missing from partitions gets nothing for it.
func Assign(strategy string, partitions map[string]int, members []AssignMember) (map[string][]TopicPartition, error) {
	if !slices.Contains(assignors, strategy) {
		return nil, fmt.Errorf("unknown assignor %q: want one of %s", strategy, strings.Join(assignors, ", "))
	}
	g, err := newAssignGroup(partitions, members)
	if err != nil {
		return nil, err
	}
	var lists [][]TopicPartition
	switch strategy {
	case AssignorRange:
		lists = assignRange(g)
	case AssignorRoundRobin:
		lists = assignRoundRobin(g)
	case AssignorSticky:
		lists = assignSticky(g)
	case AssignorCooperativeSticky:
		lists = assignCooperativeSticky(g)
	}
	out := make(map[string][]TopicPartition, len(g.members))
	for i, m := range g.members {
		list := lists[i]
		if list == nil {
			list = []TopicPartition{}
		}
		slices.SortFunc(list, assignCmpTP)
		out[m.ID] = list
	}
	return out, nil
}

// assignGroup is the validated input every assignor works from. Members
// are referred to by their index in the id-sorted members slice.
type assignGroup struct {
	members    []AssignMember
	subscribed []map[string]bool // per member: topics it subscribes to that exist
	counts     map[string]int    // partition count of each topic someone subscribes to
	topics     []string          // keys of counts, sorted
	// inputOrder lists the members (by index) in the order they were given,
	// the order Kafka's leader fills its subscriptions HashMap in.
	inputOrder []int
	// Partitions are numbered 0..total-1 in allPartitions order, so
	// per-partition state can live in slices; first[topic] is the number
	// of the topic's partition 0.
	first map[string]int
	total int
}

func newAssignGroup(partitions map[string]int, members []AssignMember) (*assignGroup, error) {
	for _, topic := range assignSortedKeys(partitions) {
		if partitions[topic] < 0 {
			return nil, fmt.Errorf("topic %q has %d partitions: want 0 or more", topic, partitions[topic])
		}
	}
	g := &assignGroup{
		members: slices.Clone(members),
		counts:  map[string]int{},
	}
	// Java's String.compareTo orders UTF-16 code units.
	slices.SortFunc(g.members, func(a, b AssignMember) int { return javahash.Compare(a.ID, b.ID) })
	for _, m := range members {
		i, _ := slices.BinarySearchFunc(g.members, m.ID, func(x AssignMember, id string) int { return javahash.Compare(x.ID, id) })
		g.inputOrder = append(g.inputOrder, i)
	}
	instances := map[string]bool{}
	for i, m := range g.members {
		if m.ID == "" {
			return nil, errors.New("a member has an empty id")
		}
		if i > 0 && g.members[i-1].ID == m.ID {
			return nil, fmt.Errorf("member id %q appears twice", m.ID)
		}
		if m.InstanceID != "" && instances[m.InstanceID] {
			return nil, fmt.Errorf("group.instance.id %q appears twice: the coordinator would fence one of them", m.InstanceID)
		}
		instances[m.InstanceID] = true
		subs := map[string]bool{}
		for _, topic := range m.Topics {
			if n, ok := partitions[topic]; ok {
				subs[topic] = true
				g.counts[topic] = n
			}
		}
		g.subscribed = append(g.subscribed, subs)
	}
	g.topics = assignSortedKeys(g.counts)
	g.first = make(map[string]int, len(g.topics))
	for _, topic := range g.topics {
		g.first[topic] = g.total
		g.total += g.counts[topic]
	}
	return g, nil
}

// memberInfoOrder is the order range and roundrobin deal in
// (AbstractPartitionAssignor.MemberInfo.compareTo): static members first,
// by group.instance.id, then dynamic members by member id.
func (g *assignGroup) memberInfoOrder() []int {
	order := make([]int, len(g.members))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		a, b := g.members[x], g.members[y]
		switch {
		case a.InstanceID != "" && b.InstanceID != "":
			return javahash.Compare(a.InstanceID, b.InstanceID)
		case a.InstanceID != "":
			return -1
		case b.InstanceID != "":
			return 1
		}
		return x - y // members are sorted by id already
	})
	return order
}

// hashOrder is the order Kafka's sticky assignor visits members in: the
// iteration order of a java.util.HashMap keyed by member id, filled in
// input order.
func (g *assignGroup) hashOrder() []int {
	m := javahash.NewMap()
	index := make(map[string]int, len(g.members))
	for _, i := range g.inputOrder {
		id := g.members[i].ID
		m.Put(id, javahash.StringHash(id))
		index[id] = i
	}
	order := make([]int, 0, len(g.members))
	for _, k := range m.Keys() {
		order = append(order, index[k.Key])
	}
	return order
}

// allPartitions lists every partition of the subscribed topics, sorted by
// topic then partition.
func (g *assignGroup) allPartitions() []TopicPartition {
	all := make([]TopicPartition, 0, g.total)
	for _, topic := range g.topics {
		for p := range g.counts[topic] {
			all = append(all, TopicPartition{topic, p})
		}
	}
	return all
}

// index numbers a partition of a subscribed topic (see assignGroup.first).
func (g *assignGroup) index(tp TopicPartition) int {
	return g.first[tp.Topic] + tp.Partition
}

// exists reports whether tp is a partition of a subscribed topic.
func (g *assignGroup) exists(tp TopicPartition) bool {
	n, ok := g.counts[tp.Topic]
	return ok && tp.Partition >= 0 && tp.Partition < n
}

// assignCmpTP orders by topic, then partition (lessTP as a cmp function).
func assignCmpTP(a, b TopicPartition) int {
	if c := strings.Compare(a.Topic, b.Topic); c != 0 {
		return c
	}
	return a.Partition - b.Partition
}

// assignSortedKeys returns m's keys in order, so nothing depends on map order.
func assignSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
