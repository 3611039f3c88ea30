package sim

import "sort"

// What records share, kept once for many of them. A producer sends
// millions of records to a handful of (topic, partition, key) places, in
// few transactions and producer epochs: the ledger keeps each such
// combination once, as a recordOrigin, and every record points to its
// own. And a producer's send() calls are numbered 1, 2, 3…, and stored
// values are kept in record order: rather than a number per record, the
// ledger keeps where each run of consecutively numbered records starts (a
// numberRun): one run for a lone producer's send numbers, one for a run of
// records that all carry a value.

// recordOrigin is what a record shares with the others sent from the same
// place: producer, topic, partition, key, transaction and the producer
// epoch of its sequence number. Records never point to an origin that
// differs from their own facts; two origins may be equal (see intern).
type recordOrigin struct {
	key      int32 // index into keys, -1 = null key
	txn      int32 // transaction id, -1 = none
	producer uint16
	topicIdx uint16
	part     uint16
	epoch    int16 // producer epoch of its sequence number (RecordBatch's int16)
}

// numberRun: records first, first+1, … up to where the next run starts
// are numbered n, n+1, …
type numberRun struct {
	first int32 // record id
	n     int32
}

// originBits sizes the table of recently used origins: many more than the
// places a producer sends to at once.
const originBits = 12

// originIndexMax bounds the index of every origin (ledger.originIdx): past
// that many, new places (a client sending every record with a key of its
// own) only cost an origin each.
const originIndexMax = 1 << 16

// originSlot is one entry of the table of recent origins.
type originSlot struct {
	o   recordOrigin
	at1 int32 // its index in origins + 1; 0 = empty
}

// intern returns the index of an origin equal to o, adding it if neither
// the table of recent origins nor the index holds one. An origin neither
// holds (past originIndexMax, or forgotten by a clone) costs an extra copy
// in origins, never a wrong answer.
func (l *ledger) intern(o recordOrigin) int32 {
	if l.originSlots == nil {
		l.originSlots = make([]originSlot, 1<<originBits)
	}
	slot := &l.originSlots[o.hash()]
	if slot.at1 > 0 && slot.o == o {
		return slot.at1 - 1
	}
	i, ok := l.originIdx[o]
	if !ok {
		i = int32(l.origins.Append(o))
		if len(l.originIdx) < originIndexMax {
			if l.originIdx == nil {
				l.originIdx = map[recordOrigin]int32{}
			}
			l.originIdx[o] = i
		}
	}
	*slot = originSlot{o: o, at1: i + 1}
	return i
}

// hash picks o's slot: every field, multiplied by odd constants, and the
// top bits of the product, the best mixed (Fibonacci hashing).
func (o *recordOrigin) hash() uint64 {
	a := uint64(uint32(o.key))<<32 | uint64(uint32(o.txn))
	b := uint64(o.producer)<<48 | uint64(o.topicIdx)<<32 | uint64(o.part)<<16 | uint64(uint16(o.epoch))
	return ((a * 0x9E3779B97F4A7C15) ^ b) * 0xC2B2AE3D27D4EB4F >> (64 - originBits)
}

// originOf is what ri shares with other records; not to be written through.
func (l *ledger) originOf(ri *recordInfo) *recordOrigin { return l.origins.At(int(ri.origin)) }

// origin is originOf the record with id rec.
func (l *ledger) origin(rec int32) *recordOrigin { return l.originOf(l.recs.At(int(rec))) }

// keyIndex is rec's index into keys, -1 for a null key.
func (l *ledger) keyIndex(rec int32) int32 { return l.origin(rec).key }

// sentMs is when rec was sent.
func (l *ledger) sentMs(rec int32) int64 { return l.recs.At(int(rec)).sentMs() }

// numbered notes that rec carries sequence number seq of producer epoch
// epoch: given when its batch is numbered, or as its copy is written. The
// write usually repeats the numbering: then the record is not touched (a
// chunk shared with a checkpoint stays shared). The record returned is
// not to be written through.
func (l *ledger) numbered(rec, seq int32, epoch int16) *recordInfo {
	if l.fate(rec).seq() != seq {
		l.fates.Mut(int(rec)).setSeq(seq)
	}
	ri := l.recs.At(int(rec))
	if o := l.originOf(ri); o.epoch != epoch {
		moved := *o
		moved.epoch = epoch
		ri = l.recs.Mut(int(rec))
		ri.origin = l.intern(moved)
	}
	return ri
}

// noteNumber notes that rec, the newest record, is numbered n in runs: a
// new run unless the last run's numbering reaches it. (A run of send
// numbers may span two producers: it holds numbers, not producers.)
func noteNumber(runs *chunks[numberRun], rec, n int32) {
	if k := runs.Len(); k > 0 {
		if last := runs.At(k - 1); last.n+(rec-last.first) == n {
			return
		}
	}
	runs.Append(numberRun{first: rec, n: n})
}

// numberOf is rec's number in runs; rec must have one.
func numberOf(runs *chunks[numberRun], rec int32) int32 {
	k := runs.Len()
	i := k - 1
	if runs.At(i).first > rec {
		i = sort.Search(k, func(i int) bool { return runs.At(i).first > rec }) - 1
	}
	r := runs.At(i)
	return r.n + (rec - r.first)
}

// sendN is rec's number among its producer's send() calls, from 1.
func (l *ledger) sendN(rec int32) int32 { return numberOf(&l.sendNs, rec) }

// valueIndex is rec's index into values, or valueGenerated / valueNull.
func (l *ledger) valueIndex(rec int32) int32 {
	switch l.recs.At(int(rec)).value {
	case valueTombstone:
		return valueNull
	case valueStored:
		return numberOf(&l.valueAt, rec)
	}
	return valueGenerated
}

// tableBytes is what a clone of the ledger's chunked lists costs up front.
func (l *ledger) tableBytes() int {
	return l.recs.tableBytes() + l.fates.tableBytes() + l.origins.tableBytes() + l.sendNs.tableBytes() + l.valueAt.tableBytes()
}

// copiedBytes is what the ledger copied of chunks shared with its last
// clone (chunks.copied).
func (l *ledger) copiedBytes() int {
	return l.recs.copied + l.fates.copied + l.origins.copied + l.sendNs.copied + l.valueAt.copied
}
