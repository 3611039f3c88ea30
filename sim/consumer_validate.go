package sim

// KIP-320: a consumer remembers the leader epoch of the last record it
// consumed with its position (SubscriptionState.FetchPosition.offsetEpoch).
// When the partition's leader changes, it validates that position with the
// new leader before fetching (OffsetsForLeaderEpoch). If the new leader's
// log ended that epoch below the position, the log was truncated under it:
// with a reset policy it seeks to the first offset known to diverge, so it
// reads what the new leader wrote there; with auto.offset.reset=none poll()
// throws LogTruncationException (SubscriptionState.maybeCompleteValidation).

// fetchEpoch is the epoch side of one partition's position.
type fetchEpoch struct {
	last      int32 // epoch of the last record consumed; -1 unknown
	validated int32 // the partition leader epoch the position was checked against
}

// validatePosition checks the member's position in p against p's leader
// before a fetch. It reports false when the consumer stopped with an error.
func (s *Sim) validatePosition(g *group, m *member, tp TopicPartition, id int32, p *partition, lr *replica) bool {
	fe, ok := m.fetchEpochs.get(id)
	if ok && fe.validated == int32(p.leaderEpoch) {
		return true
	}
	if !ok || fe.last < 0 {
		// Nothing to check against (a reset position, or no epoch known).
		m.fetchEpochs.set(id, fetchEpoch{last: -1, validated: int32(p.leaderEpoch)})
		return true
	}
	pos := m.positions.at(id)
	epoch, end := lr.endOffsetForEpoch(fe.last)
	if epoch < 0 {
		// The leader's epochs all start later: the epoch asked for ends where
		// its first one begins (LeaderEpochFileCache.endOffsetFor).
		epoch = fe.last
	}
	if end >= pos {
		m.fetchEpochs.set(id, fetchEpoch{last: fe.last, validated: int32(p.leaderEpoch)})
		return true
	}
	none := g.cfg.AutoOffsetReset == "none"
	s.emit(&Event{Type: EvLogTruncationSeen, Group: g.cfg.ID, Member: m.name, Topic: tp.Topic, Partition: tp.Partition,
		Offset: pos, EndOffset: end, Epoch: int(fe.last), Broker: p.leader, NoResetPolicy: none, Text: g.cfg.AutoOffsetReset})
	if none {
		s.emit(&Event{Type: EvConsumerError, Group: g.cfg.ID, Member: m.name, Topic: tp.Topic, Partition: tp.Partition,
			Offset: pos, EndOffset: end, Err: "LogTruncationException"})
		s.crashMember(g, m, "poll() threw LogTruncationException and auto.offset.reset=none leaves the decision to the application")
		return false
	}
	m.positions.set(id, end)
	m.fetchEpochs.set(id, fetchEpoch{last: epoch, validated: int32(p.leaderEpoch)})
	return true
}

// committedEpochFor is the epoch stored with a commit: the epoch of the
// last record consumed when the offset is the member's position
// (OffsetAndMetadata.leaderEpoch), else unknown.
func committedEpochFor(m *member, id int32, off int64) int32 {
	if m == nil {
		return -1
	}
	if fe, ok := m.fetchEpochs.get(id); ok && m.positions.at(id) == off {
		return fe.last
	}
	return -1
}
