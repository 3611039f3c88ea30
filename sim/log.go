package sim

import "sort"

// entry is one record in one replica's log. rec indexes the ledger's record
// table; a negative rec is a transaction marker (see markerRec).
type entry struct {
	offset int64
	rec    int32
	epoch  int32
}

// epochStart is one line of a replica's leader-epoch cache: the first offset
// written in that leader epoch.
type epochStart struct {
	epoch int32
	start int64
}

// segment is a contiguous run of a log that is rolled, deleted and compacted
// as a whole. Only the last (active) segment takes appends.
type segment struct {
	base    int64
	bytes   int64
	firstMs int64 // when its first record was appended
	maxTsMs int64 // largest record timestamp in it
	cleaned bool  // compacted at least once
}

// replica is one copy of a partition's log on one broker, plus what the
// leader knows about it as a follower.
type replica struct {
	broker   int
	leo      int64
	logStart int64

	// The leader's view of this replica as a follower. With the fields
	// above it fills one cache line: what a fetch session reads and writes
	// for each of its partitions on every request.
	// fetchGen drops fetch traffic made stale by a leader change or crash.
	fetchGen           int32
	fetching           bool
	parked             bool  // its fetch waits at the leader for new records
	fetchOffset        int64 // the LEO it reported in its last fetch
	lastCaughtUpMs     int64
	lastFetchMs        int64
	lastFetchLeaderLEO int64

	epochs   []epochStart
	entries  entryLog // shared with checkpoints and followers, copied when written
	segments []segment
	// pids is the idempotent-producer state rebuilt from the log: per
	// producer index, the epoch and last sequence appended.
	pids []pidState
}

type pidState struct {
	known   bool
	epoch   int32
	lastSeq int32
}

// indexOf returns the index of the first entry with offset >= off.
func (r *replica) indexOf(off int64) int {
	n := r.entries.Len()
	if n == 0 {
		return 0
	}
	// A log without gaps holds off at off-logStart: tried first, it reads
	// only the entry the caller reads next, not the log's first one too
	// (a cache miss per call on a topic of many partitions).
	if i := off - r.logStart; i >= 0 && i < int64(n) && r.entries.At(int(i)).offset == off {
		return int(i)
	}
	base := r.entries.At(0).offset
	if i := off - base; i >= 0 && i < int64(n) && r.entries.At(int(i)).offset == off {
		return int(i)
	}
	if off <= base {
		return 0
	}
	return sort.Search(n, func(i int) bool { return r.entries.At(i).offset >= off })
}

// lastEpoch is the leader epoch of its newest entry, or -1.
func (r *replica) lastEpoch() int32 {
	if len(r.epochs) == 0 {
		return -1
	}
	return r.epochs[len(r.epochs)-1].epoch
}

// endOffsetForEpoch answers OffsetsForLeaderEpoch: the end of the given epoch
// in this log (the start of the next larger epoch), or the LEO if it is the
// latest. It also returns the largest epoch <= the one asked.
func (r *replica) endOffsetForEpoch(epoch int32) (int32, int64) {
	if n := len(r.epochs); n > 0 && r.epochs[n-1].epoch <= epoch {
		return r.epochs[n-1].epoch, r.leo // the usual ask: the latest epoch
	}
	found := int32(-1)
	for i, e := range r.epochs {
		if e.epoch > epoch {
			if found < 0 {
				return -1, e.start
			}
			return found, e.start
		}
		found = r.epochs[i].epoch
	}
	return found, r.leo
}

// appendEntry adds one record at the log end, rolling segments as needed.
func (r *replica) appendEntry(e entry, bytes int64, tsMs, nowMs int64, t *TopicConfig) {
	r.noteAppend(e, bytes, tsMs, nowMs, t)
	r.entries.Append(e)
}

// appendCopy adds src's entry i, e, at the log end: a follower copying its
// leader, sharing the leader's memory where it can (entryLog.appendCopy).
func (r *replica) appendCopy(src *replica, i int, e entry, bytes int64, tsMs, nowMs int64, t *TopicConfig) {
	r.noteAppend(e, bytes, tsMs, nowMs, t)
	r.entries.appendCopy(&src.entries, i, e)
}

// noteAppend updates the epoch cache, the segments and the LEO for e.
func (r *replica) noteAppend(e entry, bytes int64, tsMs, nowMs int64, t *TopicConfig) {
	if len(r.epochs) == 0 || r.epochs[len(r.epochs)-1].epoch < e.epoch {
		r.epochs = append(r.epochs, epochStart{epoch: e.epoch, start: e.offset})
	}
	n := len(r.segments)
	if n == 0 || r.segments[n-1].bytes+bytes > t.SegmentBytes ||
		(r.segments[n-1].bytes > 0 && nowMs-r.segments[n-1].firstMs >= t.SegmentMs) {
		r.segments = append(r.segments, segment{base: e.offset, firstMs: nowMs, maxTsMs: tsMs})
		n++
	}
	sg := &r.segments[n-1]
	if sg.bytes == 0 {
		sg.firstMs = nowMs
	}
	sg.bytes += bytes
	if tsMs > sg.maxTsMs {
		sg.maxTsMs = tsMs
	}
	r.leo = e.offset + 1
}

// truncateTo drops every entry at or above off (a follower discarding what
// diverged from the new leader). It returns the dropped entries.
func (r *replica) truncateTo(off int64) []entry {
	if off >= r.leo {
		return nil
	}
	i := r.indexOf(off)
	var dropped []entry
	for _, e := range r.entries.All(i) {
		dropped = append(dropped, e)
	}
	r.entries.Truncate(i)
	r.leo = off
	if r.leo < r.logStart {
		r.logStart = r.leo
	}
	for len(r.epochs) > 0 && r.epochs[len(r.epochs)-1].start >= off {
		r.epochs = r.epochs[:len(r.epochs)-1]
	}
	r.epochs = r.epochs[:len(r.epochs):len(r.epochs)]
	for len(r.segments) > 0 && r.segments[len(r.segments)-1].base >= off {
		r.segments = r.segments[:len(r.segments)-1]
	}
	r.segments = r.segments[:len(r.segments):len(r.segments)]
	return dropped
}

func (r *replica) clone() *replica {
	c := *r
	c.entries = r.entries.share()
	c.epochs = r.epochs[:len(r.epochs):len(r.epochs)]
	c.segments = append([]segment(nil), r.segments...)
	c.pids = append([]pidState(nil), r.pids...)
	return &c
}
