package sim

import (
	"iter"
	"math"
)

// storedEntry is an entry as a replica's log keeps it: 12 bytes. An offset
// fits in 32 bits for the reason the ledger's does (recordInfo.offset): a
// log holds no more offsets than the run appended records and markers, far
// fewer than 2^31.
type storedEntry struct {
	offset int32
	rec    int32
	epoch  int32
}

func (se storedEntry) entry() entry {
	return entry{offset: int64(se.offset), rec: se.rec, epoch: se.epoch}
}

// entryLog is one replica's entries, in chunks shared with checkpoints and,
// where the logs agree, with the leader's log: a follower that copies the
// leader's records takes the leader's chunk rather than a copy of it
// (appendCopy), so a partition in sync stores each entry once, not once
// per replica.
//
// Sharing with another log is safe because no log writes an item another
// can see: a log writes its own chunk only past its own length (an append),
// and a sharer sees only items the leader had already written. A cut chunk
// (Truncate) is copied before the next append, and entries are never
// written in place (there is no Mut).
type entryLog struct{ c chunks[storedEntry] }

// Len is the number of entries.
func (l *entryLog) Len() int { return l.c.Len() }

// At reads entry i.
func (l *entryLog) At(i int) entry { return l.c.At(i).entry() }

// Append adds e at the end.
func (l *entryLog) Append(e entry) {
	if e.offset > math.MaxInt32 {
		panic("sim: log offset beyond 2^31")
	}
	l.c.Append(storedEntry{offset: int32(e.offset), rec: e.rec, epoch: e.epoch})
}

// appendCopy adds src's entry i at the end. When this log's next slot sits
// where that entry sits in src's chunk, and this log's chunk so far is
// src's own (or a new one begins), it takes src's chunk up to that entry
// instead of copying it: the items it then sees are the ones it would
// have written.
func (l *entryLog) appendCopy(src *entryLog, i int) {
	d, s := &l.c, &src.c
	si := i + s.head
	sk, j := si>>chunkBits, si&(chunkLen-1)
	di := d.n + d.head
	dk := di >> chunkBits
	if di&(chunkLen-1) == j {
		sch := s.table[sk]
		switch {
		case j == 0 && dk == len(d.table):
			d.table = append(d.table, sch[:1:1])
			d.owned = append(d.owned, false)
			d.n++
			return
		case j > 0 && !d.owned[dk] && len(d.table[dk]) == j && &d.table[dk][0] == &sch[0]:
			d.table[dk] = sch[: j+1 : j+1]
			d.n++
			return
		}
	}
	d.Append(*s.At(i))
}

// All yields the entries from index from on, in order.
func (l *entryLog) All(from int) iter.Seq2[int, entry] { return l.Range(from, l.c.Len()) }

// Range yields the entries with index in [from, to), in order.
func (l *entryLog) Range(from, to int) iter.Seq2[int, entry] {
	return func(yield func(int, entry) bool) {
		for i := from; i < to; i++ {
			if !yield(i, l.At(i)) {
				return
			}
		}
	}
}

// Truncate keeps the first n entries.
func (l *entryLog) Truncate(n int) { l.c.Truncate(n) }

// DropFront forgets the first k entries.
func (l *entryLog) DropFront(k int) { l.c.DropFront(k) }

// share returns a copy for a checkpoint (chunks.share).
func (l *entryLog) share() entryLog { return entryLog{l.c.share()} }

// tableBytes and copiedBytes are what a checkpoint of the log costs
// (chunks.tableBytes, chunks.copied).
func (l *entryLog) tableBytes() int  { return l.c.tableBytes() }
func (l *entryLog) copiedBytes() int { return l.c.copied }
