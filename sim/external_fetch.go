package sim

// Fetch, ListOffsets and OffsetsForLeaderEpoch from live clients: read
// from the leader's log, never above the high watermark (or, for
// read_committed, the last stable offset), with the errors a Kafka leader
// gives (ReplicaManager.readFromLog, Partition.fetchOffsetSnapshot).

// ExternalFetch asks one partition for records from Offset.
type ExternalFetch struct {
	Broker             int
	ClientID           string
	Topic              string
	Partition          int
	Offset             int64
	CurrentLeaderEpoch int32 // -1: not checked
	MaxBytes           int
	ReadCommitted      bool
}

// FetchedRecord is one log entry as a client receives it. A control
// entry is a transaction marker (Commit says which kind).
type FetchedRecord struct {
	Offset        int64
	LeaderEpoch   int32
	TimestampMs   int64 // virtual ms
	Key, Value    []byte
	ProducerID    int64
	ProducerEpoch int16
	Sequence      int32
	Transactional bool
	Control       bool
	Commit        bool
	// Headers are the record's headers as its live producer sent them.
	Headers []RecordHeader
	// Codec is the compression the record is stored in (storedCodec): the
	// topic's compression.type, or the producer's when it says producer.
	Codec string
}

// FetchResult is the leader's answer for one partition.
type FetchResult struct {
	Err                       string
	HighWatermark, LastStable int64
	LogStart                  int64
	Records                   []FetchedRecord
}

// leaderFor finds the partition and checks that broker leads it, as the
// leader does before every read or write.
func (s *Sim) leaderFor(topic string, part, broker int, currentEpoch int32) (*partition, string) {
	_, t := s.topicByName(topic)
	if t == nil || part < 0 || part >= len(t.parts) {
		return nil, "UNKNOWN_TOPIC_OR_PARTITION"
	}
	p := t.parts[part]
	switch {
	case p.leader == 0:
		return nil, "LEADER_NOT_AVAILABLE"
	case p.leader != broker || !s.brokerUp(broker):
		return nil, "NOT_LEADER_OR_FOLLOWER"
	case currentEpoch >= 0 && currentEpoch < int32(p.leaderEpoch):
		return nil, "FENCED_LEADER_EPOCH" // the client's metadata is older than the leader's (KIP-320)
	case currentEpoch > int32(p.leaderEpoch):
		return nil, "UNKNOWN_LEADER_EPOCH"
	}
	return p, ""
}

// ExternalFetchPartition reads records for a live consumer. Records handed
// to a member of a live group are counted in the ledger as that group's
// reads (see creditExternalRead).
func (s *Sim) ExternalFetchPartition(req ExternalFetch) FetchResult {
	p, code := s.leaderFor(req.Topic, req.Partition, req.Broker, req.CurrentLeaderEpoch)
	if p == nil {
		return FetchResult{Err: code, HighWatermark: -1, LastStable: -1, LogStart: -1}
	}
	lr := p.leaderRep()
	res := FetchResult{Err: "NONE", HighWatermark: p.hw, LastStable: p.lastStable(), LogStart: lr.logStart}
	if req.Offset < lr.logStart || req.Offset > lr.leo {
		res.Err = "OFFSET_OUT_OF_RANGE" // UnifiedLog.read: outside [log start, log end]
		return res
	}
	limit := p.hw
	if req.ReadCommitted {
		limit = p.lastStable()
	}
	bytes := 0
	var read []bufRec
	for i := lr.indexOf(req.Offset); i < lr.entries.Len(); i++ {
		e := lr.entries.At(i)
		if e.offset >= limit || (bytes > 0 && bytes >= req.MaxBytes) {
			break
		}
		if e.rec >= 0 && req.ReadCommitted && p.isAborted(s, e) {
			continue // what an aborted transaction wrote is never handed to read_committed
		}
		fr := s.fetchedRecord(e)
		bytes += len(fr.Key) + len(fr.Value) + recordOverheadBytes
		res.Records = append(res.Records, fr)
		if e.rec >= 0 {
			read = append(read, bufRec{tp: p.tp(), offset: e.offset, rec: e.rec, topicIdx: int32(p.topicIdx)})
		}
	}
	if len(read) > 0 {
		s.creditExternalRead(req.ClientID, p.tp(), read)
	}
	return res
}

