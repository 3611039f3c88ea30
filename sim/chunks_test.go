package sim

import "testing"

// A clone shares the chunks and neither side sees the other's writes,
// appends, truncations or drops from the front.
func TestChunksCopyOnWrite(t *testing.T) {
	var a chunks[int]
	for i := range 3*chunkLen + 5 {
		a.Append(i)
	}
	b := a.share()
	*a.Mut(7) = -7
	a.Append(-1)
	b.Truncate(chunkLen + 1)
	b.Append(-2) // lands where a still holds item chunkLen+1
	a.DropFront(chunkLen + 3)

	if got := *b.At(7); got != 7 {
		t.Fatalf("the clone saw a write: item 7 is %d", got)
	}
	if got := *a.At(0); got != chunkLen+3 {
		t.Fatalf("after dropping %d items, a starts at %d", chunkLen+3, got)
	}
	if got := *a.At(chunkLen); got != 2*chunkLen+3 {
		t.Fatalf("after the drop, a's item %d is %d, want %d", chunkLen, got, 2*chunkLen+3)
	}
	if got, want := a.Len(), 3*chunkLen+5+1-(chunkLen+3); got != want {
		t.Fatalf("a has %d items, want %d", got, want)
	}
	if got := *a.At(a.Len() - 1); got != -1 {
		t.Fatalf("a's last item is %d, want its own append -1", got)
	}
	if b.Len() != chunkLen+2 || *b.At(chunkLen + 1) != -2 || *b.At(chunkLen) != chunkLen {
		t.Fatalf("the clone after truncate and append: len %d, items %d %d", b.Len(), *b.At(chunkLen), *b.At(chunkLen + 1))
	}
	c := b.share()
	c.Append(-3)
	if b.Len() != chunkLen+2 {
		t.Fatalf("an append to a clone of a clone changed the original: len %d", b.Len())
	}
}

// The checkpoint budget counts what copying a shared chunk allocates: a
// whole chunk, however few items the shared one held.
func TestChunksCountWholeCopiedChunks(t *testing.T) {
	var a chunks[int64]
	for i := range chunkLen + 3 {
		a.Append(int64(i))
	}
	a.share()
	a.Append(-1) // copies the last chunk, which held 3 items
	if want := chunkLen * 8; a.copied != want {
		t.Fatalf("an append to a shared chunk of 3 items counts %d bytes copied, want %d", a.copied, want)
	}
	a.share()
	*a.Mut(0) = -2
	*a.Mut(1) = -3 // the chunk is this list's own by now: no second copy
	if want := chunkLen * 8; a.copied != want {
		t.Fatalf("writes to a shared full chunk count %d bytes copied, want %d", a.copied, want)
	}
}

// A list shared for a checkpoint with shareTail keeps appending into its
// last chunk without copying it, and neither side sees the other's appends
// or truncations.
func TestChunksShareTailAppendsInPlace(t *testing.T) {
	var a chunks[int]
	for i := range chunkLen + 5 {
		a.Append(i)
	}
	b := a.shareTail()
	last := &a.table[1][0]
	a.Append(-1)
	if &a.table[1][0] != last || a.copied != 0 {
		t.Fatalf("the run copied its last chunk after a checkpoint (%d bytes)", a.copied)
	}
	b.Append(-2) // the checkpoint's append lands in an array of its own
	if *a.At(chunkLen + 5) != -1 || *b.At(chunkLen + 5) != -2 {
		t.Fatalf("the two sides' appends mixed: run %d, checkpoint %d", *a.At(chunkLen + 5), *b.At(chunkLen + 5))
	}
	a.Truncate(chunkLen + 2)
	a.Append(-3) // must not write where the checkpoint still holds item chunkLen+2
	if *b.At(chunkLen + 2) != chunkLen+2 || b.Len() != chunkLen+6 {
		t.Fatalf("the checkpoint saw the run's truncation: item %d, len %d", *b.At(chunkLen + 2), b.Len())
	}
}

// Grow adds zero items a chunk at a time, and leaves a clone's items alone
// when the last chunk is shared or was cut by a truncation.
func TestChunksGrowAddsZeros(t *testing.T) {
	var a chunks[int]
	for i := range chunkLen + 3 {
		a.Append(i + 1)
	}
	b := a.share()
	a.Grow(3*chunkLen + 1)
	b.Truncate(5)
	b.Grow(9)
	if a.Len() != 3*chunkLen+1 || b.Len() != 9 {
		t.Fatalf("lengths %d and %d, want %d and 9", a.Len(), b.Len(), 3*chunkLen+1)
	}
	for i := range a.Len() {
		want := 0
		if i < chunkLen+3 {
			want = i + 1
		}
		if *a.At(i) != want {
			t.Fatalf("a's item %d is %d, want %d", i, *a.At(i), want)
		}
	}
	for i := range 9 {
		want := 0
		if i < 5 {
			want = i + 1
		}
		if *b.At(i) != want {
			t.Fatalf("the clone's item %d is %d, want %d", i, *b.At(i), want)
		}
	}
}
