package sim

// A batch once done (acknowledged or failed for good) is never live again,
// so the scans that look for unfinished batches (in-flight counts, the
// producer view of every snapshot, a crash, a broken connection) start
// past the done ones at the front of the run's list. Walking every batch
// ever made, a snapshot on a long run cost more each frame.

// liveBatchesFrom is the index of the first batch that may not be done:
// every batch before it is.
func (s *Sim) liveBatchesFrom() int {
	for s.liveFrom < s.batches.Len() && s.batches.At(s.liveFrom).state == batchDone {
		s.liveFrom++
	}
	return s.liveFrom
}
