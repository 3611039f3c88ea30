package sim

import "strconv"

// Fetching and processing: what poll() returns and what the application
// does with it.

// fetch fills the member's buffer from its partitions' leaders, up to
// max.poll.records, reading only below the high watermark (or the LSO).
func (s *Sim) fetch(g *group, m *member) bool {
	n := len(m.assigned)
	if n == 0 {
		return false
	}
	if !m.processing {
		m.buffer = m.buffer[:0] // keep the array: the next poll fills it again
	}
	text := s.commitScratch.text[:0] // "orders-0@3..7 orders-1@0..2"
	total := 0
	ids := s.assignedIDs(m).ids
	for k := 0; k < n && total < g.cfg.MaxPollRecords; k++ {
		tp := m.assigned[(m.cursor+k)%n]
		id := ids[(m.cursor+k)%n]
		got, from := s.fetchPartition(g, m, tp, id, g.cfg.MaxPollRecords-total)
		if m.state == MemberCrashed {
			return false
		}
		if got > 0 {
			total += got
			if len(text) > 0 {
				text = append(text, ' ')
			}
			text = strconv.AppendInt(append(append(text, tp.Topic...), '-'), int64(tp.Partition), 10)
			text = strconv.AppendInt(append(text, '@'), from, 10)
			text = strconv.AppendInt(append(text, ".."...), m.positions.at(id)-1, 10)
		}
	}
	s.commitScratch.text = text
	m.cursor = (m.cursor + 1) % n
	if total == 0 {
		return false
	}
	s.noteFetched(g, m, total)
	s.emit(&Event{Type: EvFetched, Group: g.cfg.ID, Member: m.name, Count: total, Gen: m.genSynced,
		Text: string(text)})
	return true
}

// fetchPartition reads up to max records of one partition into the buffer
// and returns how many and from which offset.
func (s *Sim) fetchPartition(g *group, m *member, tp TopicPartition, id int32, maxRecs int) (int, int64) {
	ti, t := s.topicByName(tp.Topic)
	if t == nil || tp.Partition >= len(t.parts) {
		return 0, 0
	}
	p := t.parts[tp.Partition]
	lr := p.leaderRep()
	if lr == nil || !s.brokerUp(p.leader) {
		return 0, 0
	}
	pos, ok := m.positions.get(id)
	if !ok {
		return 0, 0
	}
	fe, feKnown := m.fetchEpochs.get(id)
	if !feKnown || fe.validated != int32(p.leaderEpoch) {
		// A new leader (or no epoch yet): check the position first.
		if !s.validatePosition(g, m, tp, id, p, lr) {
			return 0, 0
		}
		pos = m.positions.at(id)
		fe, feKnown = m.fetchEpochs.get(id)
	}
	limit := s.readLimit(g, p)
	if pos < lr.logStart || pos > lr.leo {
		// OFFSET_OUT_OF_RANGE: deleted by retention, or truncated away.
		if !s.resetPosition(g, m, tp, ReasonOutOfRange, pos) {
			return 0, 0
		}
		pos = m.positions.at(id)
		fe, feKnown = m.fetchEpochs.get(id)
	}
	if pos >= limit && feKnown {
		return 0, -1 // nothing new below the high watermark: most fetches of a quiet partition
	}
	readCommitted := g.cfg.IsolationLevel == "read_committed"
	got, from := 0, int64(-1)
	i := lr.indexOf(pos)
	startPos := pos
	startFe := fe
	for ; i < lr.entries.Len() && got < maxRecs; i++ {
		e := lr.entries.At(i)
		if e.offset >= limit {
			break
		}
		pos = e.offset + 1
		fe.last = e.epoch
		if e.rec < 0 || (readCommitted && p.isAborted(s, e)) {
			continue // control markers and aborted records are skipped
		}
		if from < 0 {
			from = e.offset
		}
		m.buffer = append(m.buffer, bufRec{tp: tp, offset: e.offset, rec: e.rec, topicIdx: int32(ti)})
		got++
	}
	if got == 0 && pos < limit && i >= lr.entries.Len() {
		pos = limit // a compacted gap runs to the end
	}
	// Most fetches of a quiet partition read nothing: no map writes then.
	if pos != startPos {
		m.positions.set(id, pos)
	}
	if !feKnown || fe != startFe {
		m.fetchEpochs.set(id, fe)
	}
	return got, from
}

// isAborted reports whether e belongs to an aborted transaction.
func (p *partition) isAborted(s *Sim, e entry) bool {
	o := s.ledger.origin(e.rec)
	if o.txn < 0 {
		return false
	}
	for _, a := range p.aborted {
		if a.producer == int32(o.producer) && e.offset >= a.first && e.offset <= a.last {
			return true
		}
	}
	return false
}

// startProcessing begins working through the buffer. At-most-once commits
// first; transactional consumers open a transaction. With async processing
// the records go to a worker thread and the poll loop carries on.
func (s *Sim) startProcessing(g *group, m *member) {
	if g.cfg.AsyncProcessing {
		if !m.processing {
			m.processing = true
			m.procStartMs = s.nowMs
			m.procDone = 0
		}
		m.procGen++
		end := m.procStartMs + int64(len(m.buffer))*g.cfg.ProcessingMs
		s.schedule(max(end-s.nowMs, 0), memberItem(itConsumerProcessed, g, m, m.procGen))
		s.schedulePoll(g, m, 0)
		return
	}
	delay := int64(0)
	switch g.cfg.Commit {
	case CommitBeforeProcessing:
		if !s.commitPositions(g, m, !g.cfg.CommitAsync) {
			return
		}
		if !g.cfg.CommitAsync {
			delay = 2 * s.cfg.Cluster.NetworkDelayMs
		}
	case CommitTransactional:
		s.beginTxn(g, m)
	}
	m.processing = true
	m.procStartMs = s.nowMs + delay
	m.procDone = 0
	m.procGen++
	s.schedule(delay+int64(len(m.buffer))*g.cfg.ProcessingMs, memberItem(itConsumerProcessed, g, m, m.procGen))
	s.schedulePollTimer(g, m)
}

