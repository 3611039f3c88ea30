package sim

import "math/bits"

// partSet is a set of partition numbers, walked in ascending order. The
// producer keeps one of the partitions that may have a batch to close and
// one of those that may have batches to send, so the accumulator and the
// Sender visit those partitions only, as Kafka's RecordAccumulator.ready
// and drain walk the batches there are rather than every partition.
type partSet []uint64

// add puts part in the set.
func (s *partSet) add(part int) {
	w := part >> 6
	for len(*s) <= w {
		*s = append(*s, 0)
	}
	(*s)[w] |= 1 << (part & 63)
}

// empty reports whether the set holds no partition.
func (s partSet) empty() bool {
	for _, w := range s {
		if w != 0 {
			return false
		}
	}
	return true
}

// remove takes part out of the set.
func (s partSet) remove(part int) {
	if w := part >> 6; w < len(s) {
		s[w] &^= 1 << (part & 63)
	}
}

// each calls f for every part in the set, in ascending order; f may
// remove part, or add any other.
func (s partSet) each(f func(part int)) {
	for w := range s {
		for word := s[w]; word != 0; word &= word - 1 {
			f(w<<6 + bits.TrailingZeros64(word))
		}
	}
}
