package sim

import "testing"

// The recent-records cache must only ever answer with the ledger's own
// values: a slot taken by another record, a renumbered record, and a clone
// all fall back to the ledger.
func TestRecentFactsAnswerOnlyForTheirRecord(t *testing.T) {
	var l ledger
	v := "value"
	rec := l.add(newRecord{key: l.internKey("k"), value: l.value(&v), createdMs: 7, producer: 2, topicIdx: 1, sendN: 1, txn: -1})
	ri := l.numbered(rec, 5, 3)
	l.noteRecent(rec, ri)

	f, ok := l.recentOf(rec)
	if !ok || f.size != ri.size || f.createdMs != 7 || f.seq != 5 || f.epoch != 3 || f.producer != 2 || f.topicIdx != 1 {
		t.Fatalf("cached facts %+v, %v; ledger has %+v", f, ok, *ri)
	}
	if c := l.clone(); c.recent != nil {
		t.Error("a clone shares the cache: its records may differ after the clone point")
	}

	// A record whose id falls in the same slot takes it.
	for l.recs.Len() <= int(rec)+1<<recentBits {
		l.add(newRecord{key: -1, value: valueNull, txn: -1})
	}
	other := rec + 1<<recentBits
	l.noteRecent(other, l.recs.At(int(other)))
	if _, ok := l.recentOf(rec); ok {
		t.Error("a record answered from a slot another record took")
	}
	if _, ok := l.recentOf(other); !ok {
		t.Error("the record that took the slot is not found")
	}

	// Renumbering drops it.
	l.forgetRecent(other)
	if _, ok := l.recentOf(other); ok {
		t.Error("a forgotten record is still answered")
	}
	if _, ok := l.recentOf(-1); ok {
		t.Error("a marker (negative id) is answered")
	}
}
