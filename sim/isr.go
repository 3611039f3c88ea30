package sim

// The ISR: a leader drops followers that stopped keeping up and takes back
// those that caught up. Either change is an AlterPartition request to the
// controller, which commits it; with no active controller the request waits
// and the ISR stays as it was (Partition.maybeShrinkIsr / maybeExpandIsr,
// PendingShrinkIsr / PendingExpandIsr).

// isrCheck: a broker, as leader, drops followers that have not caught up
// within replica.lag.time.max.ms.
func (s *Sim) isrCheck(brokerID int) {
	lag := s.cfg.Cluster.ReplicaLagTimeMaxMs
	s.schedule(max(lag/2, 1), brokerItem(itISRCheck, brokerID))
	if !s.brokerUp(brokerID) {
		return
	}
	s.forEachPartition(func(p *partition) {
		if p.leader == brokerID {
			s.shrinkLaggingFollowers(p)
		}
	})
}

// shrinkLaggingFollowers removes from p's ISR every follower that is out of
// sync: behind the leader's LEO and not caught up for longer than
// replica.lag.time.max.ms (Partition.isFollowerOutOfSync).
func (s *Sim) shrinkLaggingFollowers(p *partition) {
	lr := p.leaderRep()
	if lr == nil || !s.brokerUp(p.leader) {
		return
	}
	for _, b := range append([]int(nil), p.isr...) {
		if b == p.leader {
			continue
		}
		r := p.rep(b)
		if r.fetchOffset == lr.leo || s.nowMs-r.lastCaughtUpMs <= s.cfg.Cluster.ReplicaLagTimeMaxMs {
			continue
		}
		if s.controller == 0 {
			s.noteISRChangePending(p, b, ReasonLagging)
			return
		}
		s.shrinkISR(p, b, ReasonLagging)
	}
}

func (s *Sim) shrinkISR(p *partition, b int, why Reason) {
	if !p.inISR(b) {
		return
	}
	r := p.rep(b)
	p.isr = removeInt(p.isr, b)
	behind := int32(0)
	if lr := p.leaderRep(); lr != nil && r.fetchOffset >= 0 {
		behind = int32(lr.leo - r.fetchOffset)
	}
	s.emit(&Event{Type: EvISRShrunk, Topic: p.topicName, Partition: p.id, Broker: b, Broker2: p.leader, Reason: why,
		RecordsBehind: behind, DurationMs: s.nowMs - r.lastCaughtUpMs, Count: len(p.isr), Text: joinInts(p.isr)})
	s.maybeAdvanceHW(p)
	// Writes waiting for acks=all may now be answerable, or refused.
	s.completePendingAcks(p)
}

// maybeExpandISR puts follower fr back in p's ISR once it is in sync: its
// log reaches the high watermark and the offset where the current leader's
// epoch began (Partition.isFollowerInSync), so it need not equal the
// leader's LEO while writes keep coming.
func (s *Sim) maybeExpandISR(p *partition, fr *replica) {
	if p.inISR(fr.broker) || !s.eligible(fr.broker) {
		return
	}
	if fr.fetchOffset < p.hw || fr.fetchOffset < s.leaderEpochStart(p) {
		return
	}
	if s.controller == 0 {
		s.noteISRChangePending(p, fr.broker, ReasonCaughtUp)
		return
	}
	p.isr = append(p.isr, fr.broker)
	sortInts(p.isr)
	s.emit(&Event{Type: EvISRExpanded, Topic: p.topicName, Partition: p.id, Broker: fr.broker, Offset: fr.fetchOffset,
		EndOffset: p.hw, Text: joinInts(p.isr)})
}

// aboutToJoinISR: a follower outside the ISR that the high watermark waits
// for, because it caught up recently and may join
// (Partition.maybeIncrementLeaderHW's shouldWaitForReplicaToJoinIsr).
func (s *Sim) aboutToJoinISR(r *replica) bool {
	return s.eligible(r.broker) && r.lastCaughtUpMs > 0 &&
		s.nowMs-r.lastCaughtUpMs <= s.cfg.Cluster.ReplicaLagTimeMaxMs
}

// leaderEpochStart is the leader's log end offset when it took the current
// epoch: a follower must reach it before it counts as in sync.
func (s *Sim) leaderEpochStart(p *partition) int64 {
	lr := p.leaderRep()
	if lr == nil {
		return 0
	}
	for i := len(lr.epochs) - 1; i >= 0; i-- {
		if int(lr.epochs[i].epoch) <= p.leaderEpoch {
			return lr.epochs[i].start
		}
	}
	return 0
}

// noteISRChangePending: the leader sent AlterPartition but no controller is
// active to commit it. Told once per partition until a controller answers.
func (s *Sim) noteISRChangePending(p *partition, follower int, why Reason) {
	if p.isrChangePending {
		return
	}
	p.isrChangePending = true
	s.emit(&Event{Type: EvISRChangePending, Topic: p.topicName, Partition: p.id, Broker: follower, Broker2: p.leader,
		Reason: why, Text: joinInts(p.isr)})
}

// retryPendingISRChanges: a new controller answers the AlterPartition
// requests leaders kept resending while there was none.
func (s *Sim) retryPendingISRChanges() {
	s.forEachPartition(func(p *partition) {
		if !p.isrChangePending {
			return
		}
		p.isrChangePending = false
		s.shrinkLaggingFollowers(p)
		for _, r := range p.reps {
			if r.broker != p.leader && r.fetchOffset >= 0 && s.brokerUp(r.broker) {
				s.maybeExpandISR(p, r)
			}
		}
		s.maybeAdvanceHW(p)
	})
}
