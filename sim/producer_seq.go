package sim

import "sort"

// Sequence numbers and retry order: what keeps an idempotent producer's
// records in order and written once. Modelled on the Java client's
// TransactionManager: a batch keeps the sequence numbers it was first sent
// with; when a sent batch fails for good the partition's sequence is
// "unresolved" and no new batch goes out until every sent batch has an
// answer; then, unless the acks reached the next sequence anyway, the
// producer bumps its epoch and the partition starts again at sequence 0.

// seqState is the idempotence bookkeeping of one partition.
type seqState struct {
	nextSeq   int32 // the sequence number of the next record
	seqEpoch  int32 // the producer epoch nextSeq belongs to
	ackedUpTo int32 // one past the last acknowledged sequence (0 = none)
	// unresolved: a sent batch failed; new batches wait until every sent
	// batch of the partition is answered (markSequenceUnresolved).
	unresolved bool
}

func (p *producer) idempotent() bool { return p.cfg.EnableIdempotence || p.cfg.TransactionalID != "" }

// numberBatch gives a batch the partition's next sequence numbers, in the
// producer's current epoch.
func (s *Sim) numberBatch(p *producer, bi int32) {
	s.numberBatchOnly(p, bi)
	s.renumberRecords(s.batches.At(int(bi)))
}

// numberBatchOnly numbers a batch that was never numbered, so none of its
// records has landed: the ledger learns their numbers as they land
// (appendBatch), from the request, which carries the batch's. Only the
// landing reads them; a pass over the records now would cost a cache miss
// each on a topic of many partitions, whose records lie far apart.
func (s *Sim) numberBatchOnly(p *producer, bi int32) {
	b := s.batches.Mut(int(bi))
	pp := &p.parts[b.part]
	if pp.seqEpoch != p.epoch {
		// maybeUpdateProducerIdAndEpoch: a partition whose sequences belong
		// to an older epoch starts at 0 once nothing of it is in flight.
		pp.seqEpoch, pp.nextSeq, pp.ackedUpTo = p.epoch, 0, 0
	}
	b.firstSeq = pp.nextSeq
	b.epoch = int16(p.epoch)
	pp.nextSeq += b.count
}

// renumberRecords gives b's records its sequence numbers in the ledger: a
// record that already landed is read with its new number from now on.
func (s *Sim) renumberRecords(b *batch) {
	i := int32(0)
	landed := false
	for r := range s.batchRecs(b) {
		s.ledger.numbered(r, b.firstSeq+i, b.epoch)
		i++
		landed = landed || s.ledger.fate(r).offset >= 0
	}
	if landed {
		s.ledger.forgetRecent() // its cached sequences are stale
	}
}

// mayDrainNew reports whether a batch without sequence numbers yet may be
// sent to the partition (RecordAccumulator.shouldStopDrainBatchesForPartition).
func (s *Sim) mayDrainNew(p *producer, part int) bool {
	pp := &p.parts[part]
	if !p.idempotent() {
		return true
	}
	if pp.unresolved {
		return false
	}
	return pp.seqEpoch == p.epoch || !s.hasSentBatches(p, part)
}

// hasSentBatches: a batch of the partition has sequence numbers and no
// final answer yet (in flight, or waiting to be retried).
func (s *Sim) hasSentBatches(p *producer, part int) bool {
	pp := &p.parts[part]
	if pp.inFlight > 0 {
		return true
	}
	for _, bi := range pp.queue {
		if s.batches.At(int(bi)).firstSeq >= 0 {
			return true
		}
	}
	return false
}

// noteBatchOutcome keeps the sequence bookkeeping when a batch is acked or
// fails for good (handleCompletedBatch / handleFailedBatch).
func (s *Sim) noteBatchOutcome(p *producer, b *batch, ok bool) {
	if !p.idempotent() || b.firstSeq < 0 {
		return
	}
	pp := &p.parts[b.part]
	last := b.firstSeq + b.count
	switch {
	case ok && int32(b.epoch) == pp.seqEpoch:
		pp.ackedUpTo = max(pp.ackedUpTo, last)
	case !ok && int32(b.epoch) == pp.seqEpoch && p.cfg.TransactionalID == "":
		pp.unresolved = true
	}
	s.maybeResolveSequences(p, int(b.part))
}

// maybeResolveSequences: once every sent batch of an unresolved partition
// has its answer, either the acks reached the next sequence (a later batch
// got through) or the producer bumps its epoch and starts the partition
// at sequence 0 (TransactionManager.maybeResolveSequences).
func (s *Sim) maybeResolveSequences(p *producer, part int) {
	pp := &p.parts[part]
	if !pp.unresolved || s.hasSentBatches(p, part) {
		return
	}
	pp.unresolved = false
	if pp.ackedUpTo == pp.nextSeq {
		return
	}
	s.bumpEpoch(p, part, pp.nextSeq, "")
}

