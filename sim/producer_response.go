package sim

// What comes back to the producer: responses, request timeouts, expiry
// of delivery.timeout.ms, broken connections, and the retry decision.

// produceFailedAttempt decides between a retry and giving up.
func (s *Sim) produceFailedAttempt(p *producer, bi int32, code int32) {
	b := s.batches.Mut(int(bi))
	s.leaveFlight(p, b)
	if b.state == batchInFlight {
		b.state = batchQueued
	}
	b.reqGen++
	// Sender.canRetry: a retriable error, retries left, and the batch has
	// not reached delivery.timeout.ms (then it fails with this error).
	age := s.nowMs - int64(b.createdMs)
	if code == errInvalidRecord || code == errInvalidEpoch || int(b.attempts) > p.cfg.Retries || age >= p.cfg.DeliveryTimeoutMs {
		s.finishBatch(p, bi, false, code)
		return
	}
	p.retries++
	gap := code == errOutOfOrder && s.outOfOrderIsGap(p, b)
	backoff := s.retryBackoffMs(p, bi)
	b.state = batchBackoff
	b.notBefore = uint32(s.nowMs + backoff)
	s.requeue(p, bi)
	text := idempotenceWord(p)
	if code == errOutOfOrder {
		text = "out-of-order"
		if gap {
			text = "out-of-order-gap"
		}
	}
	s.emit(&Event{Type: EvRetried, Producer: p.cfg.ID, Topic: s.topics[b.topicIdx].cfg.Name, Partition: int(b.part),
		Count: int(b.count), Err: errNames[code], Attempt: int32(b.attempts) + 1, FirstSeq: b.firstSeq,
		DelayMs: backoff, Text: text})
	s.schedule(backoff, producerItem(itRetryBackoff, p))
}

func idempotenceWord(p *producer) string {
	if p.idempotent() {
		return "idempotent"
	}
	return ""
}

func (s *Sim) produceResponse(it item) {
	p := s.producers[it.producerIdx()]
	if p.external {
		s.externalProduceAnswered(p, it)
		return
	}
	// Read first: most timers and late answers find their batch long done,
	// and a write would copy its chunk when a checkpoint shares it.
	if b := s.batches.At(int(it.batch())); p.crashed || b.reqGen != it.gen || b.state != batchInFlight {
		return
	}
	if it.errCode() == errNone {
		s.batches.Mut(int(it.batch())).base = it.baseOffset()
		s.finishBatch(p, it.batch(), true, errNone)
	} else {
		s.produceFailedAttempt(p, it.batch(), it.errCode())
	}
	s.drain(p)
}

func (s *Sim) requestTimedOut(it item) {
	p := s.producers[it.producerIdx()]
	if b := s.batches.At(int(it.batch())); p.crashed || b.reqGen != it.gen || b.state != batchInFlight {
		return // answered in time: the common case, read without a write
	}
	s.produceFailedAttempt(p, it.batch(), errTimeout)
	s.drain(p)
}

func (s *Sim) batchExpired(it item) {
	p := s.producers[it.producerIdx()]
	if p.crashed || it.gen != p.gen || s.batches.At(int(it.batch())).state == batchDone {
		return // delivered in time: the common case, read without a write
	}
	b := s.batches.Mut(int(it.batch()))
	// delivery.timeout.ms: the batch never got through. Like the Java
	// client (Sender.sendProducerData) this fails batches waiting in the
	// accumulator and in flight alike, with its own TimeoutException.
	pp := &p.parts[b.part]
	if pp.open == it.batch() {
		pp.open = -1
	}
	if len(pp.queue) > 0 && pp.queue[0] == it.batch() {
		pp.popQueue() // the oldest batch expires first: a head pop
	} else {
		for i, q := range pp.queue {
			if q == it.batch() {
				pp.queue = append(pp.queue[:i:i], pp.queue[i+1:]...)
				break
			}
		}
	}
	b.reqGen++
	s.finishBatch(p, it.batch(), false, errExpired)
	s.drain(p)
}

// failRequestsTo: a broker died, so every producer connection to it breaks
// and its in-flight requests fail with a network error.
func (s *Sim) failRequestsTo(brokerID int) {
	for _, p := range s.producers {
		if p.crashed || p.inflight[brokerID-1] == 0 {
			continue
		}
		for bi := s.liveBatchesFrom(); bi < s.batches.Len(); bi++ {
			b := s.batches.At(bi)
			if int32(b.producer) == p.idx && b.state == batchInFlight && int(b.broker) == brokerID {
				s.schedule(s.cfg.Cluster.NetworkDelayMs, produceResponseItem(p, int32(bi), errNetwork, b.reqGen, 0))
			}
		}
	}
	s.forEachPartition(func(pt *partition) {
		for _, r := range pt.reps {
			if r.broker == brokerID {
				r.fetchGen++
				r.fetching = false
				r.parked = false
			}
		}
	})
}

// leadersChangedForProducers lets producers send batches that waited for a
// leader.
func (s *Sim) leadersChangedForProducers() {
	for _, p := range s.producers {
		s.drain(p)
	}
}

// finishBatch settles a batch: acked, or failed for good.
func (s *Sim) finishBatch(p *producer, bi int32, ok bool, code int32) {
	b := s.batches.Mut(int(bi))
	s.leaveFlight(p, b)
	b.state = batchDone
	if ok && b.base < 0 && p.cfg.Acks != AcksNone {
		panic("sim: a produce ack without an offset")
	}
	name := s.topics[b.topicIdx].cfg.Name
	// acks=0 records are settled when their request reaches the broker
	// (produceArrived): until then they are on the wire, not yet lost. A
	// transactional record is settled by its transaction's end.
	for r := range s.batchRecs(b) {
		switch {
		case ok && p.cfg.Acks == AcksNone:
			s.ledger.sent(r)
		case ok && p.cfg.TransactionalID != "":
		default:
			s.ledger.settle(r, ok)
		}
	}
	s.noteBatchOutcome(p, b, ok)
	if ok {
		p.acked += int(b.count)
		if p.cfg.Acks != AcksNone {
			s.emitRange(&rangeEvent{typ: EvAcked, producer: p.cfg.ID, topic: name, partition: int(b.part), broker: int(b.broker),
				offset: b.base, endOffset: b.base + int64(b.count), count: int(b.count), epoch: p.cfg.Acks})
		}
	} else {
		p.failed += int(b.count)
		s.emit(&Event{Type: EvProduceFailed, Producer: p.cfg.ID, Topic: name, Partition: int(b.part), Count: int(b.count),
			Err: errNames[code], DurationMs: s.nowMs - int64(b.createdMs), Attempt: int32(b.attempts)})
	}
	if p.hidden {
		s.txnSendSettled(p)
	}
}

// leaveFlight takes a batch out of the in-flight counts.
func (s *Sim) leaveFlight(p *producer, b *batch) {
	if b.state != batchInFlight {
		return
	}
	p.parts[b.part].inFlight--
	if head := s.batches.Mut(int(b.reqHead)); head.reqLeft > 0 {
		head.reqLeft--
		if head.reqLeft == 0 {
			p.inflight[b.broker-1]-- // the request's last batch is answered
		}
	}
}
