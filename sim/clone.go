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
	c.batches = s.batches.share()
	c.batchNext = s.batchNext.share()
	c.truncs = capped(s.truncs)
	c.fetchSessions = cloneFetchSessions(s.fetchSessions, c.topics)
	s.cloneLive(&c)
	c.commitScratch = commitScratch{}
	c.tpIDs = s.tpIDs.clone()
	c.markers = capped(s.markers)
	c.events = capped(s.events)
	s.eventsShared, c.eventsShared = true, true
	c.applied = capped(s.applied)
	c.scheduled = capped(s.scheduled)
	c.scratch = nil
	if s.digestFrom != nil {
		return &c // it hashes nothing: its digest is replayed when asked
	}
	s.flushDigest()
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
	c.openParts = append(partSet(nil), p.openParts...)
	c.reqScratch = nil
	c.queuedBy = make([]partSet, len(p.queuedBy))
	for i, q := range p.queuedBy {
		c.queuedBy[i] = append(partSet(nil), q...)
	}
	c.keyRefs = append([]keyRef(nil), p.keyRefs...)
	return &c
}

func (g *group) clone() *group {
	c := *g
	c.committed = g.committed.clone()
	c.committedEpoch = g.committedEpoch.clone()
	c.procCount = g.procCount.share()
	c.tally = g.tally.clone()
	c.history = g.history.clone()
	c.members = make([]*member, len(g.members))
	for i, m := range g.members {
		mm := *m
		mm.assigned = append([]TopicPartition(nil), m.assigned...)
		mm.owned = append([]TopicPartition(nil), m.owned...)
		mm.buffer = append([]bufRec(nil), m.buffer...)
		mm.positions = m.positions.clone()
		mm.fetchEpochs = m.fetchEpochs.clone()
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

// checkpointBytes estimates what a clone of s costs beyond what it shares:
// the chunk tables, the per-partition and per-group state that is copied
// whole, and a fixed part for the rest. The chunks that later writes copy
// come on top (copiedSinceShare).
func (s *Sim) checkpointBytes() int {
	n := 4096 + s.ledger.tableBytes() + s.batches.tableBytes()
	n += s.batchNext.tableBytes()
	n += 24 * len(s.ledger.extra)
	for _, t := range s.topics {
		for _, p := range t.parts {
			n += 256 + 16*(len(p.isr)+len(p.pendingAcks)+len(p.openTxns)+len(p.aborted))
			for _, r := range p.reps {
				n += 192 + 48*len(r.segments) + 12*len(r.pids) + r.entries.tableBytes()
			}
		}
	}
	for _, g := range s.groups {
		n += g.procCount.tableBytes() + 64*g.committed.size()
		for _, m := range g.members {
			n += 256 + 32*len(m.buffer) + 64*m.positions.size()
		}
	}
	for _, p := range s.producers {
		n += 128 + 32*len(p.parts)
		for _, pp := range p.parts {
			n += 4 * len(pp.queue)
		}
	}
	return n + s.queue.cloneBytes()
}

// copiedSinceShare is how many bytes of shared chunks s has copied since
// its last clone: the old copies are the last clone's alone.
func (s *Sim) copiedSinceShare() int {
	n := s.ledger.copiedBytes() + s.batches.copied
	n += s.batchNext.copied
	for _, t := range s.topics {
		for _, p := range t.parts {
			for _, r := range p.reps {
				n += r.entries.copiedBytes()
			}
		}
	}
	for _, g := range s.groups {
		n += g.procCount.copied
	}
	return n
}
