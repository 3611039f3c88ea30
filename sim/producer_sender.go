package sim

// The Sender: produce requests from the accumulator to the leaders.

// drain is the Sender's loop: for each reachable broker with a free slot
// under max.in.flight.requests.per.connection, one produce request carries
// the oldest sendable batch of every partition that broker leads
// (RecordAccumulator.drain, Sender.sendProduceRequests); it repeats while
// slots and batches remain.
func (s *Sim) drain(p *producer) {
	if p.crashed || (p.hidden && s.txnOwnerCrashed(p)) {
		return
	}
	// The request list is the producer's scratch; a drain begun inside
	// this one (by what a send sets off) takes a list of its own.
	req := p.reqScratch[:0]
	p.reqScratch = nil
	for sent := true; sent; {
		sent = false
		for id := 1; id <= len(s.brokers) && id <= len(p.inflight); id++ {
			if id >= len(p.queuedBy) || p.queuedBy[id].empty() {
				continue // nothing queued for it: most calls, between batches
			}
			if !s.brokerUp(id) || p.inflight[id-1] >= p.cfg.MaxInFlight {
				continue
			}
			req = s.drainForBroker(p, id, req[:0])
			if len(req) == 0 {
				continue
			}
			head := s.batches.Mut(int(req[0]))
			head.reqLeft = uint16(len(req))
			p.inflight[id-1]++
			for _, bi := range req {
				s.sendBatch(p, bi, id, req[0])
			}
			sent = true
		}
	}
	p.reqScratch = req[:0]
}

// drainForBroker takes the head batch of each partition led by broker id
// that may go now, off its queue. It walks the partitions with batches
// queued for that broker only.
func (s *Sim) drainForBroker(p *producer, id int, req []int32) []int32 {
	if id >= len(p.queuedBy) {
		return req
	}
	p.queuedBy[id].each(func(part int) {
		pp := &p.parts[part]
		if len(pp.queue) == 0 {
			p.queuedBy[id].remove(part)
			return
		}
		if pt := s.partitionOf(p.topicIdx, part); pt == nil || pt.leader != id {
			p.queuedBy[id].remove(part) // a deleted topic's
			p.queuedFor(0).add(part)
			return
		}
		b := s.batches.At(int(pp.queue[0]))
		if int64(b.notBefore) > s.nowMs || (b.firstSeq < 0 && !s.mayDrainNew(p, part)) {
			return
		}
		req = append(req, pp.popQueue())
		if len(pp.queue) == 0 {
			p.queuedBy[id].remove(part)
		}
	})
	return req
}

// popQueue takes the oldest queued batch. The last one leaves the list
// empty at the start of its array, so the next batch queued reuses it.
func (pp *prodPart) popQueue() int32 {
	bi := pp.queue[0]
	if len(pp.queue) == 1 {
		pp.queue = pp.queue[:0]
	} else {
		pp.queue = pp.queue[1:]
	}
	return bi
}

// queuedFor is the set of partitions with batches queued for broker id.
func (p *producer) queuedFor(id int) *partSet {
	for len(p.queuedBy) <= id {
		p.queuedBy = append(p.queuedBy, nil)
	}
	return &p.queuedBy[id]
}

// fileQueued notes that part has batches queued, under its leader.
func (s *Sim) fileQueued(p *producer, part int) {
	leader := 0
	if pt := s.partitionOf(p.topicIdx, part); pt != nil {
		leader = pt.leader
	}
	p.queuedFor(leader).add(part)
}

// leaderMovedForProducers files p's queued batches under its new leader
// (0: none), for every producer of its topic.
func (s *Sim) leaderMovedForProducers(pt *partition) {
	for _, p := range s.producers {
		if p.topicIdx != pt.topicIdx || pt.id >= len(p.parts) || len(p.parts[pt.id].queue) == 0 {
			continue
		}
		for _, q := range p.queuedBy {
			q.remove(pt.id)
		}
		p.queuedFor(pt.leader).add(pt.id)
	}
}

// sendBatch sends one batch of a produce request whose first batch is head.
func (s *Sim) sendBatch(p *producer, bi int32, leader int, head int32) {
	b := s.batches.Mut(int(bi))
	if p.idempotent() && b.firstSeq < 0 {
		s.numberBatchOnly(p, bi)
	}
	b.attempts++
	b.reqGen++
	b.state = batchInFlight
	b.broker = int16(leader)
	b.sentMs = uint32(s.nowMs)
	b.reqHead = head
	p.parts[b.part].inFlight++
	s.noteBatchSent(p, b, bi == head)
	s.emitRange(&rangeEvent{typ: EvProduceRequest, producer: p.cfg.ID, topic: s.topics[b.topicIdx].cfg.Name, partition: int(b.part),
		broker: leader, count: int(b.count), epoch: int(b.attempts), firstSeq: b.firstSeq})
	// The request carries the sequence numbers and epoch it was sent with.
	s.schedule(s.cfg.Cluster.NetworkDelayMs, produceRequestItem(p, bi, leader, b.reqGen, int32(b.epoch), b.firstSeq))
	if p.cfg.Acks == AcksNone {
		// acks=0: the producer counts the records as sent the moment they
		// leave; it will never hear back.
		s.finishBatch(p, bi, true, errNone)
		return
	}
	s.scheduleTimer(p.cfg.RequestTimeoutMs, p, requestTimeoutItem(p, bi, b.reqGen))
}
