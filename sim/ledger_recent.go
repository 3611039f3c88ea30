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
// A record's slot follows its place in its partition's log (recentSlot):
// a batch's records, and a follower's copy of them, take neighbouring
// slots. Keyed by record id, they took slots as far apart as the topic has
// partitions, a cache line and a page each with a thousand partitions.

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

// recentBase spreads a topic's partitions evenly round the cache, so each
// keeps its latest records' facts in a stretch of its own; total is the
// topic's partition count.
func recentBase(topicIdx, id, total int) uint32 {
	return uint32(topicIdx)*0x9E3779B9 + uint32(uint64(id)<<recentBits/uint64(max(total, 1)))
}

// recentSlot is where the facts of the entry at offset off of p go.
func recentSlot(p *partition, off int64) uint32 { return p.recentBase + uint32(off) }

// noteRecentOf caches the facts of rec (its info ri, its origin o) as the
// leader appends it in slot.
func (l *ledger) noteRecentOf(slot uint32, rec int32, ri *recordInfo, o *recordOrigin) {
	if ri.size == sizeLarge {
		return // measured again when asked: not cached
	}
	if l.recent == nil {
		l.recent = make([]recentFact, 1<<recentBits)
	}
	l.recent[slot&(1<<recentBits-1)] = recentFact{rec1: rec + 1, createdMs: ri.createdMs, seq: ri.seq,
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

// forgetRecent drops rec's cached facts: its sequence is being rewritten.
// base is its partition's recentBase; every offset it landed at may hold
// them.
func (l *ledger) forgetRecent(rec int32, base uint32) {
	ri := l.recs.At(int(rec))
	l.forgetRecentAt(base+uint32(ri.offset), rec)
	for _, off := range l.extra[rec] {
		l.forgetRecentAt(base+uint32(off), rec)
	}
}

func (l *ledger) forgetRecentAt(slot uint32, rec int32) {
	if f, ok := l.recentOf(slot, rec); ok {
		f.rec1 = 0
	}
}
