package scenarios

import (
	"fmt"
	"strconv"
)

// replicaAssignment reads a topic's replicas = [[1, 2], [2, 3]]: each
// partition's replicas by broker id, the first its preferred leader, as
// kafka-topics --replica-assignment 1:2,2:3 gives them. It checks what
// Kafka's controller checks (ReplicationControlManager
// .validateManualPartitionAssignment) and returns nil when the key is
// absent or wrong (which is reported).
func (t *table) replicaAssignment(brokers int) [][]int {
	v, ok := t.m["replicas"]
	if !ok {
		return nil
	}
	const hint = "write replicas = [[1, 2], [2, 3]]: one list of broker ids a partition, the leader first"
	outer, ok := v.([]any)
	if !ok || len(outer) == 0 || len(outer) > MaxPartitions {
		t.problem("replicas", "must be a non-empty list of lists of broker ids, not "+describe(v), hint)
		return nil
	}
	out := make([][]int, len(outer))
	for i, p := range outer {
		inner, ok := p.([]any)
		if !ok || len(inner) == 0 {
			t.problem("replicas", fmt.Sprintf("partition %d: must be a non-empty list of broker ids, not %s", i, describe(p)), hint)
			return nil
		}
		seen := map[int64]bool{}
		for _, b := range inner {
			id, ok := b.(int64)
			switch {
			case !ok:
				t.problem("replicas", fmt.Sprintf("partition %d: a broker id must be an integer, not %s", i, describe(b)), hint)
				return nil
			case id < 1 || id > int64(brokers):
				t.problem("replicas", fmt.Sprintf("The manual partition assignment includes broker %d, but no such broker is registered.", id),
					"brokers are numbered 1 to "+strconv.Itoa(brokers))
				return nil
			case seen[id]:
				t.problem("replicas", fmt.Sprintf("The manual partition assignment includes the broker %d more than once.", id), hint)
				return nil
			}
			seen[id] = true
			out[i] = append(out[i], int(id))
		}
		if len(out[i]) != len(out[0]) {
			t.problem("replicas", fmt.Sprintf("The manual partition assignment includes a partition with %d replica(s), but this is not consistent with previous partitions, which have %d replica(s).",
				len(out[i]), len(out[0])), "give every partition the same number of replicas")
			return nil
		}
	}
	return out
}
