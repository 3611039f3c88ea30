package sim

// Replication: followers fetch from the leader in a loop, the leader tracks
// how far each has got and advances the high watermark to the smallest log
// end offset in the ISR. ISR changes are in isr.go.

const (
	replicaFetchWaitMaxMs = 500  // replica.fetch.wait.max.ms
	replicaFetchBackoffMs = 1000 // replica.fetch.backoff.ms
	replicaFetchMaxRecs   = 4096 // stands in for replica.fetch.max.bytes
)

// startFollowerFetch starts replica ri's fetch loop if it should run one.
func (s *Sim) startFollowerFetch(p *partition, ri int) {
	r := p.reps[ri]
	if r.fetching || p.leader == 0 || p.leader == r.broker || !s.brokerUp(r.broker) {
		return
	}
	r.fetching = true
	s.sendFetch(p, ri, s.cfg.Cluster.NetworkDelayMs)
}

func (s *Sim) sendFetch(p *partition, ri int, delayMs int64) {
	r := p.reps[ri]
	s.schedule(delayMs, fetchItem(itFetchArrive, p, ri, r.leo))
}

// fetchArrived: a follower's fetch reaches the leader.
func (s *Sim) fetchArrived(it item) {
	p := s.partitionOf(it.topicIdx(), it.partitionID())
	if p == nil {
		return
	}
	fr := p.reps[it.replica()]
	if fr.fetchGen != it.gen {
		return
	}
	if !s.brokerUp(fr.broker) {
		fr.fetching = false
		return
	}
	lr := p.leaderRep()
	if lr == nil || !s.brokerUp(p.leader) {
		// Connection refused: try again after replica.fetch.backoff.ms.
		s.schedule(replicaFetchBackoffMs, fetchItem(itFetchBackoff, p, it.replica(), 0))
		return
	}
	// A follower whose log goes past where its last epoch ends on the
	// leader has diverged: it must truncate first.
	if _, end := lr.endOffsetForEpoch(fr.lastEpoch()); fr.leo > end {
		s.respondDiverged(p, it.replica(), end)
		return
	}
	s.noteFollowerOffset(p, it.replica(), it.fetchOffset())
	if lr.leo > it.fetchOffset() {
		s.respondFetch(p, it.replica(), min(lr.leo, it.fetchOffset()+replicaFetchMaxRecs))
		return
	}
	// Nothing new: the fetch waits at the leader for records or a timeout.
	s.schedule(replicaFetchWaitMaxMs, fetchItem(itFetchWait, p, it.replica(), 0))
	fr.fetchOffset = it.fetchOffset()
	fr.parked = true
}

// fetchWaitOver: a parked fetch timed out empty, or a refused one retries.
func (s *Sim) fetchWaitOver(it item) {
	p := s.partitionOf(it.topicIdx(), it.partitionID())
	if p == nil {
		return
	}
	fr := p.reps[it.replica()]
	if fr.fetchGen != it.gen {
		return
	}
	if it.kind == itFetchBackoff {
		s.sendFetch(p, it.replica(), 0)
		return
	}
	if !fr.parked {
		return
	}
	fr.parked = false
	s.respondFetch(p, it.replica(), fr.leo)
}

// wakeParkedFetches answers waiting followers once the leader has new records.
func (s *Sim) wakeParkedFetches(p *partition) {
	lr := p.leaderRep()
	for i, r := range p.reps {
		if r.broker != p.leader && r.parked {
			r.parked = false
			r.fetchGen++
			s.respondFetch(p, i, min(lr.leo, r.leo+replicaFetchMaxRecs))
		}
	}
}

// respondFetch sends the follower records up to upTo (exclusive).
func (s *Sim) respondFetch(p *partition, ri int, upTo int64) {
	r := p.reps[ri]
	delay := s.cfg.Cluster.NetworkDelayMs + s.broker(r.broker).slowMs
	s.schedule(delay, fetchItem(itFetchResponse, p, ri, upTo))
}

// respondDiverged tells the follower to truncate to offset to first.
func (s *Sim) respondDiverged(p *partition, ri int, to int64) {
	r := p.reps[ri]
	delay := s.cfg.Cluster.NetworkDelayMs + s.broker(r.broker).slowMs
	s.schedule(delay, fetchItem(itFetchDiverged, p, ri, to))
}

// noteFollowerOffset is the leader learning a follower's log end offset from
// its fetch: it may mark it caught up, put it back in the ISR, and move the
// high watermark.
func (s *Sim) noteFollowerOffset(p *partition, ri int, fetchOffset int64) {
	fr := p.reps[ri]
	lr := p.leaderRep()
	fr.parked = false
	switch {
	case fetchOffset >= lr.leo:
		fr.lastCaughtUpMs = s.nowMs
	case fetchOffset >= fr.lastFetchLeaderLEO && fr.lastFetchMs > 0:
		fr.lastCaughtUpMs = max(fr.lastCaughtUpMs, fr.lastFetchMs)
	}
	fr.fetchOffset = fetchOffset
	fr.lastFetchLeaderLEO = lr.leo
	fr.lastFetchMs = s.nowMs
	s.maybeExpandISR(p, fr)
	s.maybeAdvanceHW(p)
}

