package sim

// Follower fetch sessions. A broker runs one replica fetcher per broker it
// follows (num.replica.fetchers = 1: AbstractFetcherManager.getFetcherId
// maps every partition to fetcher 0), and that fetcher sends one fetch
// request carrying every partition it follows from that leader
// (AbstractFetcherThread.maybeFetch, RemoteLeaderEndPoint.buildFetch, the
// session of KIP-227). The leader answers at once when any partition has
// records or must truncate, else holds the request for up to
// replica.fetch.wait.max.ms until replica.fetch.min.bytes arrive
// (ReplicaManager.fetchMessages, DelayedFetch). A partition added while a
// request is out goes in the next one; a fetcher with no partitions sends
// nothing, so idle partitions cost no queued work of their own.

// fetchSession is one follower broker's fetcher for one leader broker.
type fetchSession struct {
	follower, leader int
	// incarnation is the follower's when the session began: a restarted
	// broker starts its fetchers afresh.
	incarnation int32
	// round numbers the requests; queued traffic of an older one is stale.
	round    int32
	inFlight bool // a request (or its backoff) is out
	sentStep int  // the step the request that is out was sent in
	parked   bool // the request waits at the leader for records
	members  []sessionPartition
}

// sessionPartition is one partition the fetcher follows.
type sessionPartition struct {
	// p and r are the partition and follower replica, kept so each request
	// does not look them up again; a clone points them at its own copies.
	p                  *partition
	r                  *replica
	topicIdx, part, ri int32
	gen                int32 // the replica's fetchGen when it joined
	inRequest          bool  // carried by the request that is out
	hasResult          bool  // the response carries records or a truncation
	fetchOffset        int64 // the follower's LEO when the request left
	// result: records up to this offset (exclusive), or when negative,
	// truncate to -(result+1).
	result int64
}

const (
	replicaFetchWaitMaxMs = 500  // replica.fetch.wait.max.ms
	replicaFetchBackoffMs = 1000 // replica.fetch.backoff.ms
	replicaFetchMaxRecs   = 4096 // stands in for replica.fetch.max.bytes
)

// startFollowerFetch adds replica ri of p to its broker's fetcher for p's
// leader (AbstractFetcherManager.addFetcherForPartitions).
func (s *Sim) startFollowerFetch(p *partition, ri int) {
	r := p.reps[ri]
	if r.fetching || p.leader == 0 || p.leader == r.broker || !s.brokerUp(r.broker) {
		return
	}
	r.fetching, r.parked = true, false
	fs := s.fetchSessionFor(r.broker, p.leader)
	m := sessionPartition{p: p, r: r, topicIdx: int32(p.topicIdx), part: int32(p.id), ri: int32(ri), gen: r.fetchGen}
	if fs.inFlight && fs.sentStep == s.step {
		// Partitions that become followed together (one
		// LeaderAndIsr/metadata change) go in the same request.
		m.inRequest, m.fetchOffset = true, r.leo
	}
	fs.members = append(fs.members, m)
	if !fs.inFlight {
		s.sendSessionFetch(fs, s.cfg.Cluster.NetworkDelayMs)
	}
}

// fetchSessionFor returns follower's fetcher for leader, made afresh when
// the follower restarted since it began.
func (s *Sim) fetchSessionFor(follower, leader int) *fetchSession {
	n := len(s.brokers)
	if len(s.fetchSessions) < n*n {
		s.fetchSessions = append(s.fetchSessions, make([]*fetchSession, n*n-len(s.fetchSessions))...)
	}
	i := (follower-1)*n + leader - 1
	inc := s.broker(follower).incarnation
	fs := s.fetchSessions[i]
	if fs == nil || fs.incarnation != inc {
		round := int32(0)
		if fs != nil {
			round = fs.round + 1
		}
		fs = &fetchSession{follower: follower, leader: leader, incarnation: inc, round: round}
		s.fetchSessions[i] = fs
	}
	return fs
}

// sessionIndex is fs's place in s.fetchSessions, carried by queued items.
func (s *Sim) sessionIndex(fs *fetchSession) int32 {
	return int32((fs.follower-1)*len(s.brokers) + fs.leader - 1)
}

// liveSession returns the session a queued item of round refers to, or nil
// when the item is stale.
func (s *Sim) liveSession(it item) *fetchSession {
	if int(it.session()) >= len(s.fetchSessions) {
		return nil
	}
	fs := s.fetchSessions[it.session()]
	if fs == nil || fs.round != it.gen || fs.incarnation != s.broker(fs.follower).incarnation {
		return nil
	}
	return fs
}

// member returns the partition and replica a session member stands for, or
// nil when it no longer follows this leader (a leader change, a crash, a
// deleted topic).
func (s *Sim) member(fs *fetchSession, m *sessionPartition) (*partition, *replica) {
	p, r := m.p, m.r
	if s.topics[m.topicIdx].deleted || r.fetchGen != m.gen {
		return nil, nil
	}
	if p.leader != fs.leader {
		r.fetching = false // gone offline: a new leader starts it again
		return nil, nil
	}
	return p, r
}

