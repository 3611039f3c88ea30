package sim

// What a broker tells a live client about the cluster: Metadata (brokers,
// topics, leaders, ISR), the group coordinator, topic configs, and the
// admin requests that change topics.

// MetaPartition is one partition as Metadata describes it.
type MetaPartition struct {
	ID          int
	Leader      int // -1 = none
	LeaderEpoch int
	Replicas    []int
	ISR         []int
	Offline     []int // replicas on brokers that are down
}

// MetaTopic is one topic as Metadata describes it.
type MetaTopic struct {
	Name       string
	ID         string
	Partitions []MetaPartition
}

// LiveBrokers lists the brokers a Metadata answer names: those running and
// registered with the controller (a fenced broker is left out, as KRaft
// does).
func (s *Sim) LiveBrokers() []int {
	var out []int
	for _, b := range s.brokers {
		if b.up && !b.fenced && !b.registering {
			out = append(out, b.id)
		}
	}
	return out
}

// BrokerCount is how many brokers the cluster has, up or not.
func (s *Sim) BrokerCount() int { return len(s.brokers) }

// ActiveController is the node id of the controller, 0 when none.
func (s *Sim) ActiveController() int { return s.controller }

// MetaTopics describes the named topics, or all when names is nil, in
// creation order. Unknown names are returned in missing.
func (s *Sim) MetaTopics(names []string) (out []MetaTopic, missing []string) {
	if names == nil {
		for _, t := range s.topics {
			if !t.deleted {
				out = append(out, s.metaTopic(t))
			}
		}
		return out, nil
	}
	for _, n := range names {
		if _, t := s.topicByName(n); t != nil {
			out = append(out, s.metaTopic(t))
		} else {
			missing = append(missing, n)
		}
	}
	return out, missing
}

func (s *Sim) metaTopic(t *topic) MetaTopic {
	mt := MetaTopic{Name: t.cfg.Name, ID: t.id}
	for _, p := range t.parts {
		mp := MetaPartition{ID: p.id, Leader: p.leader, LeaderEpoch: p.leaderEpoch,
			Replicas: append([]int(nil), p.replicas...), ISR: append([]int(nil), p.isr...)}
		if p.leader == 0 {
			mp.Leader = -1
		}
		for _, r := range p.replicas {
			if !s.brokerUp(r) {
				mp.Offline = append(mp.Offline, r)
			}
		}
		mt.Partitions = append(mt.Partitions, mp)
	}
	return mt
}

// TopicConfigOf returns a topic's configuration.
func (s *Sim) TopicConfigOf(name string) (TopicConfig, bool) {
	if _, t := s.topicByName(name); t != nil {
		return t.cfg, true
	}
	return TopicConfig{}, false
}

// GroupCoordinator is the broker coordinating a group: the leader of its
// __consumer_offsets partition; 0 when none is available.
func (s *Sim) GroupCoordinator(groupID string) int {
	if g := s.groupByID(groupID); g != nil {
		return s.coordinator(g)
	}
	return s.coordinator(&group{cfg: GroupConfig{ID: groupID}})
}

// coordinatorCheck is the error a coordinator request gets from broker.
func (s *Sim) coordinatorCheck(groupID string, broker int) string {
	c := s.GroupCoordinator(groupID)
	switch {
	case c == 0 || !s.brokerUp(c):
		return "COORDINATOR_NOT_AVAILABLE"
	case c != broker:
		return "NOT_COORDINATOR"
	}
	return ""
}