// fetchResponded: records (or a truncation order) reach the follower.
func (s *Sim) fetchResponded(it item) {
	p := s.partitionOf(it.topicIdx(), it.partitionID())
	if p == nil {
		return
	}
	fr := p.reps[it.replica()]
	if fr.fetchGen != it.gen || !s.brokerUp(fr.broker) {
		return
	}
	if it.kind == itFetchDiverged {
		to := it.fetchOffset()
		dropped := fr.truncateTo(to)
		s.rebuildPids(p, fr)
		if len(dropped) > 0 {
			s.emit(Event{Type: EvTruncated, Topic: p.topicName, Partition: p.id, Broker: fr.broker, Broker2: p.leader,
				Offset: to, EndOffset: dropped[len(dropped)-1].offset + 1, Count: len(dropped), Epoch: p.leaderEpoch})
		}
		s.sendFetch(p, it.replica(), s.cfg.Cluster.NetworkDelayMs)
		return
	}
	lr := p.leaderRep()
	if lr != nil && it.fetchOffset() > fr.leo {
		from := fr.leo
		n := s.copyEntries(p, lr, fr, it.fetchOffset())
		if n > 0 {
			s.emit(Event{Type: EvReplicated, Topic: p.topicName, Partition: p.id, Broker: fr.broker, Broker2: p.leader,
				Offset: from, EndOffset: fr.leo, Count: n})
		}
	}
	s.sendFetch(p, it.replica(), s.cfg.Cluster.NetworkDelayMs)
}

// copyEntries appends the leader's entries in [fr.leo, upTo) to the follower.
func (s *Sim) copyEntries(p *partition, lr, fr *replica, upTo int64) int {
	cfg := s.topicCfg(p)
	if fr.leo < lr.logStart {
		// The leader deleted what the follower needs next: it starts over
		// from the leader's log start.
		fr.truncateTo(fr.logStart)
		fr.entries.Truncate(0)
		fr.segments = nil
		fr.logStart, fr.leo = lr.logStart, lr.logStart
	}
	i := lr.indexOf(fr.leo)
	n := 0
	for ; i < lr.entries.Len() && lr.entries.At(i).offset < upTo; i++ {
		e := *lr.entries.At(i)
		size, ts := s.entryFacts(e)
		fr.appendEntry(e, size, ts, s.nowMs, cfg)
		s.notePid(fr, e)
		n++
	}
	if upTo > fr.leo {
		fr.leo = upTo // compaction gaps: the follower's end follows the leader's
	}
	return n
}

// maybeAdvanceHW sets the high watermark to the smallest LEO among the ISR
// and the followers about to join it: an eligible follower that caught up
// within replica.lag.time.max.ms holds the high watermark back, so that its
// next fetch reaches it and it can rejoin (Partition.maybeIncrementLeaderHW).
func (s *Sim) maybeAdvanceHW(p *partition) {
	lr := p.leaderRep()
	if lr == nil {
		return
	}
	hw := lr.leo
	for _, r := range p.reps {
		if r.broker == p.leader {
			continue
		}
		if p.inISR(r.broker) {
			if r.fetchOffset < 0 {
				return
			}
			hw = min(hw, r.fetchOffset)
		} else if r.fetchOffset >= 0 && r.fetchOffset < hw && s.aboutToJoinISR(r) {
			hw = min(hw, r.fetchOffset)
		}
	}
	if hw <= p.hw {
		return
	}
	old := p.hw
	p.hw = hw
	s.emit(Event{Type: EvHWAdvanced, Topic: p.topicName, Partition: p.id, Broker: p.leader, Offset: old, EndOffset: hw, Count: len(p.isr)})
	s.completePendingAcks(p)
	s.hwAdvancedForConsumers(p)
}

// recordTruncation notes the records the previous leader (or the longest
// log, when the partition was offline) has beyond the new leader's log: the
// partition's history loses them. It returns how many.
func (s *Sim) recordTruncation(p *partition, nr *replica, old int) int {
	var prev *replica
	if old != 0 {
		prev = p.rep(old)
	}
	for _, r := range p.reps {
		if prev == nil || r.leo > prev.leo {
			prev = r
		}
	}
	if prev == nil || prev == nr || prev.leo <= nr.leo {
		return 0
	}
	// Find where the two logs part: the first offset at which they disagree.
	from := nr.leo
	for from > nr.logStart {
		a, b := nr.entryAt(from-1), prev.entryAt(from-1)
		if a == nil || b == nil || a.rec == b.rec {
			break
		}
		from--
	}
	n := 0
	for i := prev.indexOf(from); i < prev.entries.Len(); i++ {
		if prev.entries.At(i).rec >= 0 {
			n++
		}
	}
	if n > 0 {
		s.truncs = append(s.truncs, truncation{topicIdx: p.topicIdx, part: p.id, from: from, to: prev.leo,
			atMs: s.nowMs, newLeader: nr.broker, oldLeader: prev.broker, epoch: p.leaderEpoch + 1})
	}
	return n
}

// truncation is a stretch of a partition's history that a leader change
// discarded.
type truncation struct {
	topicIdx, part       int
	from, to             int64
	atMs                 int64
	newLeader, oldLeader int
	epoch                int
}

func (r *replica) entryAt(off int64) *entry {
	i := r.indexOf(off)
	if i < r.entries.Len() && r.entries.At(i).offset == off {
		return r.entries.At(i) // read only
	}
	return nil
}

func sortInts(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}
