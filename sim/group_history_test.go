package sim

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// A group's history grows by about one processed range and one commit per
// record at one-record polls, for the whole run: its entries stay small
// and hold no pointers the garbage collector would walk.
func TestHistoryEntriesStayCompact(t *testing.T) {
	if n := unsafe.Sizeof(procEntry{}); n > 32 {
		t.Errorf("a processed range takes %d bytes, want ≤ 32", n)
	}
	if n := unsafe.Sizeof(commitEntry{}); n > 24 {
		t.Errorf("a commit takes %d bytes, want ≤ 24", n)
	}
	for _, v := range []any{procEntry{}, commitEntry{}} {
		ty := reflect.TypeOf(v)
		for i := range ty.NumField() {
			if k := ty.Field(i).Type.Kind(); k < reflect.Int || k > reflect.Uint64 {
				t.Errorf("%s.%s is a %s: entries hold integers only", ty.Name(), ty.Field(i).Name, k)
			}
		}
	}
}

// The history names each member and partition as the events said when it
// happened: in a run and in two clones of it that went different ways after
// the clone, each appending its own names to the table the clones share
// (one crashed both members, had an operator reset the offsets and
// restarted c1 in a new generation; the other added c4 and crashed c2).
func TestHistoryReadsBackAfterClones(t *testing.T) {
	c := basicConfig(21)
	c.Producers[0].RatePerSec, c.Producers[0].Count = 100, 3000
	c.Producers[0].Keys = nil
	for i := range 12 {
		c.Producers[0].Keys = append(c.Producers[0].Keys, "user-"+strconv.Itoa(i))
	}
	c.Groups[0].ProcessingMs, c.Groups[0].MaxPollRecords = 10, 5
	c.Groups[0].Consumers = 3 // three names in a table with room for four
	s := mustNew(t, c)
	s.RunUntil(8000)
	if h := s.groupByID("billing").history; len(h.names) != 3 || h.processed.Len() == 0 {
		t.Fatalf("at the clone the history has %d ranges by %q, want all three members in it", h.processed.Len(), h.names)
	}
	a, b := s.Clone(), s.Clone()
	for i := 1; i <= 3; i++ {
		schedule(t, a, 9000, Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: i})
	}
	schedule(t, a, 25000, Command{Kind: CmdResetOffsets, Group: "billing", Topic: "orders", Partition: -1,
		Reset: ResetToEarliest})
	schedule(t, a, 26000, Command{Kind: CmdRestartConsumer, Group: "billing", Consumer: 1})
	schedule(t, b, 9000, Command{Kind: CmdAddConsumer, Group: "billing"})
	schedule(t, b, 11000, Command{Kind: CmdCrashConsumer, Group: "billing", Consumer: 2})
	s.RunUntil(60000)
	a.RunUntil(60000)
	b.RunUntil(60000)
	for i, run := range []*Sim{s, a, b} {
		name := []string{"run", "reset", "added c4"}[i]
		g := run.groupByID("billing")
		procs, commits := historyMatchesEvents(t, name, run, g)
		if procs == 0 || commits == 0 {
			t.Errorf("%s: %d processed ranges and %d commits checked, want some of each", name, procs, commits)
		}
	}
	members := func(run *Sim) string {
		return strings.Join(slices.Sorted(slices.Values(run.groupByID("billing").history.names)), " ")
	}
	if got, want := members(a), "c1 c2 c3 "+adminResetMember; got != want {
		t.Errorf("the reset run's member names are %q, want %q", got, want)
	}
	if got, want := members(b), "c1 c2 c3 c4"; got != want {
		t.Errorf("the added-member run's member names are %q, want %q", got, want)
	}
	if len(a.Fates("billing", FateDuplicated)) == 0 {
		t.Errorf("the reset duplicated nothing: the test no longer reads the history back through fates")
	}
}

func schedule(t *testing.T, s *Sim, atMs int64, cmd Command) {
	t.Helper()
	if err := s.Schedule(atMs, cmd); err != nil {
		t.Fatal(err)
	}
}

