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

// A shared batch list: a write on either side after share copies that
// chunk alone and is unseen by the other; appends land on one side only.
// Batches are large items, so their chunks are a quarter of the usual length.
func TestBatchListShareCopiesOnWrite(t *testing.T) {
	var a chunks[batch]
	n := a.length()
	if n != chunkLen/4 {
		t.Fatalf("a batch chunk holds %d batches, want %d", n, chunkLen/4)
	}
	for i := range n + 3 {
		a.Append(batch{count: int32(i)})
	}
	b := a.share()
	a.Mut(5).count = -1
	b.Mut(n + 1).count = -2
	a.Append(batch{count: -3})
	if b.At(5).count != 5 || a.At(n+1).count != int32(n+1) || b.Len() != n+3 {
		t.Fatalf("a write on one side showed through on the other")
	}
	if a.At(5).count != -1 || b.At(n+1).count != -2 || a.At(a.Len()-1).count != -3 {
		t.Fatalf("a side lost its own write")
	}
	// Each copy allocates a whole chunk (chunks.copied).
	if want := 2 * n * int(unsafe.Sizeof(batch{})); a.copied != want {
		t.Fatalf("a copied %d bytes, want its two chunks: %d", a.copied, want)
	}
}

// Batches open across many checkpoints: records of three partitions
// interleave (linger.ms=50, four keys), so a batch's records are not
// consecutive ids and its links are written after clones share them. A run
// cloned every 13 ms, each step taken by both sides and continued by either
// in turn, ends where the run without clones does.
func TestBatchLinksSurviveClones(t *testing.T) {
	c := basicConfig(7)
	c.Producers[0].RatePerSec, c.Producers[0].Count, c.Producers[0].LingerMs = 500, 3000, 50
	want := mustNew(t, c)
	want.RunUntil(8000)
	s := mustNew(t, c)
	for at, i := int64(13), 0; at <= 8000; at, i = at+13, i+1 {
		clone := s.Clone()
		s.RunUntil(at)
		clone.RunUntil(at)
		if s.Digest() != clone.Digest() {
			t.Fatalf("at %d ms the clone and the original differ", at)
		}
		if i%2 == 1 {
			s = clone
		}
	}
	s.RunUntil(8000)
	if s.Digest() != want.Digest() {
		t.Fatalf("the cloned run ends at %s, the plain run at %s", s.Digest(), want.Digest())
	}
	interleaved := 0
	for i := range s.batches.Len() {
		if b := s.batches.At(i); b.count > 1 && b.lastRec-b.firstRec+1 != b.count {
			interleaved++
		}
	}
	if interleaved == 0 {
		t.Fatal("no batch held records of non-consecutive ids: the links were not exercised")
	}
	if err := checkInvariants(s); err != nil {
		t.Fatal(err)
	}
}
