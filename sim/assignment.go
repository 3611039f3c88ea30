package sim

import "fmt"

// A topic's replicas may be given by hand, as kafka-topics
// --replica-assignment gives them: TopicConfig.ReplicaAssignment lists each
// partition's replicas by broker id, the first being the preferred leader.
// Scenarios use it to pin what their lesson depends on (which broker leads,
// which follows) instead of relying on the seed's placement.

// checkAssignment applies the controller's checks of a manual assignment
// (ReplicationControlManager.validateManualPartitionAssignment), with its
// messages, plus that it covers every partition.
func checkAssignment(a [][]int, partitions, brokers int) error {
	if len(a) != partitions {
		return fmt.Errorf("the manual partition assignment lists %d partition(s), but the topic has %d", len(a), partitions)
	}
	for _, reps := range a {
		if len(reps) == 0 {
			return fmt.Errorf("The manual partition assignment includes an empty replica list.")
		}
		seen := map[int]bool{}
		for _, b := range reps {
			if b < 1 || b > brokers {
				return fmt.Errorf("The manual partition assignment includes broker %d, but no such broker is registered.", b)
			}
			if seen[b] {
				return fmt.Errorf("The manual partition assignment includes the broker %d more than once.", b)
			}
			seen[b] = true
		}
		if len(reps) != len(a[0]) {
			return fmt.Errorf("The manual partition assignment includes a partition with %d replica(s), but this is not consistent with previous partitions, which have %d replica(s).",
				len(reps), len(a[0]))
		}
	}
	return nil
}
