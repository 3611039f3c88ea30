package sim

import (
	"reflect"
	"testing"
)

// TestManualReplicaAssignment: kafka-topics --replica-assignment places
// each partition's replicas as listed, the first as preferred leader
// (ReplicationControlManager.createTopic with manual assignments), and
// the controller refuses unknown or repeated brokers and uneven lists
// (validateManualPartitionAssignment).
func TestManualReplicaAssignment(t *testing.T) {
	s := mustNew(t, basicConfig(1))
	spec := DefaultTopic("placed", 3, 2)
	spec.ReplicaAssignment = [][]int{{3, 1}, {1, 2}, {2, 3}}
	if err := s.Apply(Command{Kind: CmdCreateTopic, TopicSpec: &spec}); err != nil {
		t.Fatal(err)
	}
	_, topic := s.topicByName("placed")
	for i, p := range topic.parts {
		if want := spec.ReplicaAssignment[i]; !reflect.DeepEqual(p.replicas, want) || p.leader != want[0] {
			t.Errorf("partition %d: replicas %v leader %d, want %v led by %d", i, p.replicas, p.leader, want, want[0])
		}
	}
	bad := map[string][][]int{
		"The manual partition assignment includes broker 7, but no such broker is registered.":                                                                  {{1, 7}},
		"The manual partition assignment includes the broker 2 more than once.":                                                                                 {{2, 2}},
		"The manual partition assignment includes a partition with 1 replica(s), but this is not consistent with previous partitions, which have 2 replica(s).": {{1, 2}, {3}},
	}
	for want, a := range bad {
		spec := DefaultTopic("bad", len(a), 2)
		spec.ReplicaAssignment = a
		if err := s.Apply(Command{Kind: CmdCreateTopic, TopicSpec: &spec}); err == nil || err.Error() != want {
			t.Errorf("assignment %v: error %v, want %q", a, err, want)
		}
	}
}
