package sim

import "testing"

// Every record must read back its own producer, topic, partition, key,
// transaction, epoch, send number and value, however the records of
// several producers interleave, whatever the table of recent origins
// forgets (the index of origins full, or not), and after a clone on either
// side of it.
func TestLedgerOriginsAnswerEachRecordsOwnFacts(t *testing.T) {
	checkLedgerOrigins(t, &ledger{}, false)
	full := &ledger{originIdx: map[recordOrigin]int32{}}
	for i := range originIndexMax {
		full.originIdx[recordOrigin{producer: 9, key: int32(i)}] = -1
	}
	checkLedgerOrigins(t, full, true)
}

func checkLedgerOrigins(t *testing.T, l *ledger, indexFull bool) {
	l.names = []string{"a", "b", "c"}
	var want []newRecord
	sends := make([]int32, 3)
	for i := 0; i < 3*chunkLen; i++ {
		// Producer 0 sends bursts, 1 and 2 alternate; producer 2 has many
		// keys (more places than the table of recent origins holds) and
		// skips send numbers now and then.
		pi := []uint16{0, 0, 0, 1, 2, 1, 2}[i%7]
		sends[pi]++
		if pi == 2 && i%13 == 0 {
			sends[pi] += 5
		}
		r := newRecord{producer: pi, sendN: sends[pi], topicIdx: pi % 2, part: uint16(i % 5),
			key: int32(i % 3), value: valueGenerated, createdMs: uint32(i), txn: -1}
		if pi == 2 {
			r.key, r.txn = int32(i%1500), int32(i/100)
		}
		for int(r.key) >= len(l.keys) {
			l.internKey(string(rune('a' + len(l.keys))))
		}
		// Producer 1 sends values (every fifth send a tombstone), the
		// others make theirs up.
		if v := "v" + string(rune('a'+i%26)); pi == 1 && i%5 != 0 {
			r.value = l.value(&v)
		} else if pi == 1 {
			r.value = l.value(nil)
		}
		if rec := l.add(r); int(rec) != len(want) {
			t.Fatalf("record id %d, want %d", rec, len(want))
		}
		want = append(want, r)
	}
	// Producer 1's records get sequence numbers in epoch 4, one in epoch 5.
	for rec := range want {
		if want[rec].producer == 1 {
			l.numbered(int32(rec), int32(rec), 4)
		}
	}
	c := l.clone()
	l.numbered(3, 99, 5)
	epochOf := func(rec int) int16 {
		if want[rec].producer == 1 {
			return 4
		}
		return 0
	}
	check := func(name string, l *ledger, rec int, epoch int16) {
		t.Helper()
		o, r := l.origin(int32(rec)), want[rec]
		got := newRecord{producer: o.producer, sendN: l.sendN(int32(rec)), topicIdx: o.topicIdx, part: o.part, key: o.key,
			value: l.valueIndex(int32(rec)), createdMs: l.recs.At(rec).createdMs, txn: o.txn}
		if v, null := l.valueOf(int32(rec)); got != r || o.epoch != epoch || null != (r.value == valueNull) ||
			(r.value >= 0 && v != l.values[r.value]) {
			t.Fatalf("%s: record %d reads %+v epoch %d, want %+v epoch %d", name, rec, got, o.epoch, r, epoch)
		}
	}
	for rec := range want {
		check("clone", &c, rec, epochOf(rec))
		if rec == 3 {
			check("ledger", l, rec, 5)
			continue
		}
		check("ledger", l, rec, epochOf(rec))
	}
	// Each place once, producer 1's places again in epoch 4, and record
	// 3's in epoch 5.
	places := map[recordOrigin]bool{}
	for _, r := range want {
		o := recordOrigin{producer: r.producer, topicIdx: r.topicIdx, part: r.part, key: r.key, txn: r.txn}
		places[o] = true
		if r.producer == 1 {
			o.epoch = 4
			places[o] = true
		}
	}
	if n := l.origins.Len(); !indexFull && n > len(places)+1 {
		t.Errorf("%d origins for %d places: records of one place should share one", n, len(places))
	}
}
