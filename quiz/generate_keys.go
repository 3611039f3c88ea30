package quiz

import (
	"fmt"
	"math/rand/v2"

	"kafkasim/sim"
)

// keyPartitionCase: which partition the default partitioner picks for a key.
type keyPartitionCase struct {
	key        string
	partitions int
}

func newKeyPartitionCase(r *rand.Rand) keyPartitionCase {
	key := fmt.Sprintf("%s-%d", pick(r, "user", "order", "sensor", "account", "session"), between(r, 1, 9999))
	return keyPartitionCase{key: key, partitions: pick(r, 2, 3, 4, 5, 6, 8, 10, 12)}
}

func (c keyPartitionCase) question() Question {
	h := sim.Murmur2([]byte(c.key))
	pos := h & 0x7fffffff // toPositive
	p := sim.PartitionForKey([]byte(c.key), c.partitions)
	return Question{
		Kind: Numeric,
		Prompt: fmt.Sprintf("A topic has %d partitions. With the Java client's default partitioner, which partition does a record with key %q go to? (murmur2(%q) = %d.)",
			c.partitions, c.key, c.key, h),
		Number: p,
		Explanation: fmt.Sprintf("partition = toPositive(murmur2(key)) %% partitions. toPositive clears the sign bit: %d & 0x7fffffff = %d, and %d %% %d = %d. Every record with this key goes there while the partition count stays %d.",
			h, pos, pos, c.partitions, p, c.partitions),
		Scenario: "keys",
	}
}
