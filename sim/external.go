package sim

// Live mode: requests from real Kafka clients, brought to the engine by the
// wire package at the current virtual time. The engine decides every
// answer with the rules the scenarios use; answers that come later (an
// acks=all produce, a JoinGroup waiting for the other members) are put in
// an outbox the caller drains after each step. Every request carries a
// ticket, the caller's own number, so it can match answers to requests.

// ExternalReply is one answer that was decided after its request arrived.
// Exactly one of its pointers is set.
type ExternalReply struct {
	Ticket  int64
	Produce *ProduceResult
	Join    *JoinResult
	Sync    *SyncResult
}

// external is the engine's state for live clients. Its maps are only
// looked up, never iterated, so no map order leaks into a run.
type external struct {
	byPid    map[int64]int32  // producer id -> producer index
	byClient map[string]int32 // client id of a non-idempotent producer -> producer index
	batches  map[extBatchKey]int32
	waiting  map[int32]extWait // batch -> the request waiting for its answer
	nextPid  int64
	groups   []*extGroup
	txns     []*extTxn // transactional.ids, in the order they registered
	out      []ExternalReply
	// headers are live records' headers, by ledger record: the ledger
	// itself keeps key and value only.
	headers map[int32][]RecordHeader
}

// extBatchKey names an idempotent batch: a retry carries the same producer
// id, epoch and first sequence, and is the same records (Kafka's
// ProducerStateManager matches retries the same way).
type extBatchKey struct {
	producer  int32
	topicIdx  int32
	part      int32
	epoch     int32
	firstSeq  int32
	numRecord int32
}

type extWait struct {
	gen    int32
	ticket int64
}

func (s *Sim) ext() *external {
	if s.live == nil {
		s.live = &external{byPid: map[int64]int32{}, byClient: map[string]int32{}, batches: map[extBatchKey]int32{},
			waiting: map[int32]extWait{}, nextPid: 5000, headers: map[int32][]RecordHeader{}}
	}
	return s.live
}

// TakeExternalReplies returns the answers decided since the last call.
func (s *Sim) TakeExternalReplies() []ExternalReply {
	if s.live == nil || len(s.live.out) == 0 {
		return nil
	}
	out := s.live.out
	s.live.out = nil
	return out
}

func (s *Sim) reply(r ExternalReply) { s.ext().out = append(s.ext().out, r) }

// NoteExternal narrates something about a live client the engine did not
// decide (an unsupported request, a client connecting).
func (s *Sim) NoteExternal(text string) { s.emit(&Event{Type: EvNote, Text: text}) }

// externalProducer returns the producer standing for a live client: one per
// producer id for idempotent clients, one per client id otherwise. It is
// shown like a scenario's producer, under the client id it sent.
func (s *Sim) externalProducer(clientID string, pid int64, topicIdx int) *producer {
	x := s.ext()
	if pid >= 0 {
		if i, ok := x.byPid[pid]; ok {
			return s.producers[i]
		}
	} else if i, ok := x.byClient[clientID]; ok {
		return s.producers[i]
	}
	cfg := DefaultProducer(s.uniqueProducerName(clientID), s.topics[topicIdx].cfg.Name)
	cfg.RatePerSec = 0
	cfg.EnableIdempotence = pid >= 0
	p := &producer{cfg: cfg, idx: int32(len(s.producers)), topicIdx: topicIdx, sticky: -1, txn: -1,
		inflight: make([]int, len(s.brokers)), external: true, pid: pid}
	s.producers = append(s.producers, p)
	s.ledger.names = append(s.ledger.names, cfg.ID)
	if pid >= 0 {
		x.byPid[pid] = p.idx
	} else {
		x.byClient[clientID] = p.idx
	}
	s.emit(&Event{Type: EvNote, Producer: cfg.ID, Text: "live client " + clientID + " started producing as " + cfg.ID +
		idText(pid)})
	return p
}

func idText(pid int64) string {
	if pid < 0 {
		return " (not idempotent: the ledger follows its records by send order)"
	}
	return " (idempotent, producer id " + itoa64(pid) + ": the ledger follows its records by sequence number)"
}

func (s *Sim) uniqueProducerName(clientID string) string {
	if clientID == "" {
		clientID = "client"
	}
	name := clientID
	for n := 2; s.producerByID(name) != nil; n++ {
		name = clientID + "-" + itoa64(int64(n))
	}
	return name
}

// InitProducerID answers InitProducerId for an idempotent producer: a new
// producer id at epoch 0, or, when the client names its current id and
// epoch (KIP-360), the same id with the epoch bumped so its sequences
// start again at 0.
func (s *Sim) InitProducerID(clientID string, pid int64, epoch int16) (int64, int16) {
	x := s.ext()
	if pid >= 0 {
		if i, ok := x.byPid[pid]; ok {
			p := s.producers[i]
			p.epoch++
			s.emit(&Event{Type: EvNote, Producer: p.cfg.ID, Text: p.cfg.ID + " asked InitProducerId to bump its epoch to " +
				itoa64(int64(p.epoch)) + " (KIP-360): its sequence numbers start again at 0"})
			return pid, int16(p.epoch)
		}
	}
	x.nextPid++
	return x.nextPid, 0
}

func itoa64(n int64) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
