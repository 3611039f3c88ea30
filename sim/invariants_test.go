package sim

import "fmt"

// checkInvariants looks for states Kafka never reaches, named as Jepsen and
// Kafka name them. It returns the first one found.
func checkInvariants(s *Sim) error {
	for i := range s.liveFrom {
		if s.batches.At(i).state != batchDone {
			return fmt.Errorf("batch %d is live again behind the first live batch %d", i, s.liveFrom)
		}
	}
	for _, t := range s.topics {
		if t.deleted {
			continue
		}
		compacted := hasPolicy(t.cfg.CleanupPolicy, CleanupCompact)
		for _, p := range t.parts {
			if p.leader != 0 {
				lr := p.leaderRep()
				if p.hw > lr.leo {
					return fmt.Errorf("%s: HW %d > leader LEO %d", p.tp(), p.hw, lr.leo)
				}
				if !p.inISR(p.leader) {
					return fmt.Errorf("%s: leader %d not in ISR %v", p.tp(), p.leader, p.isr)
				}
			}
			for _, r := range p.reps {
				for i := 1; i < r.entries.Len(); i++ {
					prev, cur := r.entries.At(i-1).offset, r.entries.At(i).offset
					if cur <= prev || (!compacted && cur != prev+1) {
						return fmt.Errorf("%s broker %d: non-monotonic offsets %d then %d", p.tp(), r.broker, prev, cur)
					}
				}
				if n := r.entries.Len(); n > 0 && r.entries.At(n-1).offset >= r.leo {
					return fmt.Errorf("%s broker %d: entry at %d >= LEO %d", p.tp(), r.broker, r.entries.At(n-1).offset, r.leo)
				}
			}
		}
	}
	for _, g := range s.groups {
		for _, id := range g.committed.ids() {
			tp, off := s.tpIDs.tp(id), g.committed.at(id)
			_, t := s.topicByName(tp.Topic)
			if t == nil || tp.Partition >= len(t.parts) {
				return fmt.Errorf("group %s keeps an offset for %s, which no longer exists", g.cfg.ID, tp)
			}
			if p := t.parts[tp.Partition]; off > p.hw && !t.cfg.UncleanLeaderElection {
				return fmt.Errorf("group %s: committed offset %d of %s is past the high watermark %d", g.cfg.ID, off, tp, p.hw)
			}
		}
		owners := map[TopicPartition]string{}
		for _, m := range g.members {
			if !m.inGroup || m.genSynced != g.generation {
				continue
			}
			for _, tp := range m.assigned {
				if o, ok := owners[tp]; ok {
					return fmt.Errorf("group %s generation %d: %s owned by both %s and %s", g.cfg.ID, g.generation, tp, o, m.name)
				}
				owners[tp] = m.name
			}
		}
	}
	if err := checkInFlightRequests(s); err != nil {
		return err
	}
	return checkAcksLanded(s)
}

// checkInFlightRequests: each producer counts, per broker, the produce
// requests that still have a batch unanswered.
func checkInFlightRequests(s *Sim) error {
	for _, p := range s.producers {
		if p.crashed {
			continue
		}
		want := make([]map[int32]bool, len(p.inflight))
		for i := range s.batches.Len() {
			b := s.batches.At(i)
			if int32(b.producer) != p.idx || b.state != batchInFlight {
				continue
			}
			if want[b.broker-1] == nil {
				want[b.broker-1] = map[int32]bool{}
			}
			want[b.broker-1][b.reqHead] = true
		}
		for i, n := range p.inflight {
			if n != len(want[i]) {
				return fmt.Errorf("producer %s counts %d requests in flight to broker %d, but %d have unanswered batches", p.cfg.ID, n, i+1, len(want[i]))
			}
		}
	}
	return nil
}

// checkAcksLanded: every acknowledged record was acked at a real offset and
// a copy of it is in the leader's log (the invariant the chaos suite keeps).
func checkAcksLanded(s *Sim) error {
	for _, e := range s.events {
		if e.Type == EvAcked && e.Offset < 0 {
			return fmt.Errorf("%s acked %d records of %s-%d at offset %d", e.Producer, e.Count, e.Topic, e.Partition, e.Offset)
		}
	}
	for i := range s.ledger.recs.Len() {
		ri := s.ledger.recs.At(int(i))
		p := s.producers[s.ledger.originOf(ri).producer]
		if f := s.ledger.fate(int32(i)); f.state() != recAcked || p.cfg.Acks != AcksAll || f.offset >= 0 {
			continue
		}
		return fmt.Errorf("record %d of %s is acked with acks=all but never reached a log", i, p.cfg.ID)
	}
	return nil
}

// leaderEpochs records, per partition and epoch, who led: two leaders in one
// epoch is a split brain.
type leaderEpochs map[string]int

func (le leaderEpochs) observe(s *Sim) error {
	for _, e := range s.events {
		if e.Type != EvLeaderElected {
			continue
		}
		k := fmt.Sprintf("%s-%d@%d", e.Topic, e.Partition, e.Epoch)
		if b, ok := le[k]; ok && b != e.Broker {
			return fmt.Errorf("two leaders in one epoch: %s led by %d and %d", k, b, e.Broker)
		}
		le[k] = e.Broker
	}
	return nil
}

// quorumWatch follows the event stream: no metadata change (a fence, an ISR
// change, a leader election, a partition going offline) happens while no
// controller is active, and an active KRaft controller always has a
// majority of controller.quorum.voters alive behind it.
type quorumWatch struct {
	next   int
	active bool
}

func (q *quorumWatch) observe(s *Sim) error {
	for _, e := range s.EventsSince(q.next) {
		q.next = e.Seq + 1
		switch {
		case e.Type == EvControllerElected:
			q.active = true
		case e.Type == EvControllerLost:
			q.active = false
		case metadataEvent(e.Type) && !q.active:
			return fmt.Errorf("%s at %dms with no active controller: %s", e.Type, e.AtMs, e.Why())
		}
	}
	if s.controller != 0 && s.cfg.Cluster.Metadata == MetadataKRaft && (!s.hasQuorum() || !s.voterUp(s.controller)) {
		return fmt.Errorf("controller %d is active with %d of %d voters alive", s.controller, s.liveVoters(), s.voterCount())
	}
	return nil
}
