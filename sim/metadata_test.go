package sim

import (
	"strings"
	"testing"
)

// TestGrownTopicIsSeenAtTheNextMetadataRefresh: after partitions are
// added, a producer keeps partitioning over the count its metadata lists
// and a group keeps its assignment until their next metadata.max.age.ms
// refresh, counted from when each started (Metadata.timeToNextUpdate).
// With the default 5 minutes nothing changes within a minute.
func TestGrownTopicIsSeenAtTheNextMetadataRefresh(t *testing.T) {
	const ageMs = 4000
	c := basicConfig(1)
	c.Producers[0].Count = 0 // sends on command only
	c.Producers[0].MetadataMaxAgeMs = ageMs
	c.Groups[0].MetadataMaxAgeMs = ageMs
	s := mustNew(t, c)
	s.RunUntil(5000)
	gen := s.groups[0].generation
	_ = s.Apply(Command{Kind: CmdAddPartitions, Topic: "orders", Partitions: 12})
	newParts := func() int64 {
		n := int64(0)
		for _, p := range s.topics[0].parts[3:] {
			n += p.leaderRep().leo
		}
		return n
	}
	keys := []string{"user-1", "user-2", "user-3", "user-4", "user-5", "user-6", "user-7", "user-8"}
	produce := func() {
		for _, k := range keys {
			key := k
			_ = s.Apply(Command{Kind: CmdProduce, Producer: "order-service", Key: &key})
		}
	}
	produce()
	s.RunUntil(7900) // the refresh is due at 8s (every 4s from 0)
	if n := newParts(); n != 0 {
		t.Errorf("before the refresh %d records went to the new partitions", n)
	}
	if g := s.groups[0].generation; g != gen {
		t.Errorf("the group rebalanced before its refresh: generation %d → %d", gen, g)
	}
	s.RunUntil(8100)
	produce()
	s.RunUntil(12000)
	if n := newParts(); n == 0 {
		t.Error("after the refresh no key moved to a new partition (12 partitions, 8 keys)")
	}
	members := 0
	for _, m := range s.groups[0].members {
		members += len(strings.Split(tpList(m.assigned), ","))
	}
	if s.groups[0].generation == gen || members != 12 {
		t.Errorf("after the refresh: generation %d (was %d), %d partitions assigned, want 12", s.groups[0].generation, gen, members)
	}

	// The default: five minutes.
	d := basicConfig(1)
	d.Producers[0].Count = 0
	s = mustNew(t, d)
	s.RunUntil(5000)
	gen = s.groups[0].generation
	_ = s.Apply(Command{Kind: CmdAddPartitions, Topic: "orders", Partitions: 12})
	s.RunUntil(65000)
	if s.groups[0].generation != gen {
		t.Errorf("with metadata.max.age.ms=300000 the group rebalanced within a minute")
	}
}
