package simview

import (
	"strings"

	"kafkasim/sim"
)

// LostTracker notices a group's lost count rising from one step to the
// next, so the ledger can show the records becoming lost and the engine's
// reason for them. It holds only what the snapshots and the run said.
type LostTracker struct {
	step int
	last map[string]int          // group → lost count at the last step seen
	Ids  map[string]map[int]bool // group → the lost records already told
	hot  *Anim
}

// Observe lights hotLost for each group whose lost count rose; fates lists
// a group's lost records with their reasons, nil when the run is busy.
func (t *LostTracker) Observe(snap *sim.Snapshot, hot *Anim, fates func(group string) []sim.RecordFate) {
	t.hot = hot
	if t.last == nil {
		t.last, t.Ids = map[string]int{}, map[string]map[int]bool{}
	} else if snap.Step == t.step {
		return
	}
	t.step = snap.Step
	for _, g := range snap.Ledger.Groups {
		old, seen := t.last[g.ID]
		t.last[g.ID] = g.Lost
		switch {
		case g.Lost < old:
			delete(t.Ids, g.ID) // a seek back: what was told no longer holds
		case seen && g.Lost > old:
			reason := ""
			if fates != nil {
				reason = t.newReason(g.ID, fates(g.ID))
			}
			hot.heat[HotKey{Kind: hotLost, S1: g.ID}] = hotVal{frames: hot.fadeFrames, label: reason, n: old, count: g.Lost}
		}
	}
}

// newReason is the engine's reason for the first lost record not told
// before (the first clause of it), and remembers them all as told.
func (t *LostTracker) newReason(group string, lost []sim.RecordFate) string {
	told := t.Ids[group]
	reason := ""
	next := make(map[int]bool, len(lost))
	for _, f := range lost {
		next[f.RecordID] = true
		if reason == "" && !told[f.RecordID] {
			reason, _, _ = strings.Cut(f.Reason, "; ")
		}
	}
	if reason == "" && len(lost) > 0 {
		reason, _, _ = strings.Cut(lost[len(lost)-1].Reason, "; ")
	}
	t.Ids[group] = next
	return reason
}

// LostNow is the highlight of a group's records just lost, if any.
func (t *LostTracker) LostNow(group string) (hotVal, bool) {
	if t.hot == nil {
		return hotVal{}, false
	}
	return t.hot.Get(HotKey{Kind: hotLost, S1: group})
}

// litLost is how many of a bar's lost cells are lit: they light one after
// another over the motion, all of them once it is done.
func (t *LostTracker) litLost(v hotVal, cells int) int {
	return (cells*t.hot.progress(v) + MotionFrames - 1) / MotionFrames
}
