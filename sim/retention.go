package sim

// Retention and compaction: brokers delete whole old segments
// (retention.ms, retention.bytes), the active one included once it expired,
// and the log cleaner keeps the latest record per key
// (cleanup.policy=compact), never touching the active segment.

// logCleanerBackoffMs is how often the cleaner looks for work (log.cleaner.backoff.ms).
const logCleanerBackoffMs = 15000

func hasPolicy(policy, want string) bool {
	return policy == want || policy == CleanupBoth || policy == "delete,compact"
}

// retentionCheck: broker id runs log.retention.check.interval.ms's sweep
// over the replicas it hosts.
func (s *Sim) retentionCheck(id int) {
	s.schedule(s.cfg.Cluster.LogRetentionCheckIntervalMs, brokerItem(itRetentionCheck, id))
	if !s.brokerUp(id) {
		return
	}
	s.forEachPartition(func(p *partition) {
		cfg := s.topicCfg(p)
		if !hasPolicy(cfg.CleanupPolicy, CleanupDelete) {
			return
		}
		r := p.rep(id)
		if r == nil {
			return
		}
		from := r.logStart
		why := s.deleteOldSegments(r, cfg)
		if why != ReasonNone && p.leader == id {
			ev := Event{Type: EvSegmentsDeleted, Topic: p.topicName, Partition: p.id, Broker: id, Reason: why,
				Offset: from, EndOffset: r.logStart, Count: int(r.logStart - from)}
			if r.logStart == r.leo {
				ev.Text = "active" // the active segment went too
			}
			s.emit(&ev)
		}
	})
}

// deleteOldSegments drops segments past retention and moves the log start
// offset. It returns why, or ReasonNone when nothing went. The active
// segment goes too once it has expired (or is past retention.bytes): Kafka
// rolls a new, empty segment at the log end first, since a log always keeps
// one (UnifiedLog.deletableSegments / deleteSegments), so the log then
// starts at its end offset.
func (s *Sim) deleteOldSegments(r *replica, cfg *TopicConfig) Reason {
	why := ReasonNone
	total := int64(0)
	for _, sg := range r.segments {
		total += sg.bytes
	}
	for len(r.segments) > 0 && r.segments[0].bytes > 0 {
		sg := r.segments[0]
		switch {
		case cfg.RetentionMs >= 0 && s.nowMs-sg.maxTsMs > cfg.RetentionMs:
			why = ReasonRetention
		case cfg.RetentionBytes >= 0 && total-sg.bytes >= cfg.RetentionBytes:
			if why == ReasonNone {
				why = ReasonRetentionSize
			}
		default:
			return why
		}
		total -= sg.bytes
		if len(r.segments) == 1 {
			r.segments = []segment{{base: r.leo, firstMs: s.nowMs}}
			r.logStart = r.leo
			r.entries.Truncate(0)
			return why
		}
		r.segments = r.segments[1:]
		r.logStart = r.segments[0].base
		r.entries.DropFront(r.indexOf(r.logStart))
	}
	return why
}

// cleanerCheck: the log cleaner compacts the closed segments of every
// compacted topic's replicas.
func (s *Sim) cleanerCheck() {
	s.schedule(logCleanerBackoffMs, clusterItem(itCleanerCheck))
	s.forEachPartition(func(p *partition) {
		cfg := s.topicCfg(p)
		if !hasPolicy(cfg.CleanupPolicy, CleanupCompact) {
			return
		}
		for _, r := range p.reps {
			if !s.brokerUp(r.broker) {
				continue
			}
			removed, tombstones := s.compact(r, cfg)
			if removed > 0 && r.broker == p.leader {
				s.emit(&Event{Type: EvCompacted, Topic: p.topicName, Partition: p.id, Broker: r.broker,
					Count: removed, Tombstones: int32(tombstones), Offset: r.segments[len(r.segments)-1].base})
			}
		}
	})
}

// compact keeps, in the closed segments, only the newest record of each key;
// tombstones older than delete.retention.ms go too. Offsets never change.
func (s *Sim) compact(r *replica, cfg *TopicConfig) (removed, tombstones int) {
	if len(r.segments) < 2 {
		return 0, 0
	}
	activeBase := r.segments[len(r.segments)-1].base
	end := r.indexOf(activeBase)
	latest := map[int32]int64{}
	for _, e := range r.entries.Range(0, end) {
		if e.rec >= 0 {
			latest[s.ledger.keyIndex(e.rec)] = e.offset
		}
	}
	var kept entryLog
	for _, e := range r.entries.Range(0, end) {
		if e.rec >= 0 {
			ri := s.ledger.recs.At(int(e.rec))
			if latest[s.ledger.keyIndex(e.rec)] != e.offset {
				removed++
				continue
			}
			if ri.tombstone() && s.nowMs-ri.sentMs() > cfg.DeleteRetentionMs {
				removed++
				tombstones++
				continue
			}
		}
		kept.Append(e)
	}
	if removed == 0 {
		return 0, 0
	}
	for _, e := range r.entries.All(end) {
		kept.Append(e)
	}
	r.entries = kept
	// Segment sizes shrink with what was removed.
	for i := range r.segments[:len(r.segments)-1] {
		sg := &r.segments[i]
		next := r.segments[i+1].base
		sg.bytes = 0
		for j := r.indexOf(sg.base); j < r.entries.Len() && r.entries.At(j).offset < next; j++ {
			b, _ := s.entryFacts(r.entries.At(j))
			sg.bytes += b
		}
		sg.cleaned = true
	}
	return removed, tombstones
}
