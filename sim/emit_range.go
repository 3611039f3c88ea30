package sim

// The events a run emits for every batch (produce-request, records-appended,
// produce-acked, records-replicated, high-watermark-advanced) are most of
// its events, and with a thousand partitions there are hundreds of
// thousands of them. A run that keeps no events (DiscardEvents) only hashes
// them: emitRange writes their canonical line straight from these few
// facts, the bytes appendCanonical writes for the Event they stand for,
// without building the Event.

// rangeEvent is one of those events: a range of a partition's records.
type rangeEvent struct {
	typ               EventType
	producer, topic   string
	partition         int
	broker, broker2   int
	offset, endOffset int64
	count             int
	// epoch is the leader epoch (records-appended), the attempt
	// (produce-request) or acks (produce-acked): what the canonical form
	// hashes in its epoch position.
	epoch    int
	firstSeq int32 // produce-request: hashed in the offset position
	text     string
}

// event is the Event r stands for.
func (r *rangeEvent) event() Event {
	e := Event{Type: r.typ, Producer: r.producer, Topic: r.topic, Partition: r.partition, Broker: r.broker,
		Broker2: r.broker2, Offset: r.offset, EndOffset: r.endOffset, Count: r.count, Text: r.text}
	switch r.typ {
	case EvProduceRequest:
		e.Attempt, e.FirstSeq = int32(r.epoch), r.firstSeq
	case EvAcked:
		e.Acks = int32(r.epoch)
	default:
		e.Epoch = r.epoch
	}
	return e
}

// emitRange is emit of r's event.
func (s *Sim) emitRange(r *rangeEvent) {
	if !s.discardEvents {
		e := r.event()
		s.emit(&e)
		return
	}
	if s.digestFrom == nil {
		s.scratch = r.appendCanonical(s.scratch, s.nowMs)
		if len(s.scratch) >= digestBatch {
			s.flushDigest()
		}
	}
	s.eventBase++
}

// appendCanonical writes r's event, at atMs, as Event.appendCanonical does.
func (r *rangeEvent) appendCanonical(b []byte, atMs int64) []byte {
	b = appendDecimal(b, atMs)
	b = append(b, '|')
	b = append(b, r.typ...)
	b = appendNumberField(b, int64(r.broker))
	b = appendNumberField(b, int64(r.broker2))
	b = appendNumberField(b, int64(r.partition))
	b = appendNumberField(b, r.offset+int64(r.firstSeq))
	b = appendNumberField(b, r.endOffset)
	b = appendNumberField(b, int64(r.count))
	b = appendNumberField(b, int64(r.epoch))
	b = append(b, "|0"...) // generation
	b = appendTextField(b, r.topic)
	b = appendTextField(b, r.producer)
	b = append(b, "|||||"...) // group, member, error, reason, and the text's bar
	b = append(b, r.text...)
	return append(b, '\n')
}
