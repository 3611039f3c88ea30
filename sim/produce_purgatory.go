package sim

// The produce purgatory (DelayedProduce in Kafka): an acks=all write is
// answered once the high watermark passes its records, that is once every
// in-sync replica has them; acks=1 is answered at once after the append,
// acks=0 never.

// pendingAck is an acks=all produce request parked at the leader.
type pendingAck struct {
	batch int32
	gen   int32
	base  int64
	end   int64 // the high watermark must reach this
}

func (s *Sim) sendProduceResponse(p *producer, bi, gen int32, brokerID int, code int32, base int64) {
	if p.cfg.Acks == AcksNone {
		return
	}
	b := s.broker(brokerID)
	if b.dropAcks > 0 {
		b.dropAcks--
		bt := s.batches.At(int(bi))
		s.emit(&Event{Type: EvAckLost, Producer: p.cfg.ID, Topic: s.topics[bt.topicIdx].cfg.Name, Partition: int(bt.part),
			Broker: brokerID, Count: int(bt.count), Offset: base, Err: errNames[code], TimeoutMs: p.cfg.RequestTimeoutMs})
		return
	}
	s.schedule(s.cfg.Cluster.NetworkDelayMs, produceResponseItem(p, bi, code, gen, base))
}

// completePendingAcks answers acks=all requests whose records the whole
// ISR now has.
func (s *Sim) completePendingAcks(pt *partition) {
	if len(pt.pendingAcks) == 0 {
		return
	}
	minISR := s.topicCfg(pt).MinInsyncReplicas
	keep := pt.pendingAcks[:0] // filtered in place: the list keeps its room
	for _, pa := range pt.pendingAcks {
		if pt.hw < pa.end {
			keep = append(keep, pa)
			continue
		}
		b := s.batches.At(int(pa.batch))
		p := s.producers[b.producer]
		code := errNone
		if len(pt.isr) < minISR {
			code = errNotEnoughReplicasAfterAppend
		}
		s.sendProduceResponse(p, pa.batch, pa.gen, pt.leader, code, pa.base)
	}
	clear(pt.pendingAcks[len(keep):])
	pt.pendingAcks = keep
}

// failPendingAcks answers every parked request with an error: leadership
// moved away from the broker holding them.
func (s *Sim) failPendingAcks(pt *partition) {
	for _, pa := range pt.pendingAcks {
		b := s.batches.At(int(pa.batch))
		p := s.producers[b.producer]
		if s.brokerUp(int(b.broker)) {
			s.sendProduceResponse(p, pa.batch, pa.gen, int(b.broker), errNotLeader, -1)
		}
	}
	pt.pendingAcks = nil
	s.leadersChangedForProducers()
}