// sendSessionFetch sends the next request with every partition the session
// follows, dropping those it no longer does; with none it goes idle.
func (s *Sim) sendSessionFetch(fs *fetchSession, delayMs int64) {
	fs.round++
	fs.parked = false
	n := 0
	for i := range fs.members {
		m := &fs.members[i]
		_, r := s.member(fs, m)
		if r == nil {
			continue
		}
		m.inRequest, m.hasResult, m.fetchOffset = true, false, r.leo
		if n < i {
			fs.members[n] = *m
		}
		n++
	}
	clear(fs.members[n:])
	fs.members = fs.members[:n]
	fs.inFlight, fs.sentStep = n > 0, s.step
	if fs.inFlight {
		s.schedule(delayMs, fetchSessionItem(itFetchArrive, s.sessionIndex(fs), fs.round))
	}
}

// fetchArrived: a session's request reaches the leader, which notes every
// partition's fetch offset, then answers at once if any partition has
// records or must truncate, or else parks the request.
func (s *Sim) fetchArrived(it item) {
	fs := s.liveSession(it)
	if fs == nil {
		return
	}
	if !s.brokerUp(fs.leader) {
		// Connection refused: try again after replica.fetch.backoff.ms.
		s.schedule(replicaFetchBackoffMs, fetchSessionItem(itFetchBackoff, it.session(), it.gen))
		return
	}
	ready := false
	for i := range fs.members {
		m := &fs.members[i]
		if !m.inRequest {
			continue
		}
		p, fr := s.member(fs, m)
		if p == nil {
			continue
		}
		lr := p.leaderRep()
		// A follower whose log goes past where its last epoch ends on the
		// leader has diverged: it must truncate first.
		if _, end := lr.endOffsetForEpoch(fr.lastEpoch()); fr.leo > end {
			m.hasResult, m.result, ready = true, -(end + 1), true
			continue
		}
		s.noteFollowerOffset(p, lr, fr, m.fetchOffset)
		if lr.leo > m.fetchOffset {
			m.hasResult, m.result, ready = true, min(lr.leo, m.fetchOffset+replicaFetchMaxRecs), true
		}
	}
	if ready {
		s.respondSession(fs)
		return
	}
	// Nothing new: the request waits at the leader for records or a timeout.
	fs.parked = true
	for i := range fs.members {
		if m := &fs.members[i]; m.inRequest {
			if _, fr := s.member(fs, m); fr != nil {
				fr.parked = true
			}
		}
	}
	s.schedule(replicaFetchWaitMaxMs, fetchSessionItem(itFetchWait, it.session(), it.gen))
}

// fetchWaitOver: a parked request timed out empty, or a refused one retries.
func (s *Sim) fetchWaitOver(it item) {
	fs := s.liveSession(it)
	if fs == nil {
		return
	}
	if it.kind == itFetchBackoff {
		s.sendSessionFetch(fs, 0)
		return
	}
	if fs.parked {
		s.completeParked(fs)
	}
}

// wakeParkedFetches: the leader of p appended records, which completes the
// parked requests that carry p (DelayedFetch.tryComplete:
// replica.fetch.min.bytes is 1).
func (s *Sim) wakeParkedFetches(p *partition) {
	for _, r := range p.reps {
		if !r.parked || r.broker == p.leader {
			continue
		}
		if fs := s.existingSession(r.broker, p.leader); fs != nil && fs.parked {
			s.completeParked(fs)
		}
	}
}

// completeParked answers a parked request with what each of its partitions
// has now.
func (s *Sim) completeParked(fs *fetchSession) {
	for i := range fs.members {
		m := &fs.members[i]
		if !m.inRequest {
			continue
		}
		p, fr := s.member(fs, m)
		if p == nil {
			continue
		}
		fr.parked = false
		if lr := p.leaderRep(); lr.leo > m.fetchOffset {
			m.hasResult, m.result = true, min(lr.leo, m.fetchOffset+replicaFetchMaxRecs)
		}
	}
	s.respondSession(fs)
}

// existingSession is follower's fetcher for leader if it has one.
func (s *Sim) existingSession(follower, leader int) *fetchSession {
	n := len(s.brokers)
	i := (follower-1)*n + leader - 1
	if i >= len(s.fetchSessions) {
		return nil
	}
	return s.fetchSessions[i]
}

// respondSession sends the leader's answer back to the follower.
func (s *Sim) respondSession(fs *fetchSession) {
	fs.parked = false
	delay := s.cfg.Cluster.NetworkDelayMs + s.broker(fs.follower).slowMs
	s.schedule(delay, fetchSessionItem(itFetchResponse, s.sessionIndex(fs), fs.round))
}

// fetchResponded: the response reaches the follower, which truncates or
// appends each partition's part and sends its next request.
func (s *Sim) fetchResponded(it item) {
	fs := s.liveSession(it)
	if fs == nil {
		return
	}
	for i := range fs.members {
		m := &fs.members[i]
		if !m.hasResult {
			continue
		}
		m.hasResult = false
		if p, fr := s.member(fs, m); p != nil {
			s.applyFetched(p, fr, m.result)
		}
	}
	s.sendSessionFetch(fs, s.cfg.Cluster.NetworkDelayMs)
}
