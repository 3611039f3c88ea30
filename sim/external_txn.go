package sim

// Transactions from live clients. The transaction coordinator keeps one
// state per transactional.id (TransactionCoordinator in Kafka): a producer
// id whose epoch InitProducerId bumps, fencing the previous instance; the
// partitions and the group added to the open transaction; and the offsets
// TxnOffsetCommit sent for it. EndTxn writes the COMMIT or ABORT markers
// with the engine's own writeTxnMarker, so the last stable offset and the
// aborted ranges read_committed consumers skip are the scenarios' ones.

// extTxn is the coordinator's state for one transactional.id.
type extTxn struct {
	id       string // transactional.id
	producer int32  // index of its producer
	open     bool
	seq      int32 // the open transaction's number (records carry it)
	parts    []TopicPartition
	group    string
	offsets  []CommitOffset
	outputs  []int32 // records the open transaction wrote
	member   string
	gen      int
	last     string // "commit" or "abort": how the previous transaction ended
	client   string // client id of the instance that last initialised it
}

// TxnCommitOffsets is a live TxnOffsetCommit.
type TxnCommitOffsets struct {
	Broker        int
	TransactionID string
	Group         string
	ProducerID    int64
	ProducerEpoch int16
	MemberID      string
	Generation    int // -1: not checked (a client older than KIP-447)
	Offsets       []CommitOffset
}

func (x *external) txn(id string) *extTxn {
	for _, t := range x.txns {
		if t.id == id {
			return t
		}
	}
	return nil
}

// InitTransactionalProducer answers InitProducerId with a transactional.id
// (TransactionCoordinator.handleInitProducerId): the first time a new
// producer id at epoch 0; afterwards the same id with the epoch bumped,
// after aborting what the previous instance left open, so a zombie's
// requests with the old epoch are refused. A transaction timeout of zero,
// or above transaction.max.timeout.ms, is refused first
// (TransactionStateManager.validateTransactionTimeoutMs).
func (s *Sim) InitTransactionalProducer(broker int, clientID, txnID string, timeoutMs int64) (int64, int16, string) {
	if timeoutMs <= 0 || timeoutMs > s.cfg.Cluster.TransactionMaxTimeoutMs {
		s.emit(&Event{Type: EvNote, Text: "live client " + clientID + " asked for transaction.timeout.ms=" + itoa64(timeoutMs) +
			" for " + txnID + ", above the brokers' transaction.max.timeout.ms=" + itoa64(s.cfg.Cluster.TransactionMaxTimeoutMs) +
			": InitProducerId is refused with INVALID_TRANSACTION_TIMEOUT"})
		return -1, -1, "INVALID_TRANSACTION_TIMEOUT"
	}
	if c := s.coordinatorCheck(txnID, broker); c != "" {
		return -1, -1, c
	}
	x := s.ext()
	t := x.txn(txnID)
	if t == nil {
		x.nextPid++
		p := &producer{cfg: DefaultProducer(s.uniqueProducerName(clientID), ""), idx: int32(len(s.producers)),
			topicIdx: -1, sticky: -1, txn: -1, inflight: make([]int, len(s.brokers)), external: true, pid: x.nextPid}
		p.cfg.RatePerSec, p.cfg.TransactionalID, p.cfg.TransactionTimeoutMs = 0, txnID, timeoutMs
		s.producers = append(s.producers, p)
		s.ledger.names = append(s.ledger.names, p.cfg.ID)
		x.byPid[p.pid] = p.idx
		x.txns = append(x.txns, &extTxn{id: txnID, producer: p.idx, client: clientID})
		s.emit(&Event{Type: EvNote, Producer: p.cfg.ID, Text: "live client " + clientID + " registered transactional.id " +
			txnID + " as " + p.cfg.ID + " (producer id " + itoa64(p.pid) + ", epoch 0)"})
		return p.pid, 0, "NONE"
	}
	p := s.producers[t.producer]
	p.epoch++
	p.cfg.TransactionTimeoutMs = timeoutMs // each InitProducerId sets it anew
	t.client = clientID
	if t.open {
		s.endExternalTxn(t, false, "a new instance of "+txnID+" called initTransactions(), so the coordinator aborted what the old one left open")
	}
	s.emit(&Event{Type: EvNote, Producer: p.cfg.ID, Text: "transactional.id " + txnID + " initialised again: epoch bumped to " +
		itoa64(int64(p.epoch)) + ", so the previous instance is fenced (its requests get PRODUCER_FENCED)"})
	return p.pid, int16(p.epoch), "NONE"
}

