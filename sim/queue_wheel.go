package sim

import "math/bits"

// The near-term wheel. Most happenings are due within a second: a network
// delay, the next send, a fetch's wait. Such an item waits in the wheel's
// slot for its millisecond instead of the heap, so pushing and popping it
// cost no sifting. Within a slot items keep the order they were pushed
// in, which is their sequence order (push numbers every item as it
// comes); an item that keeps an older sequence number (a lane's next
// timer) goes to the heap. A pop takes the earlier of the wheel's first
// item and the heap's, by (time, sequence): the order is the one a single
// heap gives.

// wheelBits sets the wheel's span: 1024 ms ahead of the last item popped.
const wheelBits = 10

const wheelLen = 1 << wheelBits

// wheel holds the items due in [base, base+wheelLen), each in the slot of
// its millisecond.
type wheel struct {
	base  int64 // due time of the last item popped (no item is earlier)
	n     int   // items in the wheel
	slots [wheelLen]wheelSlot
	full  [wheelLen / 64]uint64 // bit per slot with items
	// spare holds the arrays of emptied slots for the next slot to fill:
	// few slots hold items at once, so a few arrays go round.
	spare [][]item
	// firstK is the slot first found, when firstOK: the loop asks for it
	// before and in every pop, and each ask would scan the bitmap again.
	firstK  int
	firstAt int64
	firstOK bool
}

// wheelSlot is one millisecond's items, oldest first from head.
type wheelSlot struct {
	items []item
	head  int
}

// fits reports whether an item due at atMs goes in the wheel.
func (w *wheel) fits(atMs int64) bool { return atMs >= w.base && atMs-w.base < wheelLen }

// add puts it, due within the wheel's span and numbered after every item
// in it, at the end of its slot.
func (w *wheel) add(it item) {
	k := int(it.atMs & (wheelLen - 1))
	sl := &w.slots[k]
	if sl.items == nil {
		if n := len(w.spare); n > 0 {
			sl.items, w.spare = w.spare[n-1], w.spare[:n-1]
		}
	}
	sl.items = append(sl.items, it)
	w.full[k>>6] |= 1 << (k & 63)
	w.n++
	if w.firstOK && it.atMs < w.firstAt {
		w.firstK, w.firstAt = k, it.atMs
	}
}

// first returns the slot of the earliest item in the wheel; the wheel must
// not be empty. Slots from base's on, round the wheel, are in time order.
func (w *wheel) first() int {
	if w.firstOK {
		return w.firstK
	}
	k := w.scanFirst()
	w.firstK, w.firstAt, w.firstOK = k, w.slots[k].items[w.slots[k].head].atMs, true
	return k
}

// scanFirst finds first's slot in the bitmap.
func (w *wheel) scanFirst() int {
	start := int(w.base & (wheelLen - 1))
	wd := start >> 6
	if m := w.full[wd] &^ (1<<(start&63) - 1); m != 0 {
		return wd<<6 + bits.TrailingZeros64(m)
	}
	for i := 1; i <= len(w.full); i++ {
		j := (wd + i) % len(w.full)
		if m := w.full[j]; m != 0 {
			return j<<6 + bits.TrailingZeros64(m)
		}
	}
	panic("sim: empty wheel")
}

// peek is the earliest item in the wheel; the wheel must not be empty.
func (w *wheel) peek() *item {
	sl := &w.slots[w.first()]
	return &sl.items[sl.head]
}

// take removes the earliest item, which is in slot k.
func (w *wheel) take(k int) item {
	sl := &w.slots[k]
	it := sl.items[sl.head]
	sl.head++
	if sl.head == len(sl.items) {
		w.spare = append(w.spare, sl.items[:0])
		sl.items, sl.head = nil, 0
		w.full[k>>6] &^= 1 << (k & 63)
		w.firstOK = w.firstOK && k != w.firstK
	}
	w.n--
	return it
}

// clone copies the items waiting; the copy has arrays of its own.
func (w *wheel) clone() *wheel {
	c := &wheel{base: w.base, n: w.n, full: w.full}
	for k := range w.slots {
		if sl := &w.slots[k]; sl.head < len(sl.items) {
			c.slots[k].items = append([]item(nil), sl.items[sl.head:]...)
		}
	}
	return c
}
