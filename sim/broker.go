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
	// sessionDeadlineMs: when the controller gives up on it if no
	// heartbeat comes (its crash plus the session timeout, or a new KRaft
	// controller's activation plus the timeout).
	sessionDeadlineMs int64
	// registering: restarted while its old session was still valid; the
	// process runs but cannot register, so it serves nothing until the old
	// session expires.
	registering bool
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

// startCluster brings every broker (and dedicated controller node) up and
// elects the first controller.
func (s *Sim) startCluster() {
	for i := 1; i <= s.cfg.Cluster.Brokers; i++ {
		s.brokers = append(s.brokers, &broker{id: i, up: true})
	}
	s.startControllerNodes()
	s.electController()
	for _, b := range s.brokers {
		s.schedule(s.cfg.Cluster.ReplicaLagTimeMaxMs/2, brokerItem(itISRCheck, b.id))
		s.schedule(s.cfg.Cluster.LogRetentionCheckIntervalMs, brokerItem(itRetentionCheck, b.id))
	}
	s.schedule(logCleanerBackoffMs, clusterItem(itCleanerCheck))
	s.schedule(s.cfg.Cluster.LeaderImbalanceCheckSeconds*1000, clusterItem(itLeaderBalance))
}

func (s *Sim) crashBroker(id int) {
	b := s.broker(id)
	if b.registering {
		// It dies again before it could register: its old session, from
		// the first crash, is still the one running out.
		b.registering = false
		s.emit(&Event{Type: EvBrokerCrashed, Broker: id, Count: s.leaderCount(id), Broker2: s.controller})
		s.voterDown(id)
		return
	}
	if !b.up {
		return
	}
	b.up = false
	b.incarnation++
	b.downSinceMs = s.nowMs
	b.dropAcks = 0
	s.emit(&Event{Type: EvBrokerCrashed, Broker: id, Count: s.leaderCount(id), Broker2: s.controller})
	s.failRequestsTo(id)
	if s.cfg.Cluster.Metadata == MetadataZooKeeper && s.controller == id {
		s.controllerLost()
	}
	s.voterDown(id)
	// The controller only learns of the crash when the broker's session
	// expires.
	timeout, _ := s.cfg.Cluster.SessionTimeout()
	b.sessionDeadlineMs = s.nowMs + timeout
	s.schedule(timeout, brokerItem(itBrokerSessionCheck, id))
	// Consumers are not told: they find out through failed fetches and the
	// coordinator moving.
}

// restartBroker starts broker id's process again. A broker whose old session
// is still valid cannot register yet: in KRaft the controller refuses a new
// incarnation while the old one's session lasts
// (ClusterControlManager.registerBroker: DuplicateBrokerRegistrationException),
// in ZooKeeper mode its /brokers/ids node still exists. It registers when
// that session expires, after the controller fenced the old incarnation.
func (s *Sim) restartBroker(id int) {
	b := s.broker(id)
	if b.up || b.registering {
		return
	}
	if !b.fenced {
		b.registering = true
		left := int64(-1) // no controller: the next one starts a new session
		if s.controller != 0 || s.cfg.Cluster.Metadata == MetadataZooKeeper {
			left = max(b.sessionDeadlineMs-s.nowMs, 0)
		}
		s.emit(&Event{Type: EvBrokerRestarted, Broker: id, DurationMs: s.nowMs - b.downSinceMs, Reason: ReasonSessionTimeout,
			DelayMs: left, Text: s.metadataLabel()})
		if s.controller == 0 {
			s.maybeElectControllerSoon()
		}
		return
	}
	restarted := Event{Type: EvBrokerRestarted, Broker: id, DurationMs: s.nowMs - b.downSinceMs}
	if s.controller == 0 {
		restarted.Text = s.metadataLabel() // no controller to take it back yet
	}
	s.emit(&restarted)
	s.registerBroker(id)
}

// registerBroker: broker id's new incarnation runs and registers.
func (s *Sim) registerBroker(id int) {
	b := s.broker(id)
	b.up = true
	b.registering = false
	b.incarnation++
	b.slowMs = 0
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
		s.emit(&Event{Type: EvBrokerUnfenced, Broker: id, Broker2: s.controller, Text: s.metadataLabel()})
	}
	s.forEachPartition(func(p *partition) {
		ri := p.replicaIndex(id)
		if ri < 0 || p.leader == id {
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
// A broker that restarted meanwhile registers right after, with a new epoch.
func (s *Sim) brokerSessionExpired(id int) {
	b := s.broker(id)
	if b.up || b.fenced || s.nowMs < b.sessionDeadlineMs {
		return
	}
	if s.controller == 0 {
		return // the next controller deals with it when it takes over
	}
	s.fenceBroker(id)
	if b.registering {
		s.registerBroker(id)
	}
}

func (s *Sim) fenceBroker(id int) {
	s.markFenced(id)
	s.moveOffBroker(id)
}

// markFenced: the controller no longer counts broker id as registered.
func (s *Sim) markFenced(id int) {
	b := s.broker(id)
	b.fenced = true
	timeout, _ := s.cfg.Cluster.SessionTimeout()
	s.emit(&Event{Type: EvBrokerFenced, Broker: id, Broker2: s.controller, TimeoutMs: timeout, DurationMs: s.nowMs - b.downSinceMs,
		Text: s.metadataLabel()})
}

// moveOffBroker moves leadership off fenced broker id and drops it from
// every ISR.
func (s *Sim) moveOffBroker(id int) {
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
		s.emit(&Event{Type: EvBrokerHealed, Broker: id})
		return
	}
	s.emit(&Event{Type: EvBrokerSlowed, Broker: id, DelayMs: delayMs})
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
