package sim

// The leader's side of a produce request (KafkaApis.handleProduceRequest,
// then Partition.appendRecordsToLeader): is this broker the leader, may
// the write be taken (a key on a compacted topic, min.insync.replicas for
// acks=all), the idempotence check (produce_seqcheck.go), the append, and
// the answer, now or from the purgatory (produce_purgatory.go).

// produceArrived handles one batch of a produce request at broker it.broker().
func (s *Sim) produceArrived(it item) {
	p := s.producers[it.producerIdx()]
	b := s.batches.Mut(int(it.batch()))
	brokerID := it.broker()
	if p.cfg.Acks == AcksNone {
		// Sent is all acks=0 promises: whatever the broker does now, the
		// records count as delivered by the producer.
		defer func() {
			for r := range s.batchRecs(b) {
				s.ledger.settle(r, true)
			}
		}()
	}
	if !s.brokerUp(brokerID) {
		return // the connection broke; failRequestsTo answers the producer
	}
	pt := s.partitionOf(int(b.topicIdx), int(b.part))
	respond := func(code int32, base int64) { s.sendProduceResponse(p, it.batch(), it.gen, brokerID, code, base) }
	if code := s.refuseProduce(p, b, pt, brokerID); code != errNone {
		respond(code, -1)
		return
	}
	lr := pt.leaderRep()
	epoch, firstSeq := it.sentSeq()
	if firstSeq >= 0 {
		code, dupBase := s.checkSequence(lr, b, epoch, firstSeq)
		switch {
		case code != errNone:
			respond(code, -1)
			return
		case dupBase >= 0:
			s.answerDuplicate(p, b, pt, it, firstSeq, dupBase)
			return
		}
	}
	base := s.appendBatch(p, b, pt, brokerID, epoch, firstSeq)
	switch {
	case p.cfg.Acks == AcksNone:
	case p.cfg.Acks == AcksLeader || pt.hw >= lr.leo:
		respond(errNone, base)
	default:
		pt.pendingAcks = append(pt.pendingAcks, pendingAck{batch: it.batch(), gen: it.gen, base: base, end: lr.leo})
	}
}

// refuseProduce returns the error the leader answers a batch with before
// appending anything, or errNone.
func (s *Sim) refuseProduce(p *producer, b *batch, pt *partition, brokerID int) int32 {
	if pt == nil || pt.leader != brokerID {
		return errNotLeader
	}
	cfg := s.topicCfg(pt)
	if hasPolicy(cfg.CleanupPolicy, CleanupCompact) {
		for r := range s.batchRecs(b) {
			if s.ledger.keyIndex(r) < 0 {
				// A compacted topic keeps the latest value per key: a record
				// without a key has nothing to be compacted by.
				return errInvalidRecord
			}
		}
	}
	if p.cfg.Acks == AcksAll && len(pt.isr) < cfg.MinInsyncReplicas {
		s.emit(&Event{Type: EvProduceFailed, Producer: p.cfg.ID, Topic: pt.topicName, Partition: pt.id, Broker: brokerID,
			Err: errNames[errNotEnoughReplicas], Count: len(pt.isr), MinISR: int32(cfg.MinInsyncReplicas), Reason: ReasonBrokerRefused})
		return errNotEnoughReplicas
	}
	return errNone
}

// answerDuplicate answers a retried batch the log already has with the
// first write's offsets, under the same acks rule: with acks=all it waits
// for the ISR to have them.
func (s *Sim) answerDuplicate(p *producer, b *batch, pt *partition, it item, firstSeq int32, dupBase int64) {
	last := firstSeq + b.count - 1
	end := dupBase + int64(b.count)
	s.emit(&Event{Type: EvDuplicateDrop, Producer: p.cfg.ID, Topic: pt.topicName, Partition: pt.id, Broker: it.broker(),
		FirstSeq: firstSeq, LastSeq: last, Count: int(b.count), ProducerID: p.pid})
	if p.cfg.Acks == AcksAll && pt.hw < end {
		pt.pendingAcks = append(pt.pendingAcks, pendingAck{batch: it.batch(), gen: it.gen, base: dupBase, end: end})
		return
	}
	s.sendProduceResponse(p, it.batch(), it.gen, it.broker(), errNone, dupBase)
}

// appendBatch writes the batch's records to the leader's log and returns
// the offset of the first.
func (s *Sim) appendBatch(p *producer, b *batch, pt *partition, brokerID int, epoch, firstSeq int32) int64 {
	lr := pt.leaderRep()
	cfg := s.topicCfg(pt)
	base := lr.leo
	dups := 0
	i := int32(0)
	// Every record of the batch is the producer's, for this topic: the
	// stored size's ratio is looked up once. Each record's facts are read
	// once for the cache, the log's size and time, and its sequence.
	permille := s.storedPermille(pt.topicIdx, int(p.idx))
	slot := s.ledger.takeRecentSlots(pt, base, int(b.count))
	for r := range s.batchRecs(b) {
		e := entry{offset: lr.leo, rec: r, epoch: int32(pt.leaderEpoch)}
		var ri *recordInfo
		if firstSeq >= 0 {
			ri = s.ledger.numbered(r, firstSeq+i, int16(epoch))
		} else {
			ri = s.ledger.recs.At(int(r))
		}
		i++
		o := s.ledger.originOf(ri)
		s.ledger.noteRecentOf(slot+uint32(e.offset-base), r, ri, o)
		f := s.ledger.fate(r)
		if f.offset >= 0 && s.copyPresent(pt, r) {
			dups++
		}
		lr.appendEntry(e, scaleStored(s.ledger.sizeOf(r, ri), permille), ri.sentMs(), s.nowMs, cfg)
		lr.setPid(int32(o.producer), int32(o.epoch), f.seq())
		s.ledger.landed(r, e.offset)
	}
	s.noteTxnAppend(pt, b, base)
	s.emitRange(&rangeEvent{typ: EvAppended, producer: p.cfg.ID, topic: pt.topicName, partition: pt.id, broker: brokerID,
		offset: base, endOffset: lr.leo, count: int(b.count), epoch: pt.leaderEpoch, text: copyNote(dups)})
	s.wakeParkedFetches(pt)
	s.maybeAdvanceHW(pt)
	return base
}

// copyNote says when an append wrote records the log already holds: a
// copy still present in the leader's log, not one truncated away.
func copyNote(dups int) string {
	if dups == 0 {
		return ""
	}
	return "duplicate"
}

// entryFacts gives a log entry's size in bytes and its timestamp.
func (s *Sim) entryFacts(e entry) (int64, int64) {
	if e.rec < 0 {
		return markerBytes, s.nowMs
	}
	return s.storedBytes(e.rec), s.ledger.sentMs(e.rec)
}

// The error codes a produce response can carry.
const (
	errNone int32 = iota
	errNotLeader
	errNotEnoughReplicas
	errNotEnoughReplicasAfterAppend
	errOutOfOrder
	errNetwork
	errTimeout
	errInvalidRecord // not retriable
	errInvalidEpoch  // not retriable: a newer producer epoch fenced this one
	errExpired       // the client's own TimeoutException: delivery.timeout.ms passed
)

var errNames = [...]string{"NONE", "NOT_LEADER_OR_FOLLOWER", "NOT_ENOUGH_REPLICAS", "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
	"OUT_OF_ORDER_SEQUENCE_NUMBER", "NETWORK_EXCEPTION", "REQUEST_TIMED_OUT", "INVALID_RECORD", "INVALID_PRODUCER_EPOCH",
	"TimeoutException"}
