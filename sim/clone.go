package sim

import (
	"crypto/sha256"
	"encoding"
	"math/rand/v2"
)

// Clone makes an independent copy of the simulation: stepping one never
// changes the other. Append-only slices are shared with their capacity cut
// to their length, so an append on either side copies instead of writing
// into the other's view.
func (s *Sim) Clone() *Sim {
	c := *s
	c.queue = s.queue.clone()
	pick, grp := *s.pcgPick, *s.pcgGroup
	c.pcgPick, c.pcgGroup = &pick, &grp
	c.rngPick, c.rngGroup = rand.New(c.pcgPick), rand.New(c.pcgGroup)
	c.brokers = make([]*broker, len(s.brokers))
	for i, b := range s.brokers {
		bb := *b
		c.brokers[i] = &bb
	}
	c.ctrlUp = append([]bool(nil), s.ctrlUp...)
	c.topics = make([]*topic, len(s.topics))
	for i, t := range s.topics {
		c.topics[i] = t.clone()
	}
	c.producers = make([]*producer, len(s.producers))
	for i, p := range s.producers {
		c.producers[i] = p.clone()
	}
	c.groups = make([]*group, len(s.groups))
	for i, g := range s.groups {
		c.groups[i] = g.clone()
	}
	c.ledger = s.ledger.clone()
	c.batches = append([]batch(nil), s.batches...)
	for i := range c.batches {
		r := c.batches[i].recs
		c.batches[i].recs = r[:len(r):len(r)]
	}
	c.truncs = capped(s.truncs)
	c.markers = capped(s.markers)
	c.events = capped(s.events)
	c.applied = capped(s.applied)
	c.scheduled = capped(s.scheduled)
	c.scratch = nil
	state, err := s.digest.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		panic("sim: digest state: " + err.Error())
	}
	c.digest = sha256.New()
	if err := c.digest.(encoding.BinaryUnmarshaler).UnmarshalBinary(state); err != nil {
		panic("sim: digest state: " + err.Error())
	}
	return &c
}

func capped[T any](xs []T) []T { return xs[:len(xs):len(xs)] }

func (t *topic) clone() *topic {
	c := *t
	c.parts = make([]*partition, len(t.parts))
	for i, p := range t.parts {
		pp := *p
		pp.isr = append([]int(nil), p.isr...)
		pp.pendingAcks = append([]pendingAck(nil), p.pendingAcks...)
		pp.openTxns = append([]openTxn(nil), p.openTxns...)
		pp.aborted = append([]abortedRange(nil), p.aborted...)
		pp.reps = make([]*replica, len(p.reps))
		for j, r := range p.reps {
			pp.reps[j] = r.clone()
		}
		c.parts[i] = &pp
	}
	return &c
}

func (p *producer) clone() *producer {
	c := *p
	c.parts = append([]prodPart(nil), p.parts...)
	for i := range c.parts {
		c.parts[i].queue = append([]int32(nil), p.parts[i].queue...)
	}
	c.inflight = append([]int(nil), p.inflight...)
	return &c
}

func (g *group) clone() *group {
	c := *g
	c.committed = make(map[TopicPartition]int64, len(g.committed))
	for k, v := range g.committed {
		c.committed[k] = v
	}
	c.committedEpoch = copyMap(g.committedEpoch)
	c.procCount = append([]uint8(nil), g.procCount...)
	c.history = groupHistory{processed: capped(g.history.processed), commits: capped(g.history.commits),
		resets: capped(g.history.resets), crashes: capped(g.history.crashes)}
	c.members = make([]*member, len(g.members))
	for i, m := range g.members {
		mm := *m
		mm.assigned = append([]TopicPartition(nil), m.assigned...)
		mm.owned = append([]TopicPartition(nil), m.owned...)
		mm.buffer = append([]bufRec(nil), m.buffer...)
		mm.positions = copyOffsets(m.positions)
		mm.fetchEpochs = copyMap(m.fetchEpochs)
		if m.pendingCommit != nil {
			mm.pendingCommit = copyOffsets(m.pendingCommit)
		}
		mm.txn.inputs = append([]bufRec(nil), m.txn.inputs...)
		mm.txn.touched = append([]int(nil), m.txn.touched...)
		mm.txn.outputs = append([]int32(nil), m.txn.outputs...)
		c.members[i] = &mm
	}
	return &c
}

func copyMap[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func copyOffsets(m map[TopicPartition]int64) map[TopicPartition]int64 {
	out := make(map[TopicPartition]int64, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
