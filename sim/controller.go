package sim

// The controller: in KRaft mode the active member of the quorum of
// controller voters (quorum.go); in ZooKeeper mode whichever live broker
// first claims the /controller node.

// kraftElectionDelayMs is how long a KRaft quorum takes to notice a dead
// leader and elect another (controller.quorum.fetch.timeout.ms is 2000 by
// default; an election follows within about a second).
const kraftElectionDelayMs = 2500

// electController makes a live eligible node the active controller, if the
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
		for _, v := range s.voters() {
			if s.voterUp(v) {
				live = append(live, v)
			}
		}
		if !s.hasQuorum() {
			s.controller = 0
			s.noteNoQuorum(0)
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
	s.quorumLost = false
	s.ctrlEpoch++
	s.emit(&Event{Type: EvControllerElected, Broker: winner, Epoch: s.ctrlEpoch, Count: len(live),
		FirstVoter: int32(s.firstVoter()), Voters: int32(s.voterCount()), Text: s.metadataLabel()})
	if s.ctrlEpoch > 1 {
		s.controllerTakesOver()
	}
}

// controllerLost: the active controller died. A new one takes over after the
// mode's detection delay.
func (s *Sim) controllerLost() {
	old := s.controller
	s.controller = 0
	s.emit(&Event{Type: EvControllerLost, Broker: old, Count: -1, Text: s.metadataLabel()})
	s.maybeElectControllerSoon()
}

func (s *Sim) maybeElectControllerSoon() {
	delay := int64(kraftElectionDelayMs)
	if s.cfg.Cluster.Metadata == MetadataZooKeeper {
		delay = s.cfg.Cluster.ZooKeeperSessionTimeoutMs
	}
	s.schedule(delay, controllerElectItem(s.ctrlEpoch))
}

func (s *Sim) controllerElectDue() {
	if s.controller == 0 {
		s.electController()
	}
}

// controllerTakesOver: a new controller fences brokers whose sessions ran
// out, accepts brokers that came back, fills offline partitions and answers
// the ISR changes leaders asked for meanwhile.
func (s *Sim) controllerTakesOver() {
	timeout, _ := s.cfg.Cluster.SessionTimeout()
	var expired []int
	for _, b := range s.brokers {
		switch {
		case b.up && b.fenced:
			s.unfenceBroker(b.id)
		case b.up || b.fenced:
		case s.cfg.Cluster.Metadata == MetadataKRaft:
			// A new KRaft controller does not know when a broker last
			// heartbeated: every registered broker gets a full session
			// from now (ClusterControlManager.activate).
			b.sessionDeadlineMs = s.nowMs + timeout
			s.schedule(timeout, brokerItem(itBrokerSessionCheck, b.id))
		case s.nowMs >= b.sessionDeadlineMs:
			expired = append(expired, b.id)
		default:
			s.schedule(b.sessionDeadlineMs-s.nowMs, brokerItem(itBrokerSessionCheck, b.id))
		}
	}
	// ZooKeeper expired those sessions already: the new controller reads
	// the live brokers once, so none of them is a candidate for leadership.
	for _, id := range expired {
		s.markFenced(id)
	}
	for _, id := range expired {
		s.moveOffBroker(id)
		if s.broker(id).registering {
			s.registerBroker(id)
		}
	}
	s.forEachPartition(func(p *partition) {
		if p.leader == 0 {
			s.electLeader(p, ReasonNone)
		}
	})
	s.retryPendingISRChanges()
}

// eligible: the controller may make this broker a leader. It knows a
// broker only by its registration: one that crashed is eligible until its
// session expires and it is fenced (PartitionChangeBuilder.isAcceptableLeader
// asks ClusterControlManager.isActive: registered, not fenced).
func (s *Sim) eligible(id int) bool {
	b := s.broker(id)
	return b != nil && !b.fenced
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
			s.leaderMovedForProducers(p)
			// The ISR keeps its last member so a clean election can happen
			// when that broker returns.
			if old != 0 && len(p.isr) > 1 {
				p.isr = []int{old}
			}
			offline := Event{Type: EvPartitionOffline, Topic: p.topicName, Partition: p.id, Broker: old, Text: joinInts(p.isr)}
			if s.topicCfg(p).UncleanLeaderElection {
				offline.Reason = ReasonUnclean // allowed, but no replica at all is alive
			}
			s.emit(&offline)
			s.failPendingAcks(p)
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
	s.leaderMovedForProducers(p)
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
	s.emit(&Event{Type: EvLeaderElected, Topic: p.topicName, Partition: p.id, Broker: next, Broker2: old,
		Epoch: p.leaderEpoch, Reason: reason, Offset: nr.leo, EndOffset: prevEnd, Count: lost, Text: joinInts(p.isr),
		Unaware: !s.brokerUp(next)})
	s.failPendingAcks(p)
	for i, r := range p.reps {
		r.fetchGen++
		r.fetching = false
		if p.replicas[i] != next {
			r.fetchOffset = -1
			// A new leader counts ISR followers as just caught up and the
			// others as never (Replica.resetReplicaState), so only the
			// ISR holds its high watermark back.
			r.lastCaughtUpMs = 0
			if p.inISR(r.broker) {
				r.lastCaughtUpMs = s.nowMs
			}
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
	s.schedule(c.LeaderImbalanceCheckSeconds*1000, clusterItem(itLeaderBalance))
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
