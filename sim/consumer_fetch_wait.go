package sim

// fetch.min.bytes and fetch.max.wait.ms: the leader holds a consumer's
// fetch in its purgatory until the partitions have at least
// fetch.min.bytes ready to read or fetch.max.wait.ms has passed, then
// answers with whatever there is (ReplicaManager.fetchMessages,
// DelayedFetch.tryComplete). A bigger fetch.min.bytes means fewer, fuller
// fetches, and records that wait longer to be read.
//
// With the default of 1 byte the consumer gets records as soon as any are
// readable; so does fetch.min.bytes=0 here (Kafka would answer an empty
// fetch at once, and the consumer would ask again).

// flowStats are a group's fetch and alert counts, for the snapshot.
type flowStats struct {
	fetches      int   // fetch responses that carried records
	fetchedBytes int64 // their bytes, as stored (compressed)
	fetchedRecs  int
	latencySumMs int64 // send() to fetch, summed over fetched records
	latencyMaxMs int64
	alerts       int // records processed that met alert-when
}

// holdFetch reports whether the broker holds the member's fetch for more
// bytes; it then schedules the poll that will look again when the wait
// ends. A newly readable record wakes the member earlier
// (hwAdvancedForConsumers), and poll asks again.
func (s *Sim) holdFetch(g *group, m *member) bool {
	minBytes := g.cfg.FetchMinBytes
	if minBytes <= 1 || (g.state == GroupPreparingRebalance && !m.joined) {
		m.fetchWaitUntil = 0
		return false
	}
	ready, older := s.readableBytes(g, m, minBytes)
	if ready >= int64(minBytes) || older {
		m.fetchWaitUntil = 0
		return false
	}
	if m.fetchWaitUntil != 0 && s.nowMs >= m.fetchWaitUntil {
		if ready > 0 {
			m.fetchWaitUntil = 0
			return false // the wait is over: whatever there is
		}
		m.fetchWaitUntil = 0 // an empty answer; the consumer asks again
	}
	if m.fetchWaitUntil == 0 {
		m.fetchWaitUntil = s.nowMs + max(g.cfg.FetchMaxWaitMs, 1)
	}
	s.schedulePoll(g, m, m.fetchWaitUntil-s.nowMs)
	return true
}

// readableBytes sums, over the member's partitions, the stored bytes it
// could read now, stopping once it has enough. older reports a position
// on a segment before the one the readable end is on, which DelayedFetch
// answers at once (its case F).
func (s *Sim) readableBytes(g *group, m *member, enough int) (ready int64, older bool) {
	for _, tp := range m.assigned {
		_, t := s.topicByName(tp.Topic)
		if t == nil || tp.Partition >= len(t.parts) {
			continue
		}
		p := t.parts[tp.Partition]
		lr := p.leaderRep()
		pos, ok := m.positions.get(s.tpid(tp))
		if lr == nil || !ok {
			continue
		}
		limit := s.readLimit(g, p)
		if pos >= limit {
			continue
		}
		if segmentOf(lr, pos) < segmentOf(lr, limit-1) {
			return ready, true
		}
		var sizer storedSizer
		for i := lr.indexOf(pos); i < lr.entries.Len() && ready < int64(enough); i++ {
			e := lr.entries.At(i)
			if e.offset >= limit {
				break
			}
			ready += sizer.of(s, p, e)
		}
		if ready >= int64(enough) {
			return ready, false
		}
	}
	return ready, false
}

// segmentOf is the index of the segment holding offset off.
func segmentOf(r *replica, off int64) int {
	for i := len(r.segments) - 1; i >= 0; i-- {
		if r.segments[i].base <= off {
			return i
		}
	}
	return 0
}

// noteFetched counts a fetch that returned the last n buffered records:
// their bytes and how long each waited since its send().
func (s *Sim) noteFetched(g *group, m *member, n int) {
	st := &g.flow
	st.fetches++
	recs := m.buffer[len(m.buffer)-n:]
	infos := s.fetchedInfos(recs)
	// The records mostly come from one producer and topic: the stored
	// size's ratio is looked up once per run of them.
	from, permille := int64(-1), 1000
	for i, r := range recs {
		ri := &infos[i]
		o := s.ledger.originOf(ri)
		if k := int64(o.topicIdx)<<16 | int64(o.producer); k != from {
			from, permille = k, s.storedPermille(int(o.topicIdx), int(o.producer))
		}
		st.fetchedBytes += scaleStored(s.ledger.sizeOf(r.rec, ri), permille)
		st.fetchedRecs++
		lat := s.nowMs - ri.sentMs()
		st.latencySumMs += lat
		st.latencyMaxMs = max(st.latencyMaxMs, lat)
	}
}

// fetchedInfos copies the ledger's infos of the fetched records. A fetch
// of many partitions reads records that lie far apart in the ledger, each
// a cache miss; a loop that only copies them lets the misses overlap
// rather than wait for each in turn.
func (s *Sim) fetchedInfos(recs []bufRec) []recordInfo {
	infos := s.commitScratch.infos[:0]
	for _, r := range recs {
		infos = append(infos, *s.ledger.recs.At(int(r.rec)))
	}
	s.commitScratch.infos = infos
	return infos
}

// storedSizer gives entries' sizes as stored (entryFacts' bytes), from the
// recent facts' cache when it holds them, looking the codec's ratio up once
// per run of one producer's records.
type storedSizer struct {
	key      int64 // topic<<16 | producer of the ratio held, when valid
	permille int
	valid    bool
	slots    recentCursor
}

func (z *storedSizer) of(s *Sim, p *partition, e entry) int64 {
	rec := e.rec
	if rec < 0 {
		return markerBytes
	}
	var ti, pi, size int
	if f, ok := s.ledger.recentAt(&z.slots, p, e.offset, rec); ok {
		ti, pi, size = int(f.topicIdx), int(f.producer), int(f.size)
	} else {
		ri := s.ledger.recs.At(int(rec))
		o := s.ledger.originOf(ri)
		ti, pi, size = int(o.topicIdx), int(o.producer), s.ledger.sizeOf(rec, ri)
	}
	if k := int64(ti)<<16 | int64(pi); !z.valid || k != z.key {
		z.key, z.permille, z.valid = k, s.storedPermille(ti, pi), true
	}
	return scaleStored(size, z.permille)
}
