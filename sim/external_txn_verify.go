package sim

// Server-side transaction verification (KIP-890 part 1, Kafka 3.6+,
// transaction.partition.verification.enable=true by default). Before the
// leader appends a producer's first transactional batch to a partition, it
// asks the transaction coordinator whether that partition was added to the
// open transaction (ReplicaManager.appendRecordsWithTransactionVerification,
// UnifiedLog.maybeStartTransactionVerification,
// AddPartitionsToTxnManager.verifyTransaction,
// TransactionCoordinator.handleVerifyPartitionsInTransaction). A batch the
// coordinator knows nothing of is refused instead of being written as a
// "hanging" transaction that no marker will ever close, which would hold
// the last stable offset, and every read_committed reader, back for good.

// verifyTxnProduce answers "" when the batch may be appended, or the
// error the leader returns without writing it.
func (s *Sim) verifyTxnProduce(req ExternalProduce, pt *partition) string {
	if !req.Transactional || req.ProducerID < 0 || pt.leader != req.Broker || !s.brokerUp(req.Broker) {
		return "" // not a transactional batch, or the leader check refuses it first
	}
	x := s.ext()
	pi, known := x.byPid[req.ProducerID]
	if known {
		for _, o := range pt.openTxns {
			if o.producer == pi {
				return "" // an ongoing transaction here: verified at its first batch
			}
		}
	}
	var t *extTxn
	if known {
		for _, tt := range x.txns {
			if tt.producer == pi {
				t = tt
			}
		}
	}
	id := req.TransactionalID
	if id == "" && t != nil {
		id = t.id
	}
	var err, why string
	switch c := s.GroupCoordinator(id); {
	case c == 0 || !s.brokerUp(c):
		// A coordinator that cannot answer is turned into a retriable
		// error older clients retry without a metadata refresh.
		err, why = "NOT_ENOUGH_REPLICAS", "its transaction coordinator could not be reached to verify the transaction"
	case t == nil || t.id != id:
		err, why = "INVALID_PRODUCER_ID_MAPPING", "no transactional.id has that producer id"
	case int32(req.ProducerEpoch) != s.producers[t.producer].epoch:
		// PRODUCER_FENCED from the coordinator reaches the producer as
		// INVALID_PRODUCER_EPOCH (AddPartitionsToTxnManager).
		err, why = "INVALID_PRODUCER_EPOCH", "it carries an old producer epoch: the producer was fenced"
	case !t.open || !containsTP(t.parts, TopicPartition{Topic: req.Topic, Partition: req.Partition}):
		// TRANSACTION_ABORTABLE from the coordinator; Produce before v11
		// gets INVALID_TXN_STATE.
		err, why = "INVALID_TXN_STATE", "the partition was never added to the transaction (AddPartitionsToTxn), so "+
			"writing it would leave a hanging transaction no marker closes, holding back read_committed readers"
	default:
		return ""
	}
	name := req.ClientID
	if known {
		name = s.producers[pi].cfg.ID
	}
	s.emit(&Event{Type: EvNote, Producer: name, Topic: req.Topic, Partition: req.Partition, Broker: req.Broker, Err: err,
		Text: "leader broker " + itoa64(int64(req.Broker)) + " refused " + name + "'s transactional batch for " + req.Topic + "-" +
			itoa64(int64(req.Partition)) + " with " + err + ": " + why + " (KIP-890 transaction verification)"})
	return err
}
