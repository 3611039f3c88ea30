package sim

// broker is one Kafka server. Its replicas live in the partitions; here is
// only whether it runs and how it misbehaves.
type broker struct {
	id int
	up bool
	// fenced: the controller treats it as gone (it crashed and the session
	// timed out, or it has not re-registered since restarting).
	fenced bool
	// incarnation counts restarts; traffic from an older life is dropped.
	incarnation int32
	slowMs      int64
	dropAcks    int
	downSinceMs int64
}

func (s *Sim) broker(id int) *broker {
	if id < 1 || id > len(s.brokers) {
		return nil
	}
	return s.brokers[id-1]
}

func (s *Sim) brokerUp(id int) bool {
	b := s.broker(id)
	return b != nil && b.up
}

// startCluster brings every broker up and elects the first controller.
func (s *Sim) startCluster() {
	for i := 1; i <= s.cfg.Cluster.Brokers; i++ {
		s.brokers = append(s.brokers, &broker{id: i, up: true})
	}
	s.electController()
	for _, b := range s.brokers {
		s.schedule(s.cfg.Cluster.ReplicaLagTimeMaxMs/2, item{kind: itISRCheck, a: int32(b.id)})
		s.schedule(s.cfg.Cluster.LogRetentionCheckIntervalMs, item{kind: itRetentionCheck, a: int32(b.id)})
	}
	s.schedule(logCleanerBackoffMs, item{kind: itCleanerCheck})
	s.schedule(s.cfg.Cluster.LeaderImbalanceCheckSeconds*1000, item{kind: itLeaderBalance})
}

func (s *Sim) crashBroker(id int) {
	b := s.broker(id)
	if !b.up {
		return
	}
	b.up = false
	b.incarnation++
	b.downSinceMs = s.nowMs
	b.dropAcks = 0
	s.emit(Event{Type: EvBrokerCrashed, Broker: id, Count: s.leaderCount(id), Broker2: s.controller})
	s.failRequestsTo(id)
	if s.controller == id {
		s.controllerLost()
	}
	// The controller only learns of the crash when the broker's session
	// expires.
	s.schedule(s.cfg.Cluster.BrokerSessionTimeoutMs, item{kind: itBrokerSessionCheck, a: int32(id), gen: b.incarnation})
	s.brokerCrashedConsumers(id)
}

func (s *Sim) restartBroker(id int) {
	b := s.broker(id)
	if b.up {
		return
	}
	b.up = true
	b.incarnation++
	b.slowMs = 0
	s.emit(Event{Type: EvBrokerRestarted, Broker: id, EndOffset: s.nowMs - b.downSinceMs})
	if s.controller == 0 {
		s.maybeElectControllerSoon()
		return
	}
	s.unfenceBroker(id)
}

// unfenceBroker is the controller accepting a (re)registered broker: it
// becomes a follower of everything it hosts and may lead offline partitions.
func (s *Sim) unfenceBroker(id int) {
	b := s.broker(id)
	wasFenced := b.fenced
	b.fenced = false
	if wasFenced {
		s.emit(Event{Type: EvBrokerUnfenced, Broker: id, Broker2: s.controller, Text: s.cfg.Cluster.Metadata})
	}
	s.forEachPartition(func(p *partition) {
		ri := p.replicaIndex(id)
		if ri < 0 {
			return
		}
		if p.leader == id {
			// It crashed and came back before the controller noticed:
			// it is still the leader and simply carries on.
			return
		}
		if p.leader == 0 {
			s.electLeader(p, ReasonNone)
			return
		}
		s.startFollowerFetch(p, ri)
	})
}

// brokerSessionExpired: the controller notices a broker stopped heartbeating.
func (s *Sim) brokerSessionExpired(id int, gen int32) {
	b := s.broker(id)
	if b.up || b.incarnation != gen || b.fenced {
		return
	}
	if s.controller == 0 {
		return // the next controller fences it when it takes over
	}
	s.fenceBroker(id)
}

func (s *Sim) fenceBroker(id int) {
	b := s.broker(id)
	b.fenced = true
	s.emit(Event{Type: EvBrokerFenced, Broker: id, Broker2: s.controller, EndOffset: s.nowMs - b.downSinceMs, Text: s.cfg.Cluster.Metadata})
	s.forEachPartition(func(p *partition) {
		if p.replicaIndex(id) < 0 {
			return
		}
		if p.leader == id {
			s.electLeader(p, ReasonBrokerDown)
		} else if p.inISR(id) && len(p.isr) > 1 {
			s.shrinkISR(p, id, ReasonBrokerDown)
		}
	})
	s.coordinatorsMoved()
}

func (s *Sim) slowBroker(id int, delayMs int64) {
	b := s.broker(id)
	b.slowMs = delayMs
	if delayMs == 0 {
		s.emit(Event{Type: EvBrokerHealed, Broker: id})
		return
	}
	s.emit(Event{Type: EvBrokerSlowed, Broker: id, EndOffset: delayMs})
}

func (s *Sim) leaderCount(id int) int {
	n := 0
	s.forEachPartition(func(p *partition) {
		if p.leader == id {
			n++
		}
	})
	return n
}
