package sim

// Produce requests from live clients go through the leader's own path
// (produceArrived: the min.insync.replicas check, the idempotence sequence
// check, the append, and for acks=all the wait for the high watermark).

// ExternalRecord is one record of a live client's batch; a nil Key or
// Value is null.
type ExternalRecord struct {
	Key, Value []byte
	// Headers are the record's headers (KIP-82), kept beside the ledger
	// and handed back by Fetch.
	Headers []RecordHeader
}

// RecordHeader is one record header: a string key and a byte value (null
// when nil).
type RecordHeader struct {
	Key   string
	Value []byte
}

// ExternalProduce is one partition's batch of a live Produce request.
type ExternalProduce struct {
	Ticket   int64
	Broker   int // the broker the request was sent to
	ClientID string
	Acks     int // 0, 1 or -1 (all)
	// ProducerID is -1 for a producer that is not idempotent; then
	// ProducerEpoch and FirstSequence are ignored.
	ProducerID    int64
	ProducerEpoch int16
	FirstSequence int32
	Topic         string
	Partition     int
	Records       []ExternalRecord
	// Codec is the batch's compression (CodecGzip...; "" or CodecNone for
	// none): the live producer's compression.type as its batches show it.
	Codec string

	// Transactional is the batch's transactional flag; TransactionalID the
	// request's transactional.id (Produce v3+).
	Transactional   bool
	TransactionalID string
}

// ProduceResult is the leader's answer for one partition. Err is Kafka's
// error name, "NONE" when it was written.
type ProduceResult struct {
	Err        string
	BaseOffset int64
	LogStart   int64
}

// ExternalProduce hands a live batch to the leader. An immediate refusal
// comes back at once (answered true); otherwise the answer, if the acks
// setting asks for one, comes later through TakeExternalReplies.
func (s *Sim) ExternalProduce(req ExternalProduce) (ProduceResult, bool) {
	ti, t := s.topicByName(req.Topic)
	if t == nil || req.Partition < 0 || req.Partition >= len(t.parts) {
		return ProduceResult{Err: "UNKNOWN_TOPIC_OR_PARTITION", BaseOffset: -1}, true
	}
	if len(req.Records) == 0 {
		return ProduceResult{Err: "CORRUPT_MESSAGE", BaseOffset: -1}, true
	}
	if c := s.verifyTxnProduce(req, t.parts[req.Partition]); c != "" {
		return ProduceResult{Err: c, BaseOffset: -1}, true
	}
	pid := req.ProducerID
	if pid < 0 {
		pid = -1
	}
	p := s.externalProducer(req.ClientID, pid, ti)
	p.cfg.Acks = acksOf(req.Acks)
	if req.Codec != "" {
		p.cfg.CompressionType = req.Codec
	}
	bi := s.externalBatch(p, ti, req)
	b := s.batches.Mut(int(bi))
	b.attempts++
	b.reqGen++
	b.broker = int16(req.Broker)
	b.sentMs = uint32(s.nowMs)
	if b.state != batchDone {
		b.state = batchInFlight
	}
	if p.cfg.Acks != AcksNone {
		s.ext().waiting[bi] = extWait{gen: b.reqGen, ticket: req.Ticket}
	}
	s.emit(&Event{Type: EvProduceRequest, Producer: p.cfg.ID, Topic: req.Topic, Partition: req.Partition,
		Broker: req.Broker, Count: int(b.count), Attempt: b.attempts, FirstSeq: b.firstSeq})
	delay := int64(0)
	if br := s.broker(req.Broker); br != nil {
		delay = br.slowMs // a slow broker takes its time over the request
	}
	s.schedule(delay, produceRequestItem(p, bi, req.Broker, b.reqGen, int32(b.epoch), b.firstSeq))
	if p.cfg.Acks == AcksNone && b.state != batchDone {
		b.state = batchDone
		p.acked += int(b.count)
		for r := range s.batchRecs(b) {
			s.ledger.sent(r)
		}
	}
	return ProduceResult{}, false
}

func acksOf(a int) int {
	switch a {
	case 0:
		return AcksNone
	case 1:
		return AcksLeader
	}
	return AcksAll
}

