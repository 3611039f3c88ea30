package sim

import (
	"slices"
	"testing"
	"unsafe"
)

// Every batch of a run is kept: at linger.ms=0 a batch per record, so the
// entry must stay within 72 bytes and hold no slice (see batch).
func TestBatchSize(t *testing.T) {
	if n := unsafe.Sizeof(batch{}); n > 72 {
		t.Fatalf("batch is %d bytes, want at most 72", n)
	}
}

// A clone taken while a batch is open shares the record links; each side's
// next record joins its own copy of the batch, unseen by the other.
func TestClonedOpenBatchKeepsItsRecords(t *testing.T) {
	var s Sim
	s.batches.Append(batch{})
	s.linkBatchRec(s.batches.Mut(0), 0)
	c := Sim{batches: s.batches.share(), batchNext: s.batchNext.share()}
	s.linkBatchRec(s.batches.Mut(0), 1)
	c.linkBatchRec(c.batches.Mut(0), 2)
	s.linkBatchRec(s.batches.Mut(0), 3)
	if got := slices.Collect(s.batchRecs(s.batches.At(0))); !slices.Equal(got, []int32{0, 1, 3}) {
		t.Fatalf("original batch holds %v, want [0 1 3]", got)
	}
	if got := slices.Collect(c.batchRecs(c.batches.At(0))); !slices.Equal(got, []int32{0, 2}) {
		t.Fatalf("cloned batch holds %v, want [0 2]", got)
	}
}
