package sim

// unsettledRecords counts, per producer index, the records the producer
// still holds in a batch it has not settled: open, queued, backing off or
// awaiting a response. It is counted from the batches, not derived from
// sent - acked - failed, so the ledger can check that the three agree.
func (s *Sim) unsettledRecords() []int {
	out := make([]int, len(s.producers))
	for i := s.liveBatchesFrom(); i < s.batches.Len(); i++ {
		if b := s.batches.At(i); b.state != batchDone {
			out[b.producer] += int(b.count)
		}
	}
	return out
}
