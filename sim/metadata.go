package sim

// Clients learn a topic's partitions from metadata they refresh every
// metadata.max.age.ms (5 minutes by default). After partitions are added,
// a producer keeps hashing keys over the old count, and a group keeps its
// assignment, until that refresh (Metadata.timeToNextUpdate; for groups,
// ConsumerCoordinator.rejoinNeededOrPending once the leader's metadata
// shows a changed subscription).

// nextRefreshMs is a client's first refresh strictly after now: every
// ageMs from when it started.
func (s *Sim) nextRefreshMs(startMs, ageMs int64) int64 {
	if ageMs <= 0 {
		return s.nowMs
	}
	startMs = min(startMs, s.nowMs)
	return startMs + ((s.nowMs-startMs)/ageMs+1)*ageMs
}

// scheduleMetadataRefreshes: topic grew; each producer writing to it and
// each group subscribed to it notices at its next refresh.
func (s *Sim) scheduleMetadataRefreshes(topic string) {
	for _, p := range s.producers {
		if p.topicIdx >= 0 && s.topics[p.topicIdx].cfg.Name == topic { // a transactional output producer may have no topic
			at := s.nextRefreshMs(p.cfg.StartMs, p.cfg.MetadataMaxAgeMs)
			s.schedule(at-s.nowMs, producerItem(itProducerMetadata, p))
		}
	}
	for _, g := range s.groups {
		for _, t := range g.cfg.Topics {
			if t == topic {
				at := s.nextRefreshMs(g.cfg.StartMs, g.cfg.MetadataMaxAgeMs)
				s.schedule(at-s.nowMs, groupItem(itGroupMetadata, g, 0))
			}
		}
	}
}

// metadataRefreshed: a producer now partitions over the topic's current
// count; a group with members rebalances to share the new partitions.
func (s *Sim) metadataRefreshed(it item) {
	switch it.kind {
	case itProducerMetadata:
		p := s.producers[it.producerIdx()]
		n := len(s.topics[p.topicIdx].parts)
		p.syncPartitions(n)
		p.known = n
	case itGroupMetadata:
		g := s.groups[it.groupIdx()]
		if g.state != GroupEmpty {
			s.startRebalance(g, ReasonNewPartitions, "")
		}
	}
}

// knownPartitions is the partition count the producer's metadata lists,
// never more than the topic has.
func (p *producer) knownPartitions(actual int) int {
	if p.known <= 0 || p.known > actual {
		return actual
	}
	return p.known
}
