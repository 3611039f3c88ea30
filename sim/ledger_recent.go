package sim

// A small cache of the facts about recently appended records that each
// follower asks for again when it copies them (size, timestamp, producer
// sequence). Reading them back from the ledger costs a cache miss per record
// and replica: a partition's records lie far apart there, among every other
// partition's. The leader writes them here as it appends; a follower copying
// soon after finds them in this hot table, and falls back to the ledger
// when another record has taken the slot. It is a pure cache: every value
// equals the ledger's, so runs are the same with or without it.

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

// noteRecent caches rec's facts as the leader appends it.
func (l *ledger) noteRecent(rec int32, ri *recordInfo) {
	if ri.size == sizeLarge {
		return // measured again when asked: not cached
	}
	l.noteRecentOf(rec, ri, l.originOf(ri))
}

// noteRecentOf is noteRecent when ri's origin o is at hand.
func (l *ledger) noteRecentOf(rec int32, ri *recordInfo, o *recordOrigin) {
	if ri.size == sizeLarge {
		return
	}
	if l.recent == nil {
		l.recent = make([]recentFact, 1<<recentBits)
	}
	l.recent[rec&(1<<recentBits-1)] = recentFact{rec1: rec + 1, createdMs: ri.createdMs, seq: l.fate(rec).seq(),
		size: ri.size, producer: o.producer, topicIdx: o.topicIdx, epoch: o.epoch}
}

// recentOf returns rec's cached facts, if the cache still holds them.
func (l *ledger) recentOf(rec int32) (*recentFact, bool) {
	if l.recent == nil || rec < 0 {
		return nil, false
	}
	f := &l.recent[rec&(1<<recentBits-1)]
	return f, f.rec1 == rec+1
}

// forgetRecent drops rec's cached facts: its sequence is being rewritten.
func (l *ledger) forgetRecent(rec int32) {
	if f, ok := l.recentOf(rec); ok {
		f.rec1 = 0
	}
}