// processedDue: the member finished its batch.
func (s *Sim) processedDue(it item) {
	g := s.groups[it.groupIdx()]
	m := g.members[it.memberIdx()]
	if it.gen != m.procGen || !m.processing || m.state == MemberPaused || m.state == MemberCrashed {
		return
	}
	s.creditProcessed(g, m, len(m.buffer))
	m.processing = false
	m.buffer = m.buffer[:0]
	if g.cfg.AsyncProcessing {
		s.schedulePoll(g, m, 0)
		return
	}
	next := int64(0)
	switch g.cfg.Commit {
	case CommitAfterProcessing:
		if !s.commitPositions(g, m, !g.cfg.CommitAsync) {
			s.schedulePoll(g, m, commitRetryBackoffMs)
			return
		}
		if !g.cfg.CommitAsync {
			next = 2 * s.cfg.Cluster.NetworkDelayMs
		}
	case CommitTransactional:
		if !s.commitTxn(g, m) {
			// commitTransaction() blocks until every send is acknowledged;
			// txnSendSettled resumes the poll loop.
			m.processing, m.procDone = true, 0
			return
		}
		next = 2 * s.cfg.Cluster.NetworkDelayMs
	}
	s.schedulePoll(g, m, next)
}

// processedSoFar is how many buffered records are done by now.
func (s *Sim) processedSoFar(g *group, m *member) int {
	now := s.nowMs
	if m.state == MemberPaused {
		now = m.pausedAtMs // a stalled application makes no progress
	}
	if !m.processing || now < m.procStartMs {
		return 0
	}
	if g.cfg.ProcessingMs <= 0 {
		return len(m.buffer)
	}
	return min(len(m.buffer), int((now-m.procStartMs)/g.cfg.ProcessingMs))
}

// creditProcessed marks buffer[procDone:upTo] processed: the side effect
// happened. Transactional groups only credit at commit.
func (s *Sim) creditProcessed(g *group, m *member, upTo int) {
	if upTo <= m.procDone {
		return
	}
	recs := m.buffer[m.procDone:upTo]
	m.procDone = upTo
	if g.cfg.Commit == CommitTransactional {
		m.txn.inputs = append(m.txn.inputs, recs...)
		s.writeTxnOutputs(g, m, recs)
		return
	}
	s.countProcessed(g, m, recs)
}

// countProcessed adds processing completions to the ledger and history.
func (s *Sim) countProcessed(g *group, m *member, recs []bufRec) { s.countProcessedAs(g, m, recs, "") }

// countProcessedAs is countProcessed with a reason for the narration.
func (s *Sim) countProcessedAs(g *group, m *member, recs []bufRec, why Reason) {
	g.procCount.Grow(s.ledger.recs.Len())
	g.processedTotal += len(recs)
	s.touchProcCounts(g, recs)
	dup := 0
	start := 0
	for i, r := range recs {
		n := g.procCount.Mut(int(r.rec))
		if *n > 0 {
			dup++
		}
		if *n < 255 {
			g.tally.noteProcessed(int(r.topicIdx), *n)
			*n++
		}
		if i == len(recs)-1 || recs[i+1].tp != r.tp || recs[i+1].offset < r.offset {
			s.addProcessed(g, r.tp, recs[start].offset, r.offset+1, m.name, m.genSynced)
			start = i + 1
		}
	}
	s.emit(&Event{Type: EvProcessed, Group: g.cfg.ID, Member: m.name, Count: len(recs), Duplicates: int32(dup),
		Gen: m.genSynced, Text: s.rangesText(recs), Reason: why})
	s.checkAlerts(g, m, recs)
}

// touchProcCounts reads the records' processed counts ahead of the loop
// that updates them. Records of many partitions lie far apart, each count
// a cache miss; a loop that only reads them lets the misses overlap
// rather than wait for each in turn.
func (s *Sim) touchProcCounts(g *group, recs []bufRec) {
	counts := s.commitScratch.counts[:0]
	for _, r := range recs {
		counts = append(counts, *g.procCount.At(int(r.rec)))
	}
	s.commitScratch.counts = counts
}

// rangesText writes buffered records as "orders-0@3..7 orders-1@0..2".
func (s *Sim) rangesText(recs []bufRec) string {
	b := s.commitScratch.text[:0]
	for i := 0; i < len(recs); {
		j := i
		for j+1 < len(recs) && recs[j+1].tp == recs[i].tp {
			j++
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(append(append(b, recs[i].tp.Topic...), '-'), int64(recs[i].tp.Partition), 10)
		b = strconv.AppendInt(append(b, '@'), recs[i].offset, 10)
		if j > i {
			b = strconv.AppendInt(append(b, ".."...), recs[j].offset, 10)
		}
		i = j + 1
	}
	s.commitScratch.text = b
	return string(b)
}
