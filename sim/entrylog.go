package sim

import (
	"iter"
	"math"
	"sort"
)

// storedEntry is an entry as a replica's log keeps it: 8 bytes, its leader
// epoch kept once per run of entries that share it (entryLog.epochs). An
// offset fits in 32 bits for the reason the ledger's does
// (recordInfo.offset): a log holds no more offsets than the run appended
// records and markers, far fewer than 2^31.
type storedEntry struct {
	offset int32
	rec    int32
}

// epochRun says the entries from offset start on, up to the next run's
// start, were written in leader epoch epoch.
type epochRun struct {
	start int64
	epoch int32
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
// written in place (there is no Mut). Epochs are each log's own.
type entryLog struct {
	c chunks[storedEntry]
	// epochs holds a run per change of epoch along the log, by start
	// offset; it is shared with clones up to its length.
	epochs []epochRun
}

// Len is the number of entries.
func (l *entryLog) Len() int { return l.c.Len() }

// At reads entry i.
func (l *entryLog) At(i int) entry {
	se := l.c.At(i)
	off := int64(se.offset)
	return entry{offset: off, rec: se.rec, epoch: l.epochAt(off)}
}

// epochAt is the epoch of the run that holds offset off.
func (l *entryLog) epochAt(off int64) int32 {
	n := len(l.epochs)
	if n == 0 {
		return 0
	}
	if last := l.epochs[n-1]; last.start <= off {
		return last.epoch // the usual case: a read near the log end
	}
	// The last run that starts at or before off.
	i := sort.Search(n, func(i int) bool { return l.epochs[i].start > off }) - 1
	return l.epochs[max(i, 0)].epoch
}

// noteEpoch starts a run if e's epoch differs from the last entry's.
func (l *entryLog) noteEpoch(e entry) {
	if n := len(l.epochs); n == 0 || l.epochs[n-1].epoch != e.epoch {
		l.epochs = append(l.epochs, epochRun{start: e.offset, epoch: e.epoch})
	}
}

// stored is e as the chunks keep it.
func stored(e entry) storedEntry {
	if e.offset > math.MaxInt32 {
		panic("sim: log offset beyond 2^31")
	}
	return storedEntry{offset: int32(e.offset), rec: e.rec}
}

// Append adds e at the end.
func (l *entryLog) Append(e entry) {
	se := stored(e)
	l.noteEpoch(e)
	l.c.Append(se)
}

// appendCopy adds src's entry i, e, at the end. When this log's next slot sits
// where that entry sits in src's chunk, and this log's chunk so far is
// src's own or holds the same entries (or a new one begins), it takes
// src's chunk up to that entry instead of copying it: the items it then
// sees are the ones it would have written.
func (l *entryLog) appendCopy(src *entryLog, i int, e entry) {
	l.noteEpoch(e)
	d, s := &l.c, &src.c
	si := i + s.head
	bits, mask := s.bits(), s.length()-1
	sk, j := si>>bits, si&mask
	di := d.n + d.head
	dk := di >> bits
	if di&mask == j {
		sch := s.table[sk]
		switch {
		case j == 0 && dk == len(d.table):
			d.table = append(d.table, sch[:1:1])
			d.owned = append(d.owned, false)
			d.n++
			return
		case j > 0 && !d.owned[dk] && len(d.table[dk]) == j && sameEntries(d.table[dk], sch[:j]):
			d.table[dk] = sch[: j+1 : j+1]
			d.n++
			return
		}
	}
	d.Append(*s.At(i))
}

// sameEntries reports whether a and b hold the same entries: the same
// array, or, after the leader's chunk grew into a new one, equal items.
// Only a shared chunk is compared, and one that differs is then copied
// and owned, so each chunk is compared at most once per growth of the
// leader's.
func sameEntries(a, b []storedEntry) bool {
	if &a[0] == &b[0] {
		return true
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
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

// Truncate keeps the first n entries, and the runs of epochs they start.
func (l *entryLog) Truncate(n int) {
	if n >= l.c.Len() {
		return
	}
	end := int64(-1)
	if n > 0 {
		end = int64(l.c.At(n - 1).offset)
	}
	k := len(l.epochs)
	for k > 0 && l.epochs[k-1].start > end {
		k--
	}
	// Capped: the next run appended must not land where a clone sees one.
	l.epochs = l.epochs[:k:k]
	l.c.Truncate(n)
}

// DropFront forgets the first k entries. The runs stay: a run that starts
// before the first entry left still names its epoch.
func (l *entryLog) DropFront(k int) {
	if k >= l.c.Len() {
		l.epochs = nil
	}
	l.c.DropFront(k)
}

// share returns a copy for a checkpoint. Entries are never rewritten in
// place (a truncation cuts, it does not write), so the log keeps appending
// into its last chunk (chunks.shareTail).
func (l *entryLog) share() entryLog {
	l.epochs = l.epochs[:len(l.epochs):len(l.epochs)]
	return entryLog{c: l.c.shareTail(), epochs: l.epochs}
}

// tableBytes and copiedBytes are what a checkpoint of the log costs
// (chunks.tableBytes, chunks.copied).
func (l *entryLog) tableBytes() int  { return l.c.tableBytes() }
func (l *entryLog) copiedBytes() int { return l.c.copied }
