package sim

// A small cache of the facts about recently appended records that each
// follower asks for again when it copies them (size, timestamp, producer
// sequence). Reading them back from the ledger costs a cache miss per record
// and replica: a partition's records lie far apart there, among every other
// partition's. The leader writes them here as it appends; a follower copying
// soon after finds them in this hot table, and falls back to the ledger
// when another record has taken the slot. It is a pure cache: every value
// equals the ledger's, so runs are the same with or without it.
//
// Slots are taken in append order, round the table: a batch's records, and
// a follower's copy of them, use neighbouring slots, and the table holds
// the latest appends of every partition. (Keyed by record id, a batch's
// records took slots a partition count apart: with a thousand partitions a
// cache line and a page each.) Each partition remembers where its last few
// batches went (recentRun), which is how a follower finds them.

// recentBits sizes the cache: 32768 records (768 KB), about 16 ms of a
// producer at 2M records/s, long enough for followers to fetch what the
// leader appended: half their copies come 16k-32k records after the append.
const recentBits = 15

// recentFact is what a follower needs of a record: its size before
// compression, its timestamp and its producer sequence; and what a
// consumer's fetch counts (size and timestamp).
type recentFact struct {
	rec1      int32 // the record's id + 1; 0 = empty
	createdMs uint32
	seq       int32
	size      uint16
	producer  uint16
	topicIdx  uint16
	epoch     int16
}

// recentRuns is how many of a partition's latest appends it remembers the
// slots of: a follower copies a few batches at a time.
const recentRuns = 8

// recentRun says the n entries of a partition from offset off on took the
// cache's slots from slot on.
type recentRun struct {
	off  int64
	slot uint32
	n    uint32
}

// takeRecentSlots reserves n consecutive slots for an append of n entries
// at offset off of p.
func (l *ledger) takeRecentSlots(p *partition, off int64, n int) uint32 {
	slot := l.recentNext
	l.recentNext += uint32(n)
	p.recentRuns[p.recentRunNext%recentRuns] = recentRun{off: off, slot: slot, n: uint32(n)}
	p.recentRunNext++
	return slot
}

// recentCursor finds the slots of a partition's entries, walked in offset
// order: the slots of [from, to) start at slot.
type recentCursor struct {
	from, to int64
	slot     uint32
}

// at returns the slot the entry at offset off of p took, if p remembers it.
func (c *recentCursor) at(p *partition, off int64) (uint32, bool) {
	if off < c.from || off >= c.to {
		*c = recentCursor{}
		for k := uint32(1); k <= recentRuns; k++ { // newest first: a truncated log reuses offsets
			r := &p.recentRuns[(p.recentRunNext-k)%recentRuns]
			if r.n > 0 && off >= r.off && off < r.off+int64(r.n) {
				*c = recentCursor{from: r.off, to: r.off + int64(r.n), slot: r.slot}
				break
			}
		}
		if c.to == 0 {
			return 0, false
		}
	}
	return c.slot + uint32(off-c.from), true
}

// noteRecentOf caches the facts of rec (its info ri, its origin o) as the
// leader appends it in slot.
func (l *ledger) noteRecentOf(slot uint32, rec int32, ri *recordInfo, o *recordOrigin) {
	if ri.size == sizeLarge {
		return // measured again when asked: not cached
	}
	if l.recent == nil {
		l.recent = make([]recentFact, 1<<recentBits)
	}
	l.recent[slot&(1<<recentBits-1)] = recentFact{rec1: rec + 1, createdMs: ri.createdMs, seq: l.fate(rec).seq(),
		size: ri.size, producer: o.producer, topicIdx: o.topicIdx, epoch: o.epoch}
}

// recentOf returns rec's cached facts from slot, if the cache still holds
// them there.
func (l *ledger) recentOf(slot uint32, rec int32) (*recentFact, bool) {
	if l.recent == nil || rec < 0 {
		return nil, false
	}
	f := &l.recent[slot&(1<<recentBits-1)]
	return f, f.rec1 == rec+1
}

// recentAt is recentOf for the entry at offset off of p, found through c.
func (l *ledger) recentAt(c *recentCursor, p *partition, off int64, rec int32) (*recentFact, bool) {
	slot, ok := c.at(p, off)
	if !ok {
		return nil, false
	}
	return l.recentOf(slot, rec)
}

// forgetRecent drops every cached fact: landed records are being
// renumbered (rare: a producer epoch bump after a gap).
func (l *ledger) forgetRecent() { clear(l.recent) }
