package sim

// Replication: followers fetch from the leader (fetch_session.go), the
// leader tracks how far each has got and advances the high watermark to the
// smallest log end offset in the ISR. ISR changes are in isr.go.

// noteFollowerOffset is the leader learning a follower's log end offset from
// its fetch: it may mark it caught up, put it back in the ISR, and move the
// high watermark.
func (s *Sim) noteFollowerOffset(p *partition, lr, fr *replica, fetchOffset int64) {
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

// applyFetched is the follower's handling of one partition's part of a
// fetch response: records up to upTo (exclusive), or when upTo is negative,
// an order to truncate to -(upTo+1).
func (s *Sim) applyFetched(p *partition, fr *replica, upTo int64) {
	if upTo < 0 {
		to := -upTo - 1
		dropped := fr.truncateTo(to)
		s.rebuildPids(p, fr)
		if len(dropped) > 0 {
			s.emit(&Event{Type: EvTruncated, Topic: p.topicName, Partition: p.id, Broker: fr.broker, Broker2: p.leader,
				Offset: to, EndOffset: dropped[len(dropped)-1].offset + 1, Count: len(dropped), Epoch: p.leaderEpoch})
		}
		return
	}
	lr := p.leaderRep()
	if lr != nil && upTo > fr.leo {
		from := fr.leo
		n := s.copyEntries(p, lr, fr, upTo)
		if n > 0 {
			s.emitRange(&rangeEvent{typ: EvReplicated, topic: p.topicName, partition: p.id, broker: fr.broker, broker2: p.leader,
				offset: from, endOffset: fr.leo, count: n})
		}
	}
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
	n := 0
	// A fetch's records mostly come from one producer: its codec is
	// looked up once per run of them.
	codecOf, permille := -1, 1000
	var slots recentCursor
	for i := lr.indexOf(fr.leo); i < lr.entries.Len(); i++ {
		e := lr.entries.At(i)
		if e.offset >= upTo {
			break
		}
		if f, ok := s.ledger.recentAt(&slots, p, e.offset, e.rec); ok {
			if int(f.producer) != codecOf {
				codecOf, permille = int(f.producer), s.storedPermille(p.topicIdx, int(f.producer))
			}
			fr.appendCopy(lr, i, e, scaleStored(int(f.size), permille), int64(f.createdMs), s.nowMs, cfg)
			fr.setPid(int32(f.producer), int32(f.epoch), f.seq)
			n++
			continue
		}
		size, ts := s.entryFacts(e)
		fr.appendCopy(lr, i, e, size, ts, s.nowMs, cfg)
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
	if lr == nil || lr.leo <= p.hw {
		return // the high watermark is at the leader's end already
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
	s.emitRange(&rangeEvent{typ: EvHWAdvanced, topic: p.topicName, partition: p.id, broker: p.leader, offset: old, endOffset: hw, count: len(p.isr)})
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
		a, okA := nr.entryAt(from - 1)
		b, okB := prev.entryAt(from - 1)
		if !okA || !okB || a.rec == b.rec {
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

func (r *replica) entryAt(off int64) (entry, bool) {
	i := r.indexOf(off)
	if i < r.entries.Len() {
		if e := r.entries.At(i); e.offset == off {
			return e, true
		}
	}
	return entry{}, false
}

func sortInts(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}
