package sim

import (
	"cmp"
	"strconv"
)

// TopicPartition names one partition of one topic.
type TopicPartition struct {
	Topic     string
	Partition int
}

// String writes it as Kafka does: "orders-2".
func (tp TopicPartition) String() string {
	return tp.Topic + "-" + strconv.Itoa(tp.Partition)
}

// lessTP orders by topic, then partition.
func lessTP(a, b TopicPartition) bool {
	if a.Topic != b.Topic {
		return a.Topic < b.Topic
	}
	return a.Partition < b.Partition
}

// compareTP is lessTP as a three-way comparison, for slices.SortFunc.
func compareTP(a, b TopicPartition) int {
	if c := cmp.Compare(a.Topic, b.Topic); c != 0 {
		return c
	}
	return cmp.Compare(a.Partition, b.Partition)
}