// bumpEpoch is bumpIdempotentProducerEpoch: a new epoch, and the partition
// that asked for it numbers from 0 again.
func (s *Sim) bumpEpoch(p *producer, part int, wasNext int32, why string) {
	p.epoch++
	pp := &p.parts[part]
	pp.seqEpoch, pp.nextSeq, pp.ackedUpTo = p.epoch, 0, 0
	s.emit(&Event{Type: EvEpochBumped, Producer: p.cfg.ID, Topic: s.topics[p.topicIdx].cfg.Name, Partition: part,
		Epoch: int(p.epoch), FirstSeq: wasNext, Text: why})
}

// outOfOrderIsGap decides an OUT_OF_ORDER_SEQUENCE_NUMBER retry
// (TransactionManager.canRetry): a batch that is not the next one after
// the last ack just waits for the batches before it; the next one means
// the leader's log lost records the producer had sent (a truncation), so
// the producer bumps its epoch and numbers the partition's unanswered
// batches from 0 (startSequencesAtBeginning).
func (s *Sim) outOfOrderIsGap(p *producer, b *batch) bool {
	pp := &p.parts[b.part]
	if int32(b.epoch) != pp.seqEpoch || (!pp.unresolved && b.firstSeq != pp.ackedUpTo) {
		return false
	}
	part := b.part
	s.bumpEpoch(p, int(part), pp.ackedUpTo, "gap")
	var sent []int32
	for i := s.liveBatchesFrom(); i < s.batches.Len(); i++ {
		x := s.batches.At(i)
		if int32(x.producer) == p.idx && x.part == part && x.state != batchDone && x.firstSeq >= 0 {
			sent = append(sent, int32(i))
		}
	}
	sort.Slice(sent, func(i, j int) bool { return s.batches.At(int(sent[i])).firstSeq < s.batches.At(int(sent[j])).firstSeq })
	for _, bi := range sent {
		s.numberBatch(p, bi)
	}
	return true
}

// requeue puts a batch back for a retry. Like the Java client, a plain
// producer puts it at the front (so, with several requests in flight, it can
// overtake later batches: reordering), while an idempotent one slots it in
// by sequence number so the partition's order holds.
func (s *Sim) requeue(p *producer, bi int32) {
	pp := &p.parts[s.batches.At(int(bi)).part]
	at := 0
	if seq := s.batches.At(int(bi)).firstSeq; seq >= 0 {
		for at < len(pp.queue) && s.batches.At(int(pp.queue[at])).firstSeq >= 0 && s.batches.At(int(pp.queue[at])).firstSeq < seq {
			at++
		}
	}
	pp.queue = append(pp.queue, 0)
	copy(pp.queue[at+1:], pp.queue[at:])
	pp.queue[at] = bi
	s.fileQueued(p, int(s.batches.At(int(bi)).part))
}

// retryBackoffMs is KIP-580's exponential backoff: retry.backoff.ms
// doubled per attempt, at most retry.backoff.max.ms, with ±20% jitter
// (ExponentialBackoff with multiplier 2, jitter 0.2). The jitter comes from
// a hash of the seed, producer, batch and attempt: deterministic.
func (s *Sim) retryBackoffMs(p *producer, bi int32) int64 {
	base, most := p.cfg.RetryBackoffMs, p.cfg.RetryBackoffMaxMs
	if most <= 0 || most <= base {
		return base
	}
	term := base
	for i := int32(1); i < s.batches.At(int(bi)).attempts && term < most; i++ {
		term *= 2
	}
	term = min(term, most)
	h := splitmix64(s.cfg.Seed ^ uint64(p.idx)<<40 ^ uint64(bi)<<8 ^ uint64(s.batches.At(int(bi)).attempts))
	permille := 800 + int64(h%400) // [0.8, 1.2)
	return min(term*permille/1000, most)
}

func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// defaultDeliveryTimeoutMs is delivery.timeout.ms's default (2 minutes).
const defaultDeliveryTimeoutMs = 120000

// checkDeliveryTimeout is KafkaProducer.configureDeliveryTimeout: a
// delivery.timeout.ms below linger.ms + request.timeout.ms is refused with
// the client's ConfigException; left at its default, it is raised to the sum.
func checkDeliveryTimeout(p *ProducerConfig) error {
	least := p.LingerMs + p.RequestTimeoutMs
	if p.DeliveryTimeoutMs >= least {
		return nil
	}
	if p.DeliveryTimeoutMs == defaultDeliveryTimeoutMs {
		p.DeliveryTimeoutMs = least
		return nil
	}
	return &ConfigError{"producer " + p.ID, "delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms"}
}
