package sim

// Cheap questions about topics and brokers, for callers (the sandbox) that ask them
// for every command or record: a Snapshot builds a view of every partition
// and would make a script of n topic creations cost n² partition views.

// TopicNames lists the live topics in creation order.
func (s *Sim) TopicNames() []string {
	names := make([]string, 0, len(s.topics))
	for _, t := range s.topics {
		if !t.deleted {
			names = append(names, t.cfg.Name)
		}
	}
	return names
}

// TopicPartitions reports how many partitions a live topic has.
func (s *Sim) TopicPartitions(name string) (int, bool) {
	_, t := s.topicByName(name)
	if t == nil {
		return 0, false
	}
	return len(t.parts), true
}

// PartitionTotal is the number of partitions over all live topics.
func (s *Sim) PartitionTotal() int {
	n := 0
	for _, t := range s.topics {
		if !t.deleted {
			n += len(t.parts)
		}
	}
	return n
}

// BrokerStatus reports whether broker id (1-based) exists, is running, and
// is fenced (not registered with the controller).
func (s *Sim) BrokerStatus(id int) (exists, up, fenced bool) {
	if id < 1 || id > len(s.brokers) {
		return false, false, false
	}
	b := s.brokers[id-1]
	return true, b.up, b.fenced
}
