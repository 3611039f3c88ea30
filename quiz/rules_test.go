package quiz

import "testing"

// Hand-worked cases for each rule in rules.go.

func TestLag(t *testing.T) {
	tests := []struct {
		name              string
		end, committed, w int64
	}{
		{"course example", 120, 95, 25},
		{"caught up", 540, 540, 0},
		{"never negative", 10, 12, 0},
		{"nothing committed, log from 0", 30, 0, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lag(tt.end, tt.committed); got != tt.w {
				t.Errorf("lag(%d, %d) = %d, want %d", tt.end, tt.committed, got, tt.w)
			}
		})
	}
}

func TestHighWatermark(t *testing.T) {
	tests := []struct {
		name string
		leos map[int]int64
		isr  []int
		want int64
	}{
		{"all in sync", map[int]int64{1: 10, 2: 8, 3: 7}, []int{1, 2, 3}, 7},
		{"slow follower out of the ISR is ignored", map[int]int64{1: 10, 2: 9, 3: 2}, []int{1, 2}, 9},
		{"leader alone", map[int]int64{1: 10, 2: 3}, []int{1}, 10},
		{"empty log", map[int]int64{1: 0, 2: 0}, []int{1, 2}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := highWatermark(tt.leos, tt.isr); got != tt.want {
				t.Errorf("highWatermark = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestReprocessedAfterCrash(t *testing.T) {
	// Committed 40, processed 40..49, crash: resume at 40, 40..49 twice.
	resume, twice := reprocessedAfterCrash(40, 49)
	if resume != 40 || twice != (offsetRange{40, 49}) || twice.count() != 10 {
		t.Errorf("got resume %d, twice %+v (%d)", resume, twice, twice.count())
	}
	// Crash right after processing one record.
	if _, twice := reprocessedAfterCrash(7, 7); twice.count() != 1 {
		t.Errorf("one record: count %d, want 1", twice.count())
	}
}

func TestLostAfterEarlyCommit(t *testing.T) {
	tests := []struct {
		name                  string
		polledLast, processed int64
		resume                int64
		lost                  offsetRange
	}{
		{"half done", 19, 14, 20, offsetRange{15, 19}},
		{"nothing done", 19, 9, 20, offsetRange{10, 19}}, // polled 10..19
		{"all but the last", 19, 18, 20, offsetRange{19, 19}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resume, lost := lostAfterEarlyCommit(tt.polledLast, tt.processed)
			if resume != tt.resume || lost != tt.lost {
				t.Errorf("got %d %+v, want %d %+v", resume, lost, tt.resume, tt.lost)
			}
		})
	}
}

func TestAcksAllOutcome(t *testing.T) {
	tests := []struct {
		isr, minISR int
		want        string
	}{
		{3, 2, writeAccepted},
		{2, 2, writeAccepted},
		{1, 2, writeNotEnoughReplicas},
		{1, 1, writeAccepted}, // acks=all degrades to the leader alone
		{2, 3, writeNotEnoughReplicas},
	}
	for _, tt := range tests {
		if got := acksAllOutcome(tt.isr, tt.minISR); got != tt.want {
			t.Errorf("acksAllOutcome(isr %d, min %d) = %s, want %s", tt.isr, tt.minISR, got, tt.want)
		}
	}
}

func TestElectLeader(t *testing.T) {
	deadSet := func(dead ...int) func(int) bool {
		return func(b int) bool {
			for _, d := range dead {
				if d == b {
					return false
				}
			}
			return true
		}
	}
	tests := []struct {
		name          string
		replicas, isr []int
		alive         func(int) bool
		unclean       bool
		leader        int
		clean, ok     bool
	}{
		{"first live ISR member in replica order", []int{2, 3, 1}, []int{2, 3, 1}, deadSet(2), false, 3, true, true},
		{"replica order, not ISR order", []int{2, 3, 1}, []int{2, 1, 3}, deadSet(2), false, 3, true, true},
		{"skips out-of-sync replicas", []int{2, 3, 1}, []int{2, 1}, deadSet(2), false, 1, true, true},
		{"offline without unclean election", []int{2, 3, 1}, []int{2}, deadSet(2), false, 0, false, false},
		{"unclean election picks first live replica", []int{2, 3, 1}, []int{2}, deadSet(2), true, 3, false, true},
		{"unclean but everyone dead", []int{2, 3}, []int{2}, deadSet(2, 3), true, 0, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			leader, clean, ok := electLeader(tt.replicas, tt.isr, tt.alive, tt.unclean)
			if leader != tt.leader || clean != tt.clean || ok != tt.ok {
				t.Errorf("got (%d, %t, %t), want (%d, %t, %t)", leader, clean, ok, tt.leader, tt.clean, tt.ok)
			}
		})
	}
}

func TestLostOnFailover(t *testing.T) {
	// Old leader wrote 0..104 (LEO 105), new leader has 0..101 (LEO 102).
	if got := lostOnFailover(105, 102); got != (offsetRange{102, 104}) || got.count() != 3 {
		t.Errorf("got %+v", got)
	}
	if got := lostOnFailover(50, 50); got.count() != 0 {
		t.Errorf("nothing lost when caught up, got %+v", got)
	}
}

func TestActiveConsumers(t *testing.T) {
	for _, tt := range []struct{ p, c, want int }{{3, 5, 3}, {1, 4, 1}, {6, 2, 2}, {4, 4, 4}} {
		if got := activeConsumers(tt.p, tt.c); got != tt.want {
			t.Errorf("activeConsumers(%d, %d) = %d, want %d", tt.p, tt.c, got, tt.want)
		}
	}
}

func TestLogStartAfterRetention(t *testing.T) {
	// UnifiedLog.deletableSegments walks from the oldest segment while the
	// retention predicate holds, the active segment included;
	// deleteSegments rolls a fresh active segment first when every segment
	// goes (UnifiedLogTest.testDeleteOldSegments).
	h := int64(hourMs)
	now := 1000 * h
	segs := []segment{{0, now - 300*h}, {100, now - 200*h}, {250, now - 100*h}, {400, now - 1*h}}
	const logEnd = 450
	tests := []struct {
		name      string
		retention int64
		want      int64
	}{
		{"7 days removes two segments", 168 * h, 250},
		{"long retention removes none", 400 * h, 0},
		{"boundary is kept: not older than", 200 * h, 100},
		{"an expired active segment goes too: the log starts at its end", 0, logEnd},
		{"the active segment stays while its newest record is young", 1 * h, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := logStartAfterRetention(segs, logEnd, now, tt.retention); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
	// Deletion stops at the first segment that is kept, even if a later
	// closed one looks old (timestamps out of order).
	odd := []segment{{0, now - 300*h}, {10, now - 1*h}, {20, now - 500*h}, {30, now}}
	if got := logStartAfterRetention(odd, 40, now, 168*h); got != 10 {
		t.Errorf("prefix rule: got %d, want 10", got)
	}
}

func TestResumeOffset(t *testing.T) {
	tests := []struct {
		name                  string
		committed, start, end int64
		has                   bool
		policy                string
		want                  int64
		reset, ok             bool
	}{
		{"valid commit wins over latest", 500, 100, 900, true, "latest", 500, false, true},
		{"valid commit wins over earliest", 500, 100, 900, true, "earliest", 500, false, true},
		{"commit at the end is valid", 900, 100, 900, true, "earliest", 900, false, true},
		{"deleted by retention, earliest", 40, 100, 900, true, "earliest", 100, true, true},
		{"deleted by retention, latest", 40, 100, 900, true, "latest", 900, true, true},
		{"no commit, none errors", 0, 0, 900, false, "none", 0, true, false},
		{"no commit, earliest", 0, 0, 900, false, "earliest", 0, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reset, ok := resumeOffset(tt.committed, tt.start, tt.end, tt.has, tt.policy)
			if got != tt.want || reset != tt.reset || ok != tt.ok {
				t.Errorf("got (%d, %t, %t), want (%d, %t, %t)", got, reset, ok, tt.want, tt.reset, tt.ok)
			}
		})
	}
}

func TestRangeText(t *testing.T) {
	tests := []struct {
		r    offsetRange
		want string
	}{
		{noOffsets, "none"},
		{offsetRange{5, 4}, "none"},
		{offsetRange{0, 0}, "0"},
		{offsetRange{40, 47}, "40 to 47"},
	}
	for _, tt := range tests {
		if got := rangeText(tt.r); got != tt.want {
			t.Errorf("rangeText(%+v) = %q, want %q", tt.r, got, tt.want)
		}
	}
}
