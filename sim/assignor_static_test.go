package sim

import "testing"

// asStatic makes m a static member with a group.instance.id (KIP-345).
func asStatic(m AssignMember, instance string) AssignMember {
	m.InstanceID = instance
	return m
}

// Kafka's range and roundrobin order members by MemberInfo.compareTo:
// static members first, by group.instance.id, then dynamic ones by member
// id. Expected values are those of Kafka 3.9's RangeAssignorTest and
// RoundRobinAssignorTest.
func TestRangeStaticMembers(t *testing.T) {
	two := map[string]int{"topic1": 5, "topic2": 4}
	both := []string{"topic1", "topic2"}
	statics := func(dynamic string, ids ...string) []AssignMember {
		var ms []AssignMember
		for i, id := range ids {
			ms = append(ms, asStatic(asMember(id, both...), "instance"+string(rune('1'+i))))
		}
		return append(ms, asMember(dynamic, both...))
	}
	runAssignCases(t, AssignorRange, []assignCase{
		// testStaticMemberRangeAssignmentPersistent, both rounds: the static
		// members keep their partitions when the dynamic member is replaced.
		{"persistent with consumer4", two, statics("consumer4", "consumer1", "consumer2", "consumer3"),
			"consumer1: topic1-0 topic1-1 topic2-0; consumer2: topic1-2 topic2-1; consumer3: topic1-3 topic2-2; consumer4: topic1-4 topic2-3"},
		{"persistent with consumer5", two, statics("consumer5", "consumer1", "consumer2", "consumer3"),
			"consumer1: topic1-0 topic1-1 topic2-0; consumer2: topic1-2 topic2-1; consumer3: topic1-3 topic2-2; consumer5: topic1-4 topic2-3"},
		// testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges: the
		// instances keep their partitions although their member ids now
		// sort the other way (consumer5 is instance2, consumer4 instance3).
		{"after member ids change", map[string]int{"topic1": 5, "topic2": 5}, []AssignMember{
			asStatic(asMember("consumer1", both...), "instance1"),
			asStatic(asMember("consumer5", both...), "instance2"),
			asStatic(asMember("consumer4", both...), "instance3")},
			"consumer1: topic1-0 topic1-1 topic2-0 topic2-1; consumer4: topic1-4 topic2-4; consumer5: topic1-2 topic1-3 topic2-2 topic2-3"},
	})
}

func TestRoundRobinStaticMembers(t *testing.T) {
	parts := map[string]int{"topic1": 3, "topic2": 3}
	both := []string{"topic1", "topic2"}
	runAssignCases(t, AssignorRoundRobin, []assignCase{
		// testTwoStaticConsumersTwoTopicsSixPartitions: consumer-b deals
		// first because instance1 < instance2.
		{"two static", parts, []AssignMember{
			asStatic(asMember("consumer-b", both...), "instance1"),
			asStatic(asMember("consumer-a", both...), "instance2")},
			"consumer-a: topic1-1 topic2-0 topic2-2; consumer-b: topic1-0 topic1-2 topic2-1"},
		// testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions.
		{"static before dynamic", parts, []AssignMember{
			asStatic(asMember("consumer-b", both...), "instance1"),
			asMember("consumer-a", both...)},
			"consumer-a: topic1-1 topic2-0 topic2-2; consumer-b: topic1-0 topic1-2 topic2-1"},
		// testStaticMemberRoundRobinAssignmentPersistent.
		{"persistent", parts, []AssignMember{
			asStatic(asMember("consumer1", both...), "instance1"),
			asStatic(asMember("consumer2", both...), "instance2"),
			asStatic(asMember("consumer3", both...), "instance3"),
			asMember("consumer4", both...)},
			"consumer1: topic1-0 topic2-1; consumer2: topic1-1 topic2-2; consumer3: topic1-2; consumer4: topic2-0"},
	})
}

// testOneConsumerNoTopic (RangeAssignorTest, RoundRobinAssignorTest,
// AbstractStickyAssignorTest): a member subscribed to nothing gets nothing.
func TestMemberWithNoTopicGetsNothing(t *testing.T) {
	for _, strategy := range assignors {
		runAssignCases(t, strategy, []assignCase{
			{"alone", map[string]int{}, []AssignMember{asMember("c1")}, "c1: -"},
			{"beside a subscriber", map[string]int{"t": 2}, []AssignMember{asMember("c2"), asMember("c3", "t")}, "c2: -; c3: t-0 t-1"},
		})
	}
}

// The sticky assignors visit members in java.util.HashMap order
// (AbstractStickyAssignor.ConstrainedAssignmentBuilder.assignOwnedPartitions
// iterates the consumers' HashMap). Member ids c1, c2, c3 land in buckets
// 14, 15 and 0, so Java visits c3 first, and c3, not c1, keeps the one
// maxQuota place. Expected values were produced by Kafka 3.9's own
// AbstractStickyAssignor.
func TestStickyVisitsMembersInJavaHashMapOrder(t *testing.T) {
	seven := map[string]int{"t": 7}
	members := []AssignMember{
		asOwning(asMember("c1", "t"), 5, "t-0", "t-1", "t-2"),
		asOwning(asMember("c2", "t"), 5, "t-6"),
		asOwning(asMember("c3", "t"), 5, "t-3", "t-4", "t-5"),
	}
	runAssignCases(t, AssignorSticky, []assignCase{
		{"c3 keeps maxQuota", seven, members, "c1: t-0 t-1; c2: t-2 t-6; c3: t-3 t-4 t-5"},
		// testOnlyAssignsPartitionsFromSubscribedTopics: owned partitions
		// of a topic that no longer exists are dropped.
		{"owned partitions of a deleted topic", map[string]int{"t": 3}, []AssignMember{
			asOwning(asMember("c1", "t"), 1, "other-0", "other-1", "t-0"),
			asOwning(asMember("c2", "t"), 1, "t-1")},
			"c1: t-0 t-2; c2: t-1"},
	})
}

// AbstractStickyAssignor.allSubscriptionsEqual takes the first non-empty
// subscription it meets (in HashMap order) as the reference, so a member
// with no topics met before it counts as equal and shares the partitions;
// met after it, it does not. Kafka 3.9's assignor gives exactly this.
func TestStickyEmptySubscriptionQuirk(t *testing.T) {
	four := map[string]int{"t": 4}
	cases := []struct {
		members []AssignMember
		want    string
	}{
		{[]AssignMember{asMember("c1"), asMember("c2", "t")}, "c1: t-0 t-2; c2: t-1 t-3"},   // c1 visited first
		{[]AssignMember{asMember("c2"), asMember("c1", "t")}, "c1: t-0 t-1 t-2 t-3; c2: -"}, // c2 visited last
	}
	for _, c := range cases {
		got, err := Assign(AssignorSticky, four, c.members)
		if err != nil {
			t.Fatal(err)
		}
		if s := asFormat(got); s != c.want {
			t.Errorf("got %s, Kafka gives %s", s, c.want)
		}
	}
}
