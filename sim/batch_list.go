package sim

import "unsafe"

// batchList holds every batch of a run. Like chunks it is shared between
// checkpoints and copied chunk by chunk when written, but its chunks are
// 1024 batches (72 KB), not 4096: the batches still being written are the
// newest few, so the first write after each checkpoint copies the chunk
// they sit in, and a run checkpointed every two virtual seconds copied a
// whole 4096-batch chunk each time.
type batchList struct {
	table [][]batch // table[k] holds batches k<<batchChunkBits onwards
	owned []bool    // owned[k]: table[k]'s array is this list's alone
	n     int
	// copied counts the bytes of shared chunks copied since the last
	// share, as chunks.copied does.
	copied int
}

const (
	batchChunkBits = 10
	batchChunkLen  = 1 << batchChunkBits
)

// Len is the number of batches.
func (l *batchList) Len() int { return l.n }

// At reads batch i; the pointer must not be written through.
func (l *batchList) At(i int) *batch { return &l.table[i>>batchChunkBits][i&(batchChunkLen-1)] }

// Mut returns batch i for writing, copying its chunk first if it is shared.
func (l *batchList) Mut(i int) *batch {
	k := i >> batchChunkBits
	if !l.owned[k] {
		l.own(k, cap(l.table[k]))
	}
	return &l.table[k][i&(batchChunkLen-1)]
}

// own gives chunk k an array of its own with room for capacity batches.
func (l *batchList) own(k, capacity int) {
	old := l.table[k]
	ch := make([]batch, len(old), capacity)
	copy(ch, old)
	if !l.owned[k] {
		l.copied += len(old) * int(unsafe.Sizeof(batch{}))
	}
	l.table[k], l.owned[k] = ch, true
}

// Append adds b at the end and returns its index. The first chunk grows by
// doubling (a run with ten batches does not take a whole chunk); later
// ones are made whole.
func (l *batchList) Append(b batch) int {
	i := l.n
	k := i >> batchChunkBits
	if k == len(l.table) {
		l.table = append(l.table, nil)
		l.owned = append(l.owned, true)
	}
	if ch := l.table[k]; !l.owned[k] || len(ch) == cap(ch) {
		grown := batchChunkLen
		if k == 0 {
			grown = min(max(2*cap(ch), 8), batchChunkLen)
		}
		l.own(k, grown)
	}
	l.table[k] = append(l.table[k], b)
	l.n++
	return i
}

// share returns a copy that shares every chunk with l; from now on neither
// side writes a shared chunk in place.
func (l *batchList) share() batchList {
	clear(l.owned)
	l.copied = 0
	return batchList{table: append([][]batch(nil), l.table...), owned: make([]bool, len(l.table)), n: l.n}
}

// tableBytes is what a clone costs up front: its chunk table and flags.
func (l *batchList) tableBytes() int { return len(l.table) * 9 }
