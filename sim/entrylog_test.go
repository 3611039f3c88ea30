package sim

import (
	"testing"
	"unsafe"
)

func testEntry(i int) entry { return entry{offset: int64(i), rec: int32(i), epoch: 1} }

// sameArray reports whether two chunks use one array.
func sameArray(a, b []storedEntry) bool { return len(a) > 0 && len(b) > 0 && &a[0] == &b[0] }

// A follower that copies its leader's entries stores none of its own: it
// takes the leader's chunks, and reads back what it copied.
func TestFollowerLogSharesLeaderChunks(t *testing.T) {
	var leader, follower entryLog
	n := 3*chunkLen + 5
	for i := range n {
		leader.Append(testEntry(i))
		follower.appendCopy(&leader, i, leader.At(i)) // as replication does: right behind
	}
	for i := range n {
		if follower.At(i) != testEntry(i) {
			t.Fatalf("the follower's entry %d is %+v, want %+v", i, follower.At(i), testEntry(i))
		}
	}
	// Every chunk is the leader's own, the first too: it grew by copying
	// while the follower read it, and the follower took the grown one
	// (its entries were the same) rather than a copy of its own.
	for k := 0; k < len(leader.c.table); k++ {
		if !sameArray(follower.c.table[k], leader.c.table[k]) {
			t.Fatalf("the follower's chunk %d is a copy, not the leader's", k)
		}
	}
}

// Shared chunks never show one log's writes in another: a follower that
// diverges, a leader that truncates and writes anew, and a checkpoint
// taken between them each keep the entries they wrote.
func TestSharedLogsKeepTheirOwnEntries(t *testing.T) {
	var leader, follower entryLog
	n := 2*chunkLen + 10
	for i := range n {
		leader.Append(testEntry(i))
	}
	for i := range n {
		follower.appendCopy(&leader, i, leader.At(i))
	}
	checkpoint := leader.share()

	// The leader loses its tail and takes new records there (it became a
	// follower of a log that had others); the follower diverges too.
	leader.Truncate(chunkLen + 3)
	leader.Append(entry{offset: chunkLen + 3, rec: -5, epoch: 2})
	follower.Truncate(chunkLen + 1)
	follower.Append(entry{offset: chunkLen + 1, rec: -9, epoch: 3})
	follower.appendCopy(&leader, chunkLen+2, leader.At(chunkLen+2)) // back in step: a shared array?

	for i := range n {
		if checkpoint.At(i) != testEntry(i) {
			t.Fatalf("the checkpoint's entry %d changed to %+v", i, checkpoint.At(i))
		}
	}
	if got := leader.At(chunkLen + 3); got.rec != -5 || leader.Len() != chunkLen+4 {
		t.Fatalf("the leader's new entry is %+v, %d entries", got, leader.Len())
	}
	if got := leader.At(chunkLen + 1); got != testEntry(chunkLen+1) {
		t.Fatalf("the follower's divergent append reached the leader: %+v", got)
	}
	if got := follower.At(chunkLen + 1); got.rec != -9 {
		t.Fatalf("the follower's own entry is %+v", got)
	}
	if got := follower.At(chunkLen + 2); got != testEntry(chunkLen+2) || follower.Len() != chunkLen+3 {
		t.Fatalf("the follower's copied entry is %+v, %d entries", got, follower.Len())
	}
}

// After a checkpoint the leader copies the chunk it writes, and its
// followers, copying from it, share the new array from the next chunk on.
func TestFollowerSharesAgainAfterCheckpoint(t *testing.T) {
	var leader, follower entryLog
	for i := range chunkLen + 2 {
		leader.Append(testEntry(i))
		follower.appendCopy(&leader, i, leader.At(i))
	}
	_ = leader.share()
	n := 3*chunkLen + 7
	for i := chunkLen + 2; i < n; i++ {
		leader.Append(testEntry(i))
		follower.appendCopy(&leader, i, leader.At(i))
	}
	for i := range n {
		if follower.At(i) != testEntry(i) {
			t.Fatalf("the follower's entry %d is %+v", i, follower.At(i))
		}
	}
	for k := 2; k < len(leader.c.table); k++ {
		if !sameArray(follower.c.table[k], leader.c.table[k]) {
			t.Fatalf("chunk %d after the checkpoint is not shared", k)
		}
	}
}

// In a run the followers of every partition share their leader's log: the
// replicas of an in-sync partition take little more memory than one.
func TestInSyncReplicasShareTheLog(t *testing.T) {
	c := benchConfig(0)
	c.Producers[0].Count = 200_000
	s := mustNew(t, c)
	for p := s.producers[0]; s.Step() && p.acked+p.failed < 200_000; {
	}
	shared, chunks := 0, 0
	s.forEachPartition(func(p *partition) {
		lr := p.leaderRep()
		for _, r := range p.reps {
			if r == lr {
				continue
			}
			for k, ch := range r.entries.c.table {
				chunks++
				if k < len(lr.entries.c.table) && sameArray(ch, lr.entries.c.table[k]) {
					shared++
				}
			}
		}
	})
	if chunks == 0 || shared < chunks*3/4 {
		t.Fatalf("followers share %d of their %d chunks with the leader; want most", shared, chunks)
	}
}

// A log entry is 8 bytes: the leader epoch is kept once per run of
// entries that share it, and every entry reads back its own.
func TestLogEntryEpochsByRun(t *testing.T) {
	if n := unsafe.Sizeof(storedEntry{}); n > 8 {
		t.Fatalf("storedEntry is %d bytes, want 8", n)
	}
	var l entryLog
	epochs := []int32{1, 1, 2, 2, 2, 4, 3, 3} // a lower epoch after a higher: a new run too
	for i, ep := range epochs {
		l.Append(entry{offset: int64(10 + i), rec: int32(i), epoch: ep})
	}
	for i, ep := range epochs {
		if got := l.At(i).epoch; got != ep {
			t.Fatalf("entry %d reads epoch %d, want %d", i, got, ep)
		}
	}
	checkpoint := l.share()
	l.Truncate(4) // keeps epochs 1 1 2 2
	l.Append(entry{offset: 14, rec: 9, epoch: 7})
	want := []int32{1, 1, 2, 2, 7}
	for i, ep := range want {
		if got := l.At(i).epoch; got != ep {
			t.Fatalf("after truncating, entry %d reads epoch %d, want %d", i, got, ep)
		}
	}
	for i, ep := range epochs {
		if got := checkpoint.At(i).epoch; got != ep {
			t.Fatalf("the checkpoint's entry %d reads epoch %d, want %d", i, got, ep)
		}
	}
	l.DropFront(3)
	if got := l.At(0).epoch; got != 2 || l.At(0).offset != 13 {
		t.Fatalf("after dropping 3, the first entry is %+v", l.At(0))
	}
}
