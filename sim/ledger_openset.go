package sim

import (
	"math/bits"
	"slices"
)

// openSet is a set of record ids kept as one bit per id from its lowest
// member on: the records a group has not processed yet cost an eighth of
// a byte each rather than four, however far behind the group runs (a
// million records behind was 4 MB, and twice that while a count built
// the next list beside the last). Ids are added in increasing order, as
// a walk of the ledger meets them, and leave anywhere.
type openSet struct {
	base  int32    // the id of words[0]'s lowest bit, a multiple of 64
	words []uint64 // bit b of words[i]: id base+64i+b is in the set
	n     int      // members
}

// Len is the number of members.
func (o *openSet) Len() int { return o.n }

// bytes is what the set's words take.
func (o *openSet) bytes() int { return 8 * len(o.words) }

// add puts id in the set; id is above every member.
func (o *openSet) add(id int32) {
	if o.n == 0 {
		o.base, o.words = id&^63, o.words[:0]
	}
	i := int(id-o.base) >> 6
	for len(o.words) <= i {
		o.words = append(o.words, 0)
	}
	o.words[i] |= 1 << (uint(id-o.base) & 63)
	o.n++
}

// keepIf calls keep with each member in increasing order and removes
// those it returns false for. The words are written in place: a set a
// clone shares must be made its own first (own).
func (o *openSet) keepIf(keep func(id int32) bool) {
	for i, w := range o.words {
		for rest := w; rest != 0; rest &= rest - 1 {
			b := bits.TrailingZeros64(rest)
			if !keep(o.base + int32(64*i+b)) {
				w &^= 1 << uint(b)
				o.n--
			}
		}
		o.words[i] = w
	}
	// Drop the words below the lowest member left, so the set spans only
	// from it on.
	lead := 0
	for lead < len(o.words) && o.words[lead] == 0 {
		lead++
	}
	if lead == len(o.words) {
		o.words, o.n = o.words[:0], 0
		return
	}
	o.base += int32(64 * lead)
	o.words = o.words[lead:]
}

// own gives the set words of its own, after a clone shared them.
func (o *openSet) own() { o.words = slices.Clone(o.words) }

// share is a copy of the set that reads the same words; neither may
// write them until it has called own (an add past their length writes a
// new array: the capacity is cut to the length).
func (o *openSet) share() openSet {
	return openSet{base: o.base, words: o.words[:len(o.words):len(o.words)], n: o.n}
}
