package simview

import (
	"iter"

	"kafkasim/sim"
)

// heldReplica is a partition a broker holds a replica of, as a broker's
// box lists them.
type heldReplica struct {
	topic        *sim.TopicView
	p            *sim.PartitionView
	r            *sim.ReplicaView // nil while assigned but not yet created
	firstOfTopic bool
}

// heldReplicas yields the partitions broker id holds or is assigned a
// replica of, topic by topic in the snapshot's order.
func heldReplicas(snap *sim.Snapshot, id int) iter.Seq[heldReplica] {
	return func(yield func(heldReplica) bool) {
		for ti := range snap.Topics {
			t := &snap.Topics[ti]
			first := true
			for pi := range t.Partitions {
				p := &t.Partitions[pi]
				r := FindReplica(p, id)
				if r == nil && !containsInt(p.Replicas, id) {
					continue
				}
				if !yield(heldReplica{topic: t, p: p, r: r, firstOfTopic: first}) {
					return
				}
				first = false
			}
		}
	}
}

// replicaLit reports whether broker id's replica of p, or its leadership
// of p, is lit.
func replicaLit(hot *Anim, p *sim.PartitionView, id int) bool {
	return hot.Is(HotKey{Kind: HotReplica, S1: p.Topic, N1: p.Partition, N2: id}) ||
		hot.Is(HotKey{Kind: hotLeader, S1: p.Topic, N1: p.Partition, N2: id})
}