// externalBatch finds the batch a retry repeats, or records a new one: a
// new batch is new send() calls in the ledger, in the order the client
// sent them.
func (s *Sim) externalBatch(p *producer, ti int, req ExternalProduce) int32 {
	x := s.ext()
	key := extBatchKey{producer: p.idx, topicIdx: int32(ti), part: int32(req.Partition), epoch: int32(req.ProducerEpoch),
		firstSeq: req.FirstSequence, numRecord: int32(len(req.Records))}
	idempotent := req.ProducerID >= 0 && req.FirstSequence >= 0
	if idempotent {
		if bi, ok := x.batches[key]; ok {
			return bi
		}
	}
	b := batch{producer: uint16(p.idx), topicIdx: uint16(ti), part: uint16(req.Partition), createdMs: uint32(s.nowMs), firstSeq: -1,
		base: -1, state: batchQueued}
	if idempotent {
		b.firstSeq, b.epoch = req.FirstSequence, int16(req.ProducerEpoch)
	}
	for _, r := range req.Records {
		p.sends++
		k := int32(-1)
		if r.Key != nil {
			k = s.ledger.internKey(string(r.Key))
		}
		v := valueNull
		if r.Value != nil {
			str := string(r.Value)
			v = s.ledger.value(&str)
		}
		rec := s.ledger.add(newRecord{producer: uint16(p.idx), sendN: int32(p.sends), topicIdx: uint16(ti),
			part: uint16(req.Partition), key: k, value: v, createdMs: uint32(s.nowMs), txn: p.txn})
		if p.txn >= 0 {
			s.noteExternalTxnRecord(p, rec)
		}
		if len(r.Headers) > 0 {
			x.headers[rec] = r.Headers
		}
		s.linkBatchRec(&b, rec)
		b.bytes += int32(s.ledger.size(rec))
	}
	s.batches.Append(b)
	bi := int32(s.batches.Len() - 1)
	if idempotent {
		x.batches[key] = bi
	}
	return bi
}

// externalProduceAnswered is produceResponse for a live client: the
// answer goes to the wire. A retriable error settles nothing: the client
// decides whether to retry, and a retry is the same records.
func (s *Sim) externalProduceAnswered(p *producer, it item) {
	x := s.ext()
	bi, code, base := it.batch(), it.errCode(), it.baseOffset()
	w, ok := x.waiting[bi]
	if !ok || w.gen != it.gen {
		return // an older attempt's answer; its connection is gone
	}
	delete(x.waiting, bi)
	b := s.batches.Mut(int(bi))
	pt := s.partitionOf(int(b.topicIdx), int(b.part))
	res := ProduceResult{Err: errNames[code], BaseOffset: -1, LogStart: -1}
	if pt != nil {
		res.LogStart = s.logStartOf(pt)
	}
	name := s.topics[b.topicIdx].cfg.Name
	switch {
	case code == errNone:
		res.BaseOffset = base
		if b.state != batchDone {
			b.state, b.base = batchDone, base
			for r := range s.batchRecs(b) {
				s.settleLiveAck(r)
			}
			p.acked += int(b.count)
			s.emit(&Event{Type: EvAcked, Producer: p.cfg.ID, Topic: name, Partition: int(b.part), Broker: int(b.broker),
				Offset: base, EndOffset: base + int64(b.count), Count: int(b.count), Acks: int32(p.cfg.Acks)})
		}
	case code == errInvalidRecord || code == errInvalidEpoch:
		if b.state != batchDone {
			b.state = batchDone
			for r := range s.batchRecs(b) {
				s.ledger.settle(r, false)
			}
			p.failed += int(b.count)
		}
		fallthrough
	default:
		if b.state != batchDone {
			b.state = batchQueued
		}
		s.emit(&Event{Type: EvNote, Producer: p.cfg.ID, Topic: name, Partition: int(b.part), Broker: int(b.broker),
			Err: errNames[code], Text: "broker " + itoa64(int64(b.broker)) + " answered " + p.cfg.ID + "'s produce to " +
				name + "-" + itoa64(int64(b.part)) + " with " + errNames[code] + retryNote(code)})
	}
	s.reply(ExternalReply{Ticket: w.ticket, Produce: &res})
}

func retryNote(code int32) string {
	if code == errInvalidRecord || code == errInvalidEpoch {
		return ": not retriable, the records failed"
	}
	return ": a retriable error, the client retries the same batch"
}
