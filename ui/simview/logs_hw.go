package simview

import "kafkasim/sim"

// The high watermark advancing is the moment records become committed:
// readable by read_committed and read_uncommitted consumers alike, and
// safe from a leader failover (Kafka's Partition.maybeIncrementLeaderHW).
// While a step's motion runs, a trail under the newly committed span
// shows where H came from and shrinks towards it; H itself is at the
// snapshot's high watermark in every frame.

// glyphHWTrail marks the offsets H just passed.
const glyphHWTrail = '‹'

// hwTracker notices high watermarks moving from one step to the next.
type hwTracker struct {
	step int
	last map[partAt]int64
}

// observe compares the snapshot's high watermarks with the last step's.
func (t *hwTracker) observe(snap *sim.Snapshot, hot *Anim) {
	if t.last == nil {
		t.last = map[partAt]int64{}
	} else if snap.Step == t.step {
		return
	}
	t.step = snap.Step
	for ti := range snap.Topics {
		for pi := range snap.Topics[ti].Partitions {
			p := &snap.Topics[ti].Partitions[pi]
			at := partAt{p.Topic, p.Partition}
			if old, ok := t.last[at]; ok && p.HighWatermark > old {
				hot.LightFrom(hwFromKey(p), old)
			}
			t.last[at] = p.HighWatermark
		}
	}
}

func hwFromKey(p *sim.PartitionView) HotKey {
	return HotKey{Kind: hotHWFrom, S1: p.Topic, N1: p.Partition}
}

// hwTrailFrom is the first offset of p's trail: the old high watermark at
// the motion's start, the new one (no trail) when it is done.
func hwTrailFrom(hot *Anim, p *sim.PartitionView) int64 {
	v, ok := hot.Get(hwFromKey(p))
	if !ok || v.from >= p.HighWatermark {
		return p.HighWatermark
	}
	return v.from + (p.HighWatermark-v.from)*int64(hot.progress(v))/MotionFrames
}
