package sim

import (
	"reflect"
	"testing"
)

// The case from Kafka's own replica assignment test: 5 brokers, 10
// partitions, RF 3, start index 0, shift 0 (brokers numbered from 1 here).
func TestPlaceReplicasLikeKafka(t *testing.T) {
	want := [][]int{
		{1, 2, 3}, {2, 3, 4}, {3, 4, 5}, {4, 5, 1}, {5, 1, 2},
		{1, 3, 4}, {2, 4, 5}, {3, 5, 1}, {4, 1, 2}, {5, 2, 3},
	}
	for p, w := range want {
		if got := placeReplicas(5, 3, p, 0, 0); !reflect.DeepEqual(got, w) {
			t.Errorf("partition %d: replicas %v, want %v", p, got, w)
		}
	}
}

func TestLeadersSpreadEvenly(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		c := basicConfig(seed)
		c.Topics[0].Partitions = 12
		s := mustNew(t, c)
		count := map[int]int{}
		for _, p := range s.topics[0].parts {
			count[p.leader]++
		}
		for b := 1; b <= 3; b++ {
			if count[b] != 4 {
				t.Fatalf("seed %d: leaders per broker %v, want 4 each", seed, count)
			}
		}
	}
}

func TestAddPartitionsContinuesPlacement(t *testing.T) {
	s := mustNew(t, basicConfig(3))
	if err := s.Apply(Command{Kind: CmdAddPartitions, Topic: "orders", Partitions: 6}); err != nil {
		t.Fatal(err)
	}
	parts := s.topics[0].parts
	first := parts[0].replicas[0] - 1
	for p := 3; p < 6; p++ {
		if got := parts[p].replicas[0] - 1; got != (first+p)%3 {
			t.Errorf("partition %d first replica on broker %d, want %d", p, got+1, (first+p)%3+1)
		}
	}
	if err := s.Apply(Command{Kind: CmdAddPartitions, Topic: "orders", Partitions: 2}); err == nil {
		t.Errorf("shrinking a topic should be refused")
	}
}

func TestCreateTopicErrorsAreKafkas(t *testing.T) {
	s := mustNew(t, basicConfig(1))
	err := s.Apply(Command{Kind: CmdCreateTopic, TopicSpec: &TopicConfig{Name: "orders", Partitions: 1, ReplicationFactor: 1}})
	if err == nil || err.Error() != "Topic 'orders' already exists." {
		t.Errorf("duplicate topic: %v", err)
	}
	spec := DefaultTopic("big", 1, 4)
	err = s.Apply(Command{Kind: CmdCreateTopic, TopicSpec: &spec})
	want := "Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered."
	if err == nil || err.Error() != want {
		t.Errorf("replication factor 4 on 3 brokers: %v", err)
	}
}
