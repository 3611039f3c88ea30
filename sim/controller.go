package sim

// The controller: in KRaft mode the active member of a quorum of controller
// voters (here the first three brokers, as in a small combined-mode cluster);
// in ZooKeeper mode whichever live broker first claims the /controller node.

// kraftElectionDelayMs is how long a KRaft quorum takes to notice a dead
// leader and elect another (controller.quorum.fetch.timeout.ms is 2000 by
// default; an election follows within about a second).
const kraftElectionDelayMs = 2500

// voters are the brokers that take part in the KRaft controller quorum.
func (s *Sim) voters() []int {
	n := min(3, len(s.brokers))
	if len(s.brokers) == 2 {
		n = 1 // an even quorum would add no safety
	}
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

func (s *Sim) isVoter(id int) bool {
	if s.cfg.Cluster.Metadata == MetadataZooKeeper {
		return true
	}
	return id <= len(s.voters())
}

// electController makes a live eligible broker the active controller, if the
// mode's rules allow one.
func (s *Sim) electController() {
	var live []int
	if s.cfg.Cluster.Metadata == MetadataZooKeeper {
		for _, b := range s.brokers {
			if b.up {
				live = append(live, b.id)
			}
		}
	} else {
		vs := s.voters()
		for _, v := range vs {
			if s.brokerUp(v) {
				live = append(live, v)
			}
		}
		if len(live)*2 <= len(vs) {
			s.controller = 0
			s.emit(Event{Type: EvControllerLost, Count: len(live), EndOffset: int64(len(vs))})
			return
		}
	}
	if len(live) == 0 {
		s.controller = 0
		return
	}
	// Which live candidate wins the race is up to timing: the seed decides.
	winner := live[0]
	if s.ctrlEpoch > 0 {
		winner = live[s.rngPick.IntN(len(live))]
	}
	s.controller = winner
	s.ctrlEpoch++
	s.emit(Event{Type: EvControllerElected, Broker: winner, Epoch: s.ctrlEpoch, Count: len(live), Text: s.cfg.Cluster.Metadata})
	if s.ctrlEpoch > 1 {
		s.controllerTakesOver()
	}
}

// controllerLost: the active controller died. A new one takes over after the
// mode's detection delay.
func (s *Sim) controllerLost() {
	old := s.controller
	s.controller = 0
	s.emit(Event{Type: EvControllerLost, Broker: old, Count: -1, Text: s.cfg.Cluster.Metadata})
	s.maybeElectControllerSoon()
}

func (s *Sim) maybeElectControllerSoon() {
	delay := int64(kraftElectionDelayMs)
	if s.cfg.Cluster.Metadata == MetadataZooKeeper {
		delay = s.cfg.Cluster.BrokerSessionTimeoutMs
	}
	s.schedule(delay, item{kind: itControllerElect, gen: int32(s.ctrlEpoch)})
}

func (s *Sim) controllerElectDue(gen int32) {
	if s.controller != 0 {
		return
	}
	s.electController()
	if s.controller == 0 {
		return
	}
}

// controllerTakesOver: a new controller fences brokers whose sessions ran
// out meanwhile, accepts brokers that came back, and fills offline partitions.
func (s *Sim) controllerTakesOver() {
	for _, b := range s.brokers {
		switch {
		case !b.up && !b.fenced && s.nowMs-b.downSinceMs >= s.cfg.Cluster.BrokerSessionTimeoutMs:
			s.fenceBroker(b.id)
		case !b.up && !b.fenced:
			s.schedule(b.downSinceMs+s.cfg.Cluster.BrokerSessionTimeoutMs-s.nowMs,
				item{kind: itBrokerSessionCheck, a: int32(b.id), gen: b.incarnation})
		case b.up && b.fenced:
			s.unfenceBroker(b.id)
		}
	}
	s.forEachPartition(func(p *partition) {
		if p.leader == 0 {
			s.electLeader(p, ReasonNone)
		}
	})
}

// eligible: the controller may make this broker a leader.
func (s *Sim) eligible(id int) bool {
	b := s.broker(id)
	return b != nil && b.up && !b.fenced
}

// electLeader picks a new leader for p: the first live ISR member in replica
// order; failing that, with unclean.leader.election.enable, the first live
// replica; failing that, none (the partition goes offline).
func (s *Sim) electLeader(p *partition, why Reason) {
	if s.controller == 0 {
		return
	}
	old := p.leader
	next, unclean := 0, false
	for _, r := range p.replicas {
		if r != old && p.inISR(r) && s.eligible(r) {
			next = r
			break
		}
	}
	if next == 0 && old != 0 && s.eligible(old) && p.inISR(old) {
		next = old
	}
	if next == 0 && s.topicCfg(p).UncleanLeaderElection {
		for _, r := range p.replicas {
			if s.eligible(r) {
				next, unclean = r, true
				break
			}
		}
	}
	if next == 0 {
		if old != 0 || !p.offline {
			p.offline = true
			p.leader = 0
			// The ISR keeps its last member so a clean election can happen
			// when that broker returns.
			if old != 0 && len(p.isr) > 1 {
				p.isr = []int{old}
			}
			s.emit(Event{Type: EvPartitionOffline, Topic: p.topicName, Partition: p.id, Broker: old, Text: joinInts(p.isr)})
			s.failPendingAcks(p, "NOT_LEADER_OR_FOLLOWER")
		}
		return
	}
	reason := ReasonClean
	if unclean {
		reason = ReasonUnclean
	}
	s.becomeLeader(p, next, old, reason)
}

// becomeLeader hands p to broker next. reason is ReasonClean (from the
// ISR), ReasonUnclean (from outside it) or ReasonPreferred (back to the
// preferred replica while the old leader lives on as a follower).
func (s *Sim) becomeLeader(p *partition, next, old int, reason Reason) {
	p.leader = next
	p.offline = false
	p.leaderEpoch++
	nr := p.rep(next)
	if reason == ReasonUnclean {
		p.isr = []int{next}
	} else if old != 0 && old != next && p.inISR(old) && !s.eligible(old) {
		p.isr = removeInt(p.isr, old)
	}
	// Records the previous leader had beyond the new leader's log are gone
	// from the partition's history.
	prevEnd := p.hw
	if old != 0 {
		prevEnd = p.rep(old).leo
	}
	lost := s.recordTruncation(p, nr, old)
	if p.hw > nr.leo {
		p.hw = nr.leo
	}
	nr.epochs = append(nr.epochs[:len(nr.epochs):len(nr.epochs)], epochStart{epoch: int32(p.leaderEpoch), start: nr.leo})
	s.emit(Event{Type: EvLeaderElected, Topic: p.topicName, Partition: p.id, Broker: next, Broker2: old,
		Epoch: p.leaderEpoch, Reason: reason, Offset: nr.leo, EndOffset: prevEnd, Count: lost, Text: joinInts(p.isr)})
	s.failPendingAcks(p, "NOT_LEADER_OR_FOLLOWER")
	for i, r := range p.reps {
		r.fetchGen++
		r.fetching = false
		if p.replicas[i] != next {
			r.fetchOffset = -1
			r.lastCaughtUpMs = s.nowMs
			r.lastFetchLeaderLEO = 0
			s.startFollowerFetch(p, i)
		}
	}
	s.leaderMovedForConsumers(p)
}

// leaderBalanceCheck is auto.leader.rebalance.enable: every
// leader.imbalance.check.interval.seconds the controller counts, per broker,
// the partitions it should lead (it is their preferred replica) but does not;
// past leader.imbalance.per.broker.percentage it hands them back.
func (s *Sim) leaderBalanceCheck() {
	c := &s.cfg.Cluster
	s.schedule(c.LeaderImbalanceCheckSeconds*1000, item{kind: itLeaderBalance})
	if !c.AutoLeaderRebalance || s.controller == 0 {
		return
	}
	for _, b := range s.brokers {
		if !s.eligible(b.id) {
			continue
		}
		var preferred, elsewhere []*partition
		s.forEachPartition(func(p *partition) {
			if p.replicas[0] == b.id {
				preferred = append(preferred, p)
				if p.leader != b.id {
					elsewhere = append(elsewhere, p)
				}
			}
		})
		if len(preferred) == 0 || len(elsewhere)*100 <= c.LeaderImbalancePercent*len(preferred) {
			continue
		}
		for _, p := range elsewhere {
			if p.inISR(b.id) && p.leader != 0 {
				s.becomeLeader(p, b.id, p.leader, ReasonPreferred)
			}
		}
	}
}
