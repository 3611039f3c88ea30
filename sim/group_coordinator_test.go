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
