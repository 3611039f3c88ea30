package simview

import "kafkasim/sim"

// commitTracker notices committed offsets moving from one step to the
// next, so the ruler can draw C sliding from where it was.
type commitTracker struct {
	step int
	last map[HotKey]int64
}

// observe compares the snapshot's committed offsets with the last step's.
func (t *commitTracker) observe(snap *sim.Snapshot, hot *Anim) {
	if t.last == nil {
		t.last = map[HotKey]int64{}
	} else if snap.Step == t.step {
		return
	}
	t.step = snap.Step
	for gi := range snap.Groups {
		g := &snap.Groups[gi]
		for _, o := range g.Offsets {
			k := HotKey{Kind: HotCommitFrom, S1: g.ID, S2: o.Topic, N1: o.Partition}
			if old, ok := t.last[k]; ok && old >= 0 && o.Committed > old {
				hot.LightFrom(k, old)
			}
			t.last[k] = o.Committed
		}
	}
}

// Slide draws C's trail on a ruler: from the old committed offset to the
// new one, its tail catching up over the motion's frames.
func (c *rulerRow) Slide(hot *Anim, k HotKey, committed, start, end int64) {
	v, ok := hot.Get(k)
	if !ok || v.from >= committed {
		return
	}
	tail := v.from + (committed-v.from)*int64(hot.progress(v))/MotionFrames
	for o := max(tail, start); o < min(committed, end); o++ {
		i := int(o-start) * 2
		if c.kinds[i] == rulerNumber {
			c.R[i], c.kinds[i] = '‹', rulerTrail
			if i+1 < len(c.R) && c.kinds[i+1] == rulerNumber {
				c.R[i+1], c.kinds[i+1] = ' ', rulerTrail
			}
		}
	}
}
