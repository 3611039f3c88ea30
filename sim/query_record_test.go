package sim

import (
	"strconv"
	"strings"
	"testing"
)

// TestRecordAgreesWithFates: the record inspector's one-record query tells
// each record's fate, processing count and reason exactly as the ledger's
// drill-down (Fates) does, for a crash that duplicates (at-least-once) and
// one that loses (at-most-once).
func TestRecordAgreesWithFates(t *testing.T) {
	for _, commit := range []string{CommitAfterProcessing, CommitBeforeProcessing} {
		s, _ := crashRun(t, 21, func(c *Config) { c.Groups[0].Commit = commit }, 4000)
		fates := s.Fates("billing", "")
		if len(fates) == 0 {
			t.Fatalf("seed 21, %s: no fates", commit)
		}
		for _, f := range fates {
			st, ok := s.Record(f.RecordID)
			if !ok || len(st.Groups) != 1 {
				t.Fatalf("seed 21, %s: record %d: ok %v, groups %+v", commit, f.RecordID, ok, st.Groups)
			}
			g := st.Groups[0]
			if g.Group != "billing" || g.Fate != f.Fate || g.Processed != f.Processed || g.Reason != f.Reason {
				t.Fatalf("seed 21, %s: record %d: inspector says %+v, the ledger %+v", commit, f.RecordID, g, f)
			}
			if st.Producer != f.Producer || st.SendN != f.SendN || !equalOffsets(st.Offsets, f.Offsets) || st.Key != f.Key {
				t.Fatalf("seed 21, %s: record %d: %+v vs %+v", commit, f.RecordID, st, f)
			}
		}
	}
}

// TestRecordShowsEveryCopy: a plain (non-idempotent) producer whose
// response is lost retries and writes the record again (KIP-98 is what
// would stop it): the inspector lists both offsets, the group processed it
// twice, and the engine's reason names the copies.
func TestRecordShowsEveryCopy(t *testing.T) {
	c := basicConfig(3)
	c.Topics[0].Partitions = 1
	c.Producers[0].Acks, c.Producers[0].EnableIdempotence = AcksLeader, false
	c.Producers[0].Count = 60
	s := mustNew(t, c)
	s.RunUntil(1000)
	_ = s.Apply(Command{Kind: CmdDropAcks, Broker: leaderOf(s, "orders", 0), Count: 1})
	s.RunUntil(30000)
	found := false
	for rec, extra := range s.ledger.extra {
		if len(extra) == 0 {
			continue
		}
		st, ok := s.Record(int(rec))
		if !ok || len(st.Offsets) != 1+len(extra) || len(st.Groups) != 1 {
			t.Fatalf("seed 3: record %d: %+v", rec, st)
		}
		g := st.Groups[0]
		if g.Processed != len(st.Offsets) || g.Fate != FateDuplicated || !strings.Contains(g.Reason, "copies") {
			t.Fatalf("seed 3: record %d at %v: %+v", rec, st.Offsets, g)
		}
		if st.Value != st.Producer+"#"+itoaTest(st.SendN) || st.Outcome != "acknowledged" {
			t.Fatalf("seed 3: record %d: value %q, outcome %q", rec, st.Value, st.Outcome)
		}
		found = true
	}
	if !found {
		t.Fatalf("seed 3: a lost ack should make a retry write a second copy:\n%s", trace(s.Events()))
	}
	if _, ok := s.Record(-1); ok {
		t.Fatal("a control marker (-1) has no story")
	}
	if _, ok := s.Record(s.ledger.recs.Len()); ok {
		t.Fatal("an id past the ledger has no story")
	}
}

func itoaTest(n int) string { return strconv.Itoa(n) }

func equalOffsets(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
