package sim

import "iter"

// A batch's records are threaded through one list shared by all batches:
// batchNext[r] is the record after r in its batch. A batch then costs no
// allocation of its own (most hold one record at linger.ms=0), and a record
// costs 4 bytes, as it did in a per-batch slice. Records join batches in
// send order; an open batch's last link is written when the next record
// comes, so clones share the list copy-on-write (chunks.share).

// linkBatchRec appends rec to b's records.
func (s *Sim) linkBatchRec(b *batch, rec int32) {
	for s.batchNext.Len() <= int(rec) {
		s.batchNext.Append(-1)
	}
	if b.count == 0 {
		b.firstRec = rec
	} else {
		*s.batchNext.Mut(int(b.lastRec)) = rec
	}
	b.lastRec = rec
	b.count++
}

// batchRecs yields b's records in the order they were added. It reads b
// once, so b may be written while it runs.
func (s *Sim) batchRecs(b *batch) iter.Seq[int32] {
	first, n := b.firstRec, b.count
	return func(yield func(int32) bool) {
		r := first
		for i := int32(0); i < n; i++ {
			if i > 0 {
				r = *s.batchNext.At(int(r))
			}
			if !yield(r) {
				return
			}
		}
	}
}
