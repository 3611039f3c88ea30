package scenarios

import (
	"reflect"
	"testing"

	"kafkasim/sim"
)

// A snapshot that carries the records of only some logs (what a screen
// shows) is the full snapshot with the other logs' records left out, and
// its Unshown marks say exactly what those left-out tails held: a legend
// read from it is the one read from the full snapshot. Built-ins with
// transactions, compaction, null keys, tombstones and duplicates, so
// every mark but a gap is seen.
func TestSnapshotTailsLeaveOutOnlyRecords(t *testing.T) {
	evenOnly := func(_ string, p int) bool { return p%2 == 0 }
	none := func(string, int) bool { return false }
	seen := sim.TailMarks{}
	for _, name := range markedBuiltIns {
		sc, s := builtInSim(t, name)
		s.DiscardEvents()
		for step := 1; s.NextAt() >= 0 && s.NextAt() <= sc.DurationMs; step++ {
			s.Step()
			if step%10 != 0 {
				continue
			}
			shows, tail := evenOnly, sim.DefaultSnapshotTail
			if step%20 == 0 {
				shows, tail = none, 4096 // a window far back: the compacted part of a log
			}
			full, part := s.SnapshotTail(tail), s.SnapshotTails(tail, shows)
			want := leftOut(&full, shows)
			if part.Unshown != want {
				t.Fatalf("%s step %d: Unshown %+v, the left-out records hold %+v", name, step, part.Unshown, want)
			}
			orMarks(&seen, want)
			part.Unshown = sim.TailMarks{}
			if !reflect.DeepEqual(part, full) {
				t.Fatalf("%s step %d: the partial snapshot differs from the full one beyond the left-out records", name, step)
			}
		}
	}
	// No built-in leaves a gap inside a log's tail (the cleaner keeps the
	// newest records of each key at the log's end), so Gap is not asked for.
	if seen != (sim.TailMarks{NullKey: true, Dup: true, Tombstone: true, Aborted: true, Control: true}) {
		t.Errorf("not every mark was seen in a left-out tail (%+v): the test proves less than it says", seen)
	}
}

// leftOut clears the records of the logs shows leaves out of snap and
// says what they held, by the logs legend's rules.
func leftOut(snap *sim.Snapshot, shows func(string, int) bool) sim.TailMarks {
	var m sim.TailMarks
	for ti := range snap.Topics {
		for pi := range snap.Topics[ti].Partitions {
			p := &snap.Topics[ti].Partitions[pi]
			if shows(p.Topic, p.Partition) {
				continue
			}
			orMarks(&m, recordMarks(p.Records))
			p.Records = nil
		}
	}
	return m
}

func orMarks(m *sim.TailMarks, o sim.TailMarks) {
	m.NullKey, m.Dup, m.Tombstone = m.NullKey || o.NullKey, m.Dup || o.Dup, m.Tombstone || o.Tombstone
	m.Aborted, m.Control, m.Gap = m.Aborted || o.Aborted, m.Control || o.Control, m.Gap || o.Gap
}

// A snapshot that copies only a window of the logs a view draws holds,
// of each such log, the full snapshot's records in the window and the
// one just below it, and nothing else; what it leaves out is in Unshown,
// so the legend read from it is the full snapshot's.
func TestSnapshotWindowsHoldWhatTheyDraw(t *testing.T) {
	for _, name := range markedBuiltIns {
		sc, s := builtInSim(t, name)
		s.DiscardEvents()
		copied := 0
		for step := 1; s.NextAt() >= 0 && s.NextAt() <= sc.DurationMs; step++ {
			s.Step()
			if step%7 != 0 {
				continue
			}
			tail := sim.DefaultSnapshotTail
			if step%14 == 0 {
				tail = 4096
			}
			// Windows of a few offsets at different depths, one log in
			// three left out.
			window := func(_ *sim.Snapshot, p *sim.PartitionView) (int64, int64, bool) {
				from := p.LogEnd - int64(3+5*(step%4)+p.Partition)
				return from, from + 4, p.Partition%3 != 1
			}
			full, part := s.SnapshotTail(tail), s.SnapshotWindows(tail, window)
			for ti := range full.Topics {
				for pi := range full.Topics[ti].Partitions {
					fp, pp := &full.Topics[ti].Partitions[pi], &part.Topics[ti].Partitions[pi]
					from, to, shown := window(&full, fp)
					want := inWindow(fp.Records, from, to)
					if !shown {
						want = nil
					}
					if !reflect.DeepEqual(pp.Records, want) {
						t.Fatalf("%s step %d %s-%d: window [%d,%d) holds %v, want %v", name, step, fp.Topic, fp.Partition,
							from, to, offsets(pp.Records), offsets(want))
					}
					copied += len(want)
				}
			}
			if got, want := orOf(legendMarks(&part), part.Unshown), legendMarks(&full); got != want {
				t.Fatalf("%s step %d: the windowed snapshot's legend %+v, the full one's %+v", name, step, got, want)
			}
			for ti := range part.Topics {
				for pi := range part.Topics[ti].Partitions {
					part.Topics[ti].Partitions[pi].Records = full.Topics[ti].Partitions[pi].Records
				}
			}
			part.Unshown = sim.TailMarks{}
			if !reflect.DeepEqual(part, full) {
				t.Fatalf("%s step %d: the windowed snapshot differs from the full one beyond the records", name, step)
			}
		}
		if copied == 0 {
			t.Errorf("%s: no window held a record: the test proves nothing", name)
		}
	}
}

// inWindow is what a window [from, to) of recs holds: the records in it
// and the one just below it.
func inWindow(recs []sim.RecordView, from, to int64) []sim.RecordView {
	var out []sim.RecordView
	for i, r := range recs {
		below := r.Offset < from && (i+1 == len(recs) || recs[i+1].Offset >= from)
		if below || (r.Offset >= from && r.Offset < to) {
			out = append(out, r)
		}
	}
	return out
}

func offsets(recs []sim.RecordView) []int64 {
	var out []int64
	for _, r := range recs {
		out = append(out, r.Offset)
	}
	return out
}

// legendMarks is what the records snap holds show, by the logs legend's
// rules.
func legendMarks(snap *sim.Snapshot) sim.TailMarks {
	var m sim.TailMarks
	for ti := range snap.Topics {
		for pi := range snap.Topics[ti].Partitions {
			orMarks(&m, recordMarks(snap.Topics[ti].Partitions[pi].Records))
		}
	}
	return m
}

// recordMarks is what one log's records show, by the logs legend's rules.
func recordMarks(recs []sim.RecordView) sim.TailMarks {
	var m sim.TailMarks
	next := int64(-1)
	for _, r := range recs {
		orMarks(&m, sim.TailMarks{NullKey: r.NullKey && r.Control == "", Dup: r.Copy > 1, Tombstone: r.Tombstone,
			Aborted: r.Aborted, Control: r.Control != "", Gap: next >= 0 && r.Offset > next})
		next = r.Offset + 1
	}
	return m
}

func orOf(a, b sim.TailMarks) sim.TailMarks {
	orMarks(&a, b)
	return a
}
