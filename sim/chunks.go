package sim

import (
	"iter"
	"unsafe"
)

// chunks is a growable list stored in fixed-size chunks that clones share
// and copy only when written (copy-on-write). A checkpoint of a million-record
// run then costs its table of chunk pointers, not a copy of every record.
//
// Each list knows which of its chunks are its own to write in place; a clone
// marks every chunk shared on both sides, so the first write to a shared
// chunk on either side copies that chunk alone.
type chunks[T any] struct {
	// table[k] holds items k<<bits() onwards: length() of them, except
	// the last chunk, which grows to length() by doubling (a list of ten
	// items does not take a whole chunk).
	table [][]T
	owned []bool // owned[k]: table[k]'s array is this list's alone
	head  int    // items dropped from the front of table[0]
	n     int
	// copied counts the bytes allocated to copy shared chunks since the
	// last share: what the clone taken then costs in the end. A copy takes
	// the whole new chunk, however few items the old one held.
	copied int
}

// chunkBits sets the chunk size of items up to 32 bytes: 4096 items, 80 KB
// of 20-byte records.
// Smaller chunks make a checkpoint's copies smaller but every access and
// allocation dearer.
const chunkBits = 12

// chunkLen is a whole chunk of such items.
const chunkLen = 1 << chunkBits

// bits is log2 of the chunk length for T: chunkBits, or a quarter of the
// length for items over 32 bytes (a producer batch), so the chunk a
// checkpoint's next write copies stays under about 100 KB. The size of a
// type parameter is fixed per instantiation: this folds to a constant.
func (c *chunks[T]) bits() int {
	var zero T
	if unsafe.Sizeof(zero) > 32 {
		return chunkBits - 2
	}
	return chunkBits
}

// length is how many items a whole chunk holds.
func (c *chunks[T]) length() int { return 1 << c.bits() }

// Len is the number of items.
func (c *chunks[T]) Len() int { return c.n }

// At reads item i; the pointer must not be written through.
func (c *chunks[T]) At(i int) *T {
	i += c.head
	return &c.table[i>>c.bits()][i&(c.length()-1)]
}

// Mut returns item i for writing, copying its chunk first if it is shared.
func (c *chunks[T]) Mut(i int) *T {
	i += c.head
	k := i >> c.bits()
	if !c.owned[k] {
		c.copyChunk(k, cap(c.table[k]))
	}
	return &c.table[k][i&(c.length()-1)]
}

// copyChunk gives chunk k an array of its own with room for capacity items.
func (c *chunks[T]) copyChunk(k, capacity int) {
	old := c.table[k]
	ch := make([]T, len(old), capacity)
	copy(ch, old)
	if !c.owned[k] {
		var zero T
		c.copied += capacity * int(unsafe.Sizeof(zero))
	}
	c.table[k], c.owned[k] = ch, true
}

// Append adds v at the end and returns its index.
func (c *chunks[T]) Append(v T) int {
	i := c.n
	k := (i + c.head) >> c.bits()
	if k == len(c.table) {
		// Only the first chunk starts small: a list that filled one will
		// fill the next, and doubling up to it would copy it twice over.
		first := 8
		if k > 0 {
			first = c.length()
		}
		c.table = append(c.table, make([]T, 0, first))
		c.owned = append(c.owned, true)
	}
	if ch := c.table[k]; !c.owned[k] || len(ch) == cap(ch) {
		grown := c.length() // past its first chunk a list fills whole chunks
		if k == 0 && c.head == 0 {
			// Four times as large: a topic of many partitions has as many
			// logs growing their first chunk, and each growth copies it.
			grown = min(max(4*cap(ch), 8), c.length())
		}
		c.copyChunk(k, grown)
	}
	c.table[k] = append(c.table[k], v)
	c.n++
	return i
}

// All yields the items from index from on, in order.
func (c *chunks[T]) All(from int) iter.Seq2[int, T] { return c.Range(from, c.n) }

// Range yields the items with index in [from, to), in order.
func (c *chunks[T]) Range(from, to int) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i := from; i < to; i++ {
			if !yield(i, *c.At(i)) {
				return
			}
		}
	}
}

// span is the items from index i on that lie in one chunk, at most to-i
// of them: a loop over a long list takes it a chunk at a time.
func (c *chunks[T]) span(i, to int) []T {
	j := i + c.head
	ch := c.table[j>>c.bits()][j&(c.length()-1):]
	return ch[:min(len(ch), to-i)]
}

// Truncate keeps the first n items. The chunk cut in two stays shared; the
// next append copies it if need be.
func (c *chunks[T]) Truncate(n int) {
	if n >= c.n {
		return
	}
	c.n = n
	keep := (n + c.head + c.length() - 1) >> c.bits()
	clear(c.table[keep:])
	c.table, c.owned = c.table[:keep], c.owned[:keep]
	if keep > 0 {
		// The cut chunk keeps its array; the next append copies it, as a
		// clone may still see the items past the cut.
		m := (n+c.head-1)&(c.length()-1) + 1
		c.table[keep-1] = c.table[keep-1][:m:m]
	}
	if n == 0 {
		*c = chunks[T]{copied: c.copied}
	}
}

// DropFront forgets the first k items; chunks left empty are let go.
func (c *chunks[T]) DropFront(k int) {
	if k >= c.n {
		*c = chunks[T]{copied: c.copied}
		return
	}
	c.head += k
	c.n -= k
	if whole := c.head >> c.bits(); whole > 0 {
		clear(c.table[:whole])
		c.table, c.owned = c.table[whole:], c.owned[whole:]
		c.head &= c.length() - 1
	}
}

// share returns a copy that shares every chunk with c; from now on neither
// side writes a shared chunk in place.
func (c *chunks[T]) share() chunks[T] {
	clear(c.owned)
	c.copied = 0
	return chunks[T]{table: append([][]T(nil), c.table...), owned: make([]bool, len(c.table)),
		head: c.head, n: c.n}
}

// shareTail is share for a list whose items are never written once
// appended (only appended, truncated or dropped from the front, as a
// replica's log is). The copy sees the last chunk through a capped slice, so
// this side keeps appending in place past what the copy sees instead of
// copying that chunk after every checkpoint; the copy's first append copies
// it. Full chunks are never written again by either side.
func (c *chunks[T]) shareTail() chunks[T] {
	c.copied = 0
	d := chunks[T]{table: append([][]T(nil), c.table...), owned: make([]bool, len(c.table)),
		head: c.head, n: c.n}
	if k := len(d.table) - 1; k >= 0 {
		d.table[k] = d.table[k][:len(d.table[k]):len(d.table[k])]
	}
	return d
}

// itemBytes is what the items take.
func (c *chunks[T]) itemBytes() int {
	var zero T
	return c.n * int(unsafe.Sizeof(zero))
}

// tableBytes is what a clone costs up front: its table of chunk pointers.
// The chunks copied afterwards are counted in copied.
func (c *chunks[T]) tableBytes() int { return len(c.table) * 8 }

// Grow appends zero items until the list holds n, a chunk's worth at a time
// where the last chunk has room.
func (c *chunks[T]) Grow(n int) {
	for c.n < n {
		k := (c.n + c.head) >> c.bits()
		if k == len(c.table) || !c.owned[k] || len(c.table[k]) == cap(c.table[k]) {
			var zero T
			c.Append(zero) // a new chunk, a copy of a shared one, or a doubling
			continue
		}
		ch := c.table[k]
		add := min(cap(ch)-len(ch), n-c.n)
		c.table[k] = ch[:len(ch)+add]
		clear(c.table[k][len(ch):])
		c.n += add
	}
}
