package sim

import "testing"

// The consumer and group state kept by partition id must behave as the
// maps keyed by partition name did: ids stand for names, a clone's state
// is its own, and partitions added at run time get state of their own.

func TestTPIndexIDsStandForNames(t *testing.T) {
	var x tpIndex
	b2 := x.add(TopicPartition{"b", 2})
	a0 := x.add(TopicPartition{"a", 0})
	if got := x.add(TopicPartition{"b", 2}); got != b2 {
		t.Fatalf("b-2 given a second id %d after %d", got, b2)
	}
	// A name's lower partitions get ids first, so its ids have no gaps.
	if id := x.lookup(TopicPartition{"b", 0}); id < 0 || x.tp(id) != (TopicPartition{"b", 0}) {
		t.Fatalf("b-0: id %d", id)
	}
	if x.lookup(TopicPartition{"a", 1}) != -1 || x.lookup(TopicPartition{"c", 0}) != -1 {
		t.Fatal("a partition never used has an id")
	}
	if x.tp(a0) != (TopicPartition{"a", 0}) || x.tp(b2) != (TopicPartition{"b", 2}) {
		t.Fatalf("ids name the wrong partitions: %v %v", x.tp(a0), x.tp(b2))
	}
}

func TestTPIndexCloneAddsApart(t *testing.T) {
	var x tpIndex
	x.add(TopicPartition{"a", 3})
	c := x.clone()
	xa := x.add(TopicPartition{"a", 5})
	ca := c.add(TopicPartition{"z", 0})
	if x.tp(xa) != (TopicPartition{"a", 5}) || c.tp(ca) != (TopicPartition{"z", 0}) {
		t.Fatalf("clone and original wrote into each other: %v %v", x.tp(xa), c.tp(ca))
	}
	if c.lookup(TopicPartition{"a", 5}) != -1 || x.lookup(TopicPartition{"z", 0}) != -1 {
		t.Fatal("one side sees the other's new ids")
	}
}

func TestTPTableCountsAndClones(t *testing.T) {
	var tab tpTable[int64]
	tab.set(4, 40)
	tab.set(1, 10)
	tab.set(4, 41)
	if v, ok := tab.get(4); !ok || v != 41 || tab.size() != 2 {
		t.Fatalf("get(4) = %d %v, size %d", v, ok, tab.size())
	}
	if _, ok := tab.get(-1); ok {
		t.Fatal("id -1 has a value")
	}
	c := tab.clone()
	tab.del(1)
	tab.set(4, 99)
	if v, ok := c.get(1); !ok || v != 10 || c.at(4) != 41 || c.size() != 2 {
		t.Fatalf("clone changed with the original: %v", c.ids())
	}
	if ids := tab.ids(); len(ids) != 1 || ids[0] != 4 || tab.size() != 1 {
		t.Fatalf("after delete: ids %v, size %d", ids, tab.size())
	}
}

// groupOffsets is each partition's committed offset and owner's position.
func groupOffsets(s *Sim) map[TopicPartition][2]int64 {
	out := map[TopicPartition][2]int64{}
	for _, o := range s.Snapshot().Groups[0].Offsets {
		out[TopicPartition{o.Topic, o.Partition}] = [2]int64{o.Committed, o.Position}
	}
	return out
}

// A checkpoint taken before kafka-topics --alter adds partitions, then
// replayed with the same command, reaches the same state; the group takes
// the new partitions at its next metadata refresh (metadata.max.age.ms,
// 5 minutes) and commits what it reads there. A command run on one side
// after the clone leaves the other's offsets alone.
func TestConsumerStateSurvivesCloneAndAddedPartitions(t *testing.T) {
	c := basicConfig(7)
	c.Producers[0].Count = 0 // no end
	s := mustNew(t, c)
	s.RunUntil(4000)
	cl := s.Clone()
	for _, x := range []*Sim{s, cl} {
		x.RunUntil(6000)
		if err := x.Apply(Command{Kind: CmdAddPartitions, Topic: "orders", Partitions: 6}); err != nil {
			t.Fatal(err)
		}
		x.RunUntil(400000)
	}
	if s.Digest() != cl.Digest() {
		t.Fatalf("seed %d: clone diverged after adding partitions", c.Seed)
	}
	offs := groupOffsets(cl)
	var read TopicPartition // a new partition the group read records of
	for p := 3; p < 6; p++ {
		tp := TopicPartition{"orders", p}
		if offs[tp][1] < 0 {
			t.Errorf("seed %d: no position on new partition %s: %v", c.Seed, tp, offs[tp])
		}
		if offs[tp][0] > 0 {
			read = tp
		}
	}
	if read.Topic == "" {
		t.Fatalf("seed %d: the group committed nothing on the new partitions: %v", c.Seed, offs)
	}
	for _, x := range []*Sim{s, cl} {
		for _, m := range []int{1, 2} {
			if err := x.Apply(Command{Kind: CmdCloseConsumer, Group: "billing", Consumer: m}); err != nil {
				t.Fatal(err)
			}
		}
		x.RunUntil(420000)
	}
	kept, _ := cl.CommittedOffset("billing", read.Topic, read.Partition)
	if err := s.Apply(Command{Kind: CmdResetOffsets, Group: "billing", Topic: "orders", Partition: -1, Reset: ResetToEarliest}); err != nil {
		t.Fatal(err)
	}
	if off, _ := s.CommittedOffset("billing", read.Topic, read.Partition); off != 0 {
		t.Fatalf("reset to earliest left %s at %d", read, off)
	}
	if off, _ := cl.CommittedOffset("billing", read.Topic, read.Partition); off != kept || off <= 0 {
		t.Fatalf("the clone's %s moved from %d to %d with the original's reset", read, kept, off)
	}
}