// historyMatchesEvents checks every processed range and commit of g
// against the events of the run and counts them.
func historyMatchesEvents(t *testing.T, name string, s *Sim, g *group) (procs, commits int) {
	t.Helper()
	hasEvent := eventIndex(s)
	for i := range g.history.processed.Len() {
		pr := s.procRangeOf(g, g.history.processed.At(i))
		if !hasEvent(EvProcessed, pr.member, pr.gen, pr.atMs, func(text string) bool {
			return rangeCovers(text, pr.tp, pr.from, pr.to-1)
		}) {
			t.Fatalf("%s: no %s event for %+v", name, EvProcessed, pr)
		}
		procs++
	}
	for i := range g.history.commits.Len() {
		c := s.commitRecOf(g, g.history.commits.At(i))
		want := c.tp.String() + "=" + strconv.FormatInt(c.offset, 10)
		member, gen := c.member, c.gen
		if member == adminResetMember { // the operator's commit names no member
			member, gen = "", -1
		}
		if !hasEvent(EvCommitted, member, gen, c.atMs, func(text string) bool {
			return strings.Contains(" "+text+" ", " "+want+" ")
		}) {
			t.Fatalf("%s: no %s event for %+v", name, EvCommitted, c)
		}
		commits++
	}
	// The duplicate reasons read the same entries: every member they name
	// is one the group has had.
	for _, f := range s.Fates("billing", FateDuplicated) {
		for _, part := range strings.Split(f.Reason, "processed by ")[1:] {
			member, _, _ := strings.Cut(part, " ")
			if g.history.nameIndex(member) < 0 || member == adminResetMember {
				t.Fatalf("%s: reason names member %q: %s", name, member, f.Reason)
			}
		}
	}
	return procs, commits
}

// eventIndex returns hasEvent: whether the run has an event of typ by
// member in generation gen (any when -1) at atMs whose text passes.
func eventIndex(s *Sim) func(typ EventType, member string, gen int, atMs int64, text func(string) bool) bool {
	type at struct {
		typ    EventType
		member string
		atMs   int64
	}
	byAt := map[at][]Event{}
	for _, e := range s.Events() {
		k := at{e.Type, e.Member, e.AtMs}
		byAt[k] = append(byAt[k], e)
	}
	return func(typ EventType, member string, gen int, atMs int64, text func(string) bool) bool {
		for _, e := range byAt[at{typ, member, atMs}] {
			if (gen < 0 || e.Gen == gen) && text(e.Text) {
				return true
			}
		}
		return false
	}
}

// rangeCovers: text ("orders-0@3..7 orders-1@4") has a range of tp holding
// offsets from..last.
func rangeCovers(text string, tp TopicPartition, from, last int64) bool {
	for _, tok := range strings.Fields(text) {
		name, rng, _ := strings.Cut(tok, "@")
		if name != tp.String() {
			continue
		}
		lo, hi, ok := strings.Cut(rng, "..")
		if !ok {
			hi = lo
		}
		l, _ := strconv.ParseInt(lo, 10, 64)
		h, _ := strconv.ParseInt(hi, 10, 64)
		if l <= from && last <= h {
			return true
		}
	}
	return false
}

// The ledger finds a lost record's early commit by searching the commits by
// time (commitsSince): that holds only while their times never decrease,
// and it finds what a walk from the start finds.
func TestCommitsSinceFindsWhatAWalkFinds(t *testing.T) {
	s, gl := crashRun(t, 21, func(c *Config) { c.Groups[0].Commit = CommitBeforeProcessing }, 4000)
	if gl.Lost == 0 {
		t.Fatalf("at-most-once lost nothing: %+v", gl)
	}
	h := &s.groupByID("billing").history
	last := int64(-1)
	for i := range h.commits.Len() {
		at := int64(h.commits.At(i).atMs)
		if at < last {
			t.Fatalf("commit %d at %d ms follows one at %d ms", i, at, last)
		}
		last = at
	}
	for atMs := int64(0); atMs <= last+1; atMs += 97 {
		walk := 0
		for walk < h.commits.Len() && int64(h.commits.At(walk).atMs) < atMs {
			walk++
		}
		if got := h.commitsSince(atMs); got != walk {
			t.Fatalf("commitsSince(%d) = %d, a walk finds %d", atMs, got, walk)
		}
	}
	early := 0
	for _, f := range s.Fates("billing", FateLost) {
		if strings.Contains(f.Reason, "committed offset") {
			early++
		}
	}
	if early == 0 {
		t.Errorf("no lost record names the commit made before it was processed")
	}
}
