package simview

import (
	"testing"

	"kafkasim/sim"
)

// A member with many partitions shows them as ranges per topic.
func TestRangesOf(t *testing.T) {
	tps := []sim.TopicPartition{{Topic: "o", Partition: 0}, {Topic: "o", Partition: 1}, {Topic: "o", Partition: 2},
		{Topic: "o", Partition: 5}, {Topic: "p", Partition: 1}}
	if got := RangesOf(tps); got != "o[0-2,5] p[1]" {
		t.Fatalf("rangesOf = %q", got)
	}
}