// txnFor finds the transactional.id's state and checks the producer id
// and epoch the request carries, as the coordinator does first for every
// transactional request.
func (s *Sim) txnFor(broker int, txnID string, pid int64, epoch int16) (*extTxn, string) {
	if c := s.coordinatorCheck(txnID, broker); c != "" {
		return nil, c
	}
	t := s.ext().txn(txnID)
	if t == nil || s.producers[t.producer].pid != pid {
		return nil, "INVALID_PRODUCER_ID_MAPPING"
	}
	if p := s.producers[t.producer]; int32(epoch) != p.epoch {
		s.emit(&Event{Type: EvNote, Producer: p.cfg.ID, Text: "the transaction coordinator refused a request for " + txnID +
			" with epoch " + itoa64(int64(epoch)) + ": the current epoch is " + itoa64(int64(p.epoch)) +
			", so the sender is a fenced older instance (PRODUCER_FENCED)"})
		return nil, "PRODUCER_FENCED"
	}
	return t, ""
}

// begin opens the transaction at its first AddPartitionsToTxn or
// AddOffsetsToTxn (state Empty -> Ongoing).
func (s *Sim) begin(t *extTxn) {
	if t.open {
		return
	}
	s.txnSeq++
	*t = extTxn{id: t.id, producer: t.producer, open: true, seq: int32(s.txnSeq), last: t.last, client: t.client}
	s.producers[t.producer].txn = t.seq
	s.txnOngoing(s.producers[t.producer]) // the transaction's clock starts
}

// AddPartitionsToTxn adds partitions to the producer's transaction before
// it writes to them. If one is unknown, none is added and the others get
// OPERATION_NOT_ATTEMPTED, as Kafka answers.
func (s *Sim) AddPartitionsToTxn(broker int, txnID string, pid int64, epoch int16, tps []TopicPartition) []string {
	codes := make([]string, len(tps))
	t, c := s.txnFor(broker, txnID, pid, epoch)
	bad := false
	for i, tp := range tps {
		codes[i] = c
		if _, tt := s.topicByName(tp.Topic); c == "" && (tt == nil || tp.Partition < 0 || tp.Partition >= len(tt.parts)) {
			codes[i], bad = "UNKNOWN_TOPIC_OR_PARTITION", true
		}
	}
	if c != "" || bad {
		for i := range codes {
			if codes[i] == "" {
				codes[i] = "OPERATION_NOT_ATTEMPTED"
			}
		}
		return codes
	}
	s.begin(t)
	if p := s.producers[t.producer]; p.topicIdx < 0 && len(tps) > 0 {
		// Shown under the first topic it writes, as a live producer is.
		p.topicIdx, _ = s.topicByName(tps[0].Topic)
		p.cfg.Topic = tps[0].Topic
	}
	for i, tp := range tps {
		codes[i] = "NONE"
		if !containsTP(t.parts, tp) {
			t.parts = append(t.parts, tp)
		}
	}
	return codes
}

// AddOffsetsToTxn adds the group's offsets to the transaction (Kafka adds
// the group's __consumer_offsets partition, so a marker goes there too).
func (s *Sim) AddOffsetsToTxn(broker int, txnID string, pid int64, epoch int16, group string) string {
	t, c := s.txnFor(broker, txnID, pid, epoch)
	if c != "" {
		return c
	}
	s.begin(t)
	t.group = group
	return "NONE"
}
