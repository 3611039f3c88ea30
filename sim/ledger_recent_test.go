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
	l.landed(rec, 40)
	base := recentBase(1, 0, 12)
	slot := base + 40
	l.noteRecentOf(slot, rec, ri, l.originOf(ri))

	f, ok := l.recentOf(slot, rec)
	if !ok || f.size != ri.size || f.createdMs != 7 || f.seq != 5 || f.epoch != 3 || f.producer != 2 || f.topicIdx != 1 {
		t.Fatalf("cached facts %+v, %v; ledger has %+v", f, ok, *ri)
	}
	if c := l.clone(); c.recent != nil {
		t.Error("a clone shares the cache: its records may differ after the clone point")
	}

	// A record whose offset falls in the same slot takes it.
	other := l.add(newRecord{key: -1, value: valueNull, txn: -1})
	l.landed(other, 40+1<<recentBits)
	l.noteRecentOf(slot, other, l.recs.At(int(other)), l.originOf(l.recs.At(int(other))))
	if _, ok := l.recentOf(slot, rec); ok {
		t.Error("a record answered from a slot another record took")
	}
	if _, ok := l.recentOf(slot, other); !ok {
		t.Error("the record that took the slot is not found")
	}

	// Renumbering drops it.
	l.forgetRecent(other, base)
	if _, ok := l.recentOf(slot, other); ok {
		t.Error("a forgotten record is still answered")
	}
	if _, ok := l.recentOf(slot, -1); ok {
		t.Error("a marker (negative id) is answered")
	}
}

// A topic's partitions keep their records' facts in stretches of their own:
// consecutive offsets of one partition take consecutive slots, and the
// partitions' stretches start evenly apart.
func TestRecentSlotsFollowThePartitionsLog(t *testing.T) {
	const parts = 12
	p := &partition{topicIdx: 2, id: 5, recentBase: recentBase(2, 5, parts)}
	if d := recentSlot(p, 101) - recentSlot(p, 100); d != 1 {
		t.Errorf("consecutive offsets are %d slots apart, want 1", d)
	}
	gap := recentBase(2, 6, parts) - recentBase(2, 5, parts)
	if want := uint32(1<<recentBits) / parts; gap < want || gap > want+1 {
		t.Errorf("neighbouring partitions start %d slots apart, want about %d", gap, want)
	}
}
