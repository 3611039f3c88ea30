package sim

import "testing"

// GroupCoordinator.partitionFor is
// Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions, and Java's
// String.hashCode runs over UTF-16 code units: an emoji is two surrogates.
// The expected values were computed outside Go, from the UTF-16BE bytes.
func TestOffsetsPartitionHashesUTF16LikeJava(t *testing.T) {
	cases := []struct {
		group string
		want  int
	}{
		{"billing", 9},
		{"orders-🚀", 37}, // hashCode -388944437; hashing runes instead gives 40
		{"😀-group", 43},  // hashCode -1198440043; hashing runes instead gives 12
	}
	for _, c := range cases {
		if got := OffsetsPartition(c.group, 50); got != c.want {
			t.Errorf("OffsetsPartition(%q, 50) = %d, Kafka's partitionFor gives %d", c.group, got, c.want)
		}
	}
	// The coordinator is that partition's leader.
	cfg := basicConfig(1)
	cfg.Groups[0].ID = "orders-🚀"
	s := mustNew(t, cfg)
	want := placeReplicas(len(s.brokers), min(cfg.Cluster.OffsetsTopicReplicationFactor, len(s.brokers)), 37, 0, 0)[0]
	if got := s.coordinator(s.groups[0]); got != want {
		t.Errorf("coordinator of %q is broker %d, want %d (leader of __consumer_offsets-37)", cfg.Groups[0].ID, got, want)
	}
}

// A deleted group is Dead for good: growing its topic must not start a
// rebalance in it (the chaos test found a deleted and re-created group
// whose dead namesake came back to life and was narrated twice).
func TestDeletedGroupStaysDead(t *testing.T) {
	c := basicConfig(2)
	c.Groups[0].StartMs = 1_000_000 // nobody joins: the group can be deleted
	s := mustNew(t, c)
	s.RunUntil(1000)
	if err := s.Apply(Command{Kind: CmdDeleteGroup, Group: "billing"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(Command{Kind: CmdAddPartitions, Topic: "orders", Partitions: 4}); err != nil {
		t.Fatal(err)
	}
	s.RunUntil(5000)
	if g := s.groups[0]; g.state != GroupDead {
		t.Fatalf("the deleted group is %s again\n%s", g.state, trace(s.Events()))
	}
	if n := countEvents(s, EvRebalanceStarted, nil); n != 0 {
		t.Fatalf("%d rebalances in a deleted group", n)
	}
}
