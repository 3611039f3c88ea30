package sim

import (
	"iter"
	"unsafe"
)

// chunks is a growable list stored in fixed-size chunks that clones share
// and copy only when written (copy-on-write). A checkpoint of a million-record
// run then costs its table of chunk pointers, not a copy of every record.
//
// Each chunk remembers which list may write it in place (its owner). A clone
// gives both sides fresh owners, so the first write to a shared chunk on
// either side copies that chunk alone.
type chunks[T any] struct {
	table []*chunk[T]
	head  int // items dropped from the front of table[0]
	n     int
	owner *chunkOwner
	// copied counts the bytes of shared chunks copied since the last share:
	// what the clone taken then costs in the end.
	copied int
}

// chunkBits sets the chunk size: 256 items, 16 KB of 64-byte records; a
// checkpoint copies about one chunk per list on its next writes.
const chunkBits = 8

const chunkLen = 1 << chunkBits

type chunk[T any] struct {
	owner *chunkOwner
	items [chunkLen]T
}

// chunkOwner is an identity; it has a size so that two of them never share
// an address.
type chunkOwner struct{ _ byte }

// Len is the number of items.
func (c *chunks[T]) Len() int { return c.n }

// At reads item i; the pointer must not be written through.
func (c *chunks[T]) At(i int) *T {
	i += c.head
	return &c.table[i>>chunkBits].items[i&(chunkLen-1)]
}

// Mut returns item i for writing, copying its chunk first if it is shared.
func (c *chunks[T]) Mut(i int) *T {
	i += c.head
	return &c.own(i >> chunkBits).items[i&(chunkLen-1)]
}

func (c *chunks[T]) own(k int) *chunk[T] {
	if c.owner == nil {
		c.owner = &chunkOwner{}
	}
	ch := c.table[k]
	if ch.owner != c.owner {
		cp := *ch
		cp.owner = c.owner
		c.copied += int(unsafe.Sizeof(cp))
		ch = &cp
		c.table[k] = ch
	}
	return ch
}

// Append adds v at the end and returns its index.
func (c *chunks[T]) Append(v T) int {
	i := c.n
	if (i+c.head)>>chunkBits == len(c.table) {
		if c.owner == nil {
			c.owner = &chunkOwner{}
		}
		c.table = append(c.table, &chunk[T]{owner: c.owner})
	}
	*c.Mut(i) = v
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

// Truncate keeps the first n items. The chunk cut in two stays shared; the
// next append copies it if need be.
func (c *chunks[T]) Truncate(n int) {
	if n >= c.n {
		return
	}
	c.n = n
	keep := (n + c.head + chunkLen - 1) >> chunkBits
	clear(c.table[keep:])
	c.table = c.table[:keep]
	if n == 0 {
		*c = chunks[T]{owner: c.owner}
	}
}

// DropFront forgets the first k items; chunks left empty are let go.
func (c *chunks[T]) DropFront(k int) {
	if k >= c.n {
		*c = chunks[T]{owner: c.owner}
		return
	}
	c.head += k
	c.n -= k
	if whole := c.head >> chunkBits; whole > 0 {
		clear(c.table[:whole])
		c.table = c.table[whole:]
		c.head &= chunkLen - 1
	}
}

// share returns a copy that shares every chunk with c; from now on neither
// side writes a shared chunk in place.
func (c *chunks[T]) share() chunks[T] {
	c.owner = &chunkOwner{}
	c.copied = 0
	return chunks[T]{table: append([]*chunk[T](nil), c.table...), head: c.head, n: c.n, owner: &chunkOwner{}}
}

// tableBytes is what a clone costs up front: its table of chunk pointers.
// The chunks copied afterwards are counted in copied.
func (c *chunks[T]) tableBytes() int { return len(c.table) * 8 }
