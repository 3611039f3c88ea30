package sim

import (
	"iter"
	"sort"
)

// A group's history of processed ranges and commits grows by about one
// entry per record when every poll returns one record and every poll
// commits, and it lives for the whole run. Its entries are therefore
// compact and hold no pointers, so the garbage collector never walks
// them: the partition is its dense id (tpIndex), the member an index into
// the group's table of member names, the time uint32 virtual ms (a run
// lasts at most 30 days, as the ledger's createdMs does). Readers get the
// entries back as procRange and commitRec, with names.

// groupHistory keeps what the ledger needs to explain a lost or duplicated
// record.
type groupHistory struct {
	// processed and commits grow with every poll and commit; chunked, a
	// checkpoint shares them instead of leaving the running copy to copy
	// the whole list at its next append.
	processed chunks[procEntry]
	commits   chunks[commitEntry]
	// names are the member names the entries index; append-only, so a
	// clone shares the array with its capacity cut.
	names   []string
	resets  []resetRec
	crashes []crashRec
}

// procEntry is a stored procRange: 32 bytes.
type procEntry struct {
	from, to int64 // offsets [from, to)
	tp       int32 // partition id
	member   int32 // index into groupHistory.names
	gen      int32
	atMs     uint32
}

// commitEntry is a stored commitRec: 24 bytes.
type commitEntry struct {
	offset int64
	tp     int32 // partition id
	member int32 // index into groupHistory.names
	gen    int32
	atMs   uint32
}

// procRange is offsets [from, to) of tp processed by member.
type procRange struct {
	tp       TopicPartition
	from, to int64 // offsets [from, to)
	member   string
	gen      int
	atMs     int64
}

// commitRec is a commit of offset on tp.
type commitRec struct {
	tp     TopicPartition
	offset int64
	member string
	gen    int
	atMs   int64
}

// nameIndex is name's index in the table, -1 when it has none. Recent
// members are at the end, so the search starts there.
func (h *groupHistory) nameIndex(name string) int32 {
	for i := len(h.names) - 1; i >= 0; i-- {
		if h.names[i] == name {
			return int32(i)
		}
	}
	return -1
}

// nameIndexAdd is name's index, given one now if it has none.
func (h *groupHistory) nameIndexAdd(name string) int32 {
	if i := h.nameIndex(name); i >= 0 {
		return i
	}
	h.names = append(h.names, name)
	return int32(len(h.names) - 1)
}

// clone shares the lists, all append-only, with h: neither side writes
// what the other sees.
func (h *groupHistory) clone() groupHistory {
	return groupHistory{processed: h.processed.shareTail(), commits: h.commits.shareTail(),
		names: capped(h.names), resets: capped(h.resets), crashes: capped(h.crashes)}
}

// addProcessed records that member processed offsets [from, to) of tp.
func (s *Sim) addProcessed(g *group, tp TopicPartition, from, to int64, member string, gen int) {
	g.history.processed.Append(procEntry{from: from, to: to, tp: s.tpidAdd(tp),
		member: g.history.nameIndexAdd(member), gen: int32(gen), atMs: uint32(s.nowMs)})
}

// addCommit records a commit of offset on the partition with id tpid.
func (s *Sim) addCommit(g *group, tpid int32, offset int64, member string, gen int) {
	g.history.commits.Append(commitEntry{offset: offset, tp: tpid,
		member: g.history.nameIndexAdd(member), gen: int32(gen), atMs: uint32(s.nowMs)})
}

// commitsSince is the index of the first commit made at or after atMs.
// Commits are appended as virtual time goes on, so their times never
// decrease: the ledger, which asks for every lost record on every view,
// skips what came before the record was sent without reading it.
func (h *groupHistory) commitsSince(atMs int64) int {
	return sort.Search(h.commits.Len(), func(i int) bool { return int64(h.commits.At(i).atMs) >= atMs })
}

func (s *Sim) procRangeOf(g *group, e *procEntry) procRange {
	return procRange{tp: s.tpIDs.tp(e.tp), from: e.from, to: e.to, member: g.history.names[e.member],
		gen: int(e.gen), atMs: int64(e.atMs)}
}

func (s *Sim) commitRecOf(g *group, e *commitEntry) commitRec {
	return commitRec{tp: s.tpIDs.tp(e.tp), offset: e.offset, member: g.history.names[e.member],
		gen: int(e.gen), atMs: int64(e.atMs)}
}

// processedOn yields the group's processed ranges of tp, oldest first.
func (s *Sim) processedOn(g *group, tp TopicPartition) iter.Seq[procRange] {
	return func(yield func(procRange) bool) {
		id := s.tpid(tp)
		if id < 0 {
			return
		}
		for i := range g.history.processed.Len() {
			if e := g.history.processed.At(i); e.tp == id && !yield(s.procRangeOf(g, e)) {
				return
			}
		}
	}
}
