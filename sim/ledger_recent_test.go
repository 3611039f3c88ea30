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
	p := &partition{}
	slot := l.takeRecentSlots(p, 40, 1)
	l.noteRecentOf(slot, rec, ri, l.originOf(ri))

	var c recentCursor
	f, ok := l.recentAt(&c, p, 40, rec)
	if !ok || f.size != ri.size || f.createdMs != 7 || f.seq != 5 || f.epoch != 3 || f.producer != 2 || f.topicIdx != 1 {
		t.Fatalf("cached facts %+v, %v; ledger has %+v", f, ok, *ri)
	}
	if c := l.clone(); c.recent != nil {
		t.Error("a clone shares the cache: its records may differ after the clone point")
	}

	// A record appended a whole table later takes the slot.
	other := l.add(newRecord{key: -1, value: valueNull, txn: -1})
	l.takeRecentSlots(&partition{}, 0, 1<<recentBits-1)
	q := &partition{}
	l.noteRecentOf(l.takeRecentSlots(q, 0, 1), other, l.recs.At(int(other)), l.originOf(l.recs.At(int(other))))
	if _, ok := l.recentAt(&recentCursor{}, p, 40, rec); ok {
		t.Error("a record answered from a slot another record took")
	}
	if _, ok := l.recentAt(&recentCursor{}, q, 0, other); !ok {
		t.Error("the record that took the slot is not found")
	}

	// Renumbering drops it.
	l.forgetRecent()
	if _, ok := l.recentAt(&recentCursor{}, q, 0, other); ok {
		t.Error("a forgotten record is still answered")
	}
	if _, ok := l.recentOf(0, -1); ok {
		t.Error("a marker (negative id) is answered")
	}
}

// A batch's records take neighbouring slots, and a partition finds the
// slots of its last recentRuns appends, not older ones.
func TestRecentSlotsFollowAppends(t *testing.T) {
	var l ledger
	p, q := &partition{}, &partition{}
	first := l.takeRecentSlots(p, 100, 3)
	l.takeRecentSlots(q, 0, 5)
	second := l.takeRecentSlots(p, 103, 2)
	var c recentCursor
	for off, want := range map[int64]uint32{100: first, 102: first + 2, 103: second, 104: second + 1} {
		if got, ok := c.at(p, off); !ok || got != want {
			t.Errorf("offset %d: slot %d, %v; want %d", off, got, ok, want)
		}
	}
	if _, ok := c.at(p, 105); ok {
		t.Error("an offset not appended yet has a slot")
	}
	for i := 0; i < recentRuns; i++ {
		l.takeRecentSlots(p, 105+int64(i), 1)
	}
	if _, ok := c.at(p, 100); ok {
		t.Error("an append older than the last recentRuns still has its slots")
	}
}