func (s *Sim) fetchedRecord(e entry) FetchedRecord {
	fr := FetchedRecord{Offset: e.offset, LeaderEpoch: e.epoch, TimestampMs: s.nowMs, Sequence: -1, ProducerID: -1,
		ProducerEpoch: -1}
	if e.rec < 0 {
		mk := s.markers[markerIndex(e.rec)]
		fr.Control, fr.Commit, fr.Transactional = true, mk.commit, true
		fr.ProducerID, fr.ProducerEpoch = s.producers[mk.producer].pid, int16(mk.epoch)
		return fr
	}
	ri := s.ledger.recs.At(int(e.rec))
	fr.TimestampMs = ri.sentMs()
	if k, null := s.ledger.keyOf(e.rec); !null {
		fr.Key = []byte(k)
	}
	if v, null := s.ledger.valueOf(e.rec); !null {
		fr.Value = []byte(v)
	}
	o := s.ledger.originOf(ri)
	if seq := s.ledger.fate(e.rec).seq(); seq >= 0 {
		fr.ProducerID, fr.ProducerEpoch, fr.Sequence = s.producers[o.producer].pid, o.epoch, seq
	}
	fr.Transactional = o.txn >= 0
	fr.Codec = s.storedCodec(int32(o.topicIdx), int32(o.producer))
	if s.live != nil {
		fr.Headers = s.live.headers[e.rec]
	}
	return fr
}

// ListOffsets answers one partition of a ListOffsets request: -1 is the
// latest offset (the high watermark, or the last stable offset for
// read_committed), -2 the earliest, otherwise the first offset whose
// timestamp (virtual ms) is at or after ts.
func (s *Sim) ListOffsets(topic string, part, broker int, currentEpoch int32, ts int64, readCommitted bool) (int64, int32, string) {
	p, code := s.leaderFor(topic, part, broker, currentEpoch)
	if p == nil {
		return -1, -1, code
	}
	lr := p.leaderRep()
	switch ts {
	case -1:
		if readCommitted {
			return p.lastStable(), int32(p.leaderEpoch), "NONE"
		}
		return p.hw, int32(p.leaderEpoch), "NONE"
	case -2:
		return lr.logStart, int32(p.leaderEpoch), "NONE"
	}
	for i := lr.indexOf(lr.logStart); i < lr.entries.Len(); i++ {
		e := lr.entries.At(i)
		if e.offset >= p.hw {
			break
		}
		if e.rec >= 0 && s.ledger.recs.At(int(e.rec)).sentMs() >= ts {
			return e.offset, e.epoch, "NONE"
		}
	}
	return -1, -1, "NONE"
}

// EndOffsetForEpoch answers OffsetsForLeaderEpoch (KIP-320) from the
// leader's epoch cache: the largest epoch at or below the one asked, and
// where it ends.
func (s *Sim) EndOffsetForEpoch(topic string, part, broker int, currentEpoch, epoch int32) (int32, int64, string) {
	p, code := s.leaderFor(topic, part, broker, currentEpoch)
	if p == nil {
		return -1, -1, code
	}
	e, end := p.leaderRep().endOffsetForEpoch(epoch)
	return e, end, "NONE"
}

// PeekFetch reports, without reading, whether a fetch of one partition
// would return at once: an error, or records below the read limit. A
// waiting fetch checks it on every clock tick.
func (s *Sim) PeekFetch(broker int, topic string, part int, offset int64, currentEpoch int32, readCommitted bool) bool {
	p, code := s.leaderFor(topic, part, broker, currentEpoch)
	if p == nil {
		return code != ""
	}
	lr := p.leaderRep()
	if offset < lr.logStart || offset > lr.leo {
		return true
	}
	limit := p.hw
	if readCommitted {
		limit = p.lastStable()
	}
	return offset < limit
}
