package simview

import (
	"github.com/charmbracelet/lipgloss"

	"kafkasim/sim"
	"kafkasim/ui/theme"
)

// A replication fetch moves a batch from the leader's log to a follower's:
// while the motion runs, the fetched offsets are lit on the leader's strip
// and pass, front first, to the follower's strip, so the batch is seen to
// leave one box and arrive in the other. Only the highlight moves: every
// cell keeps the glyph the snapshot gives it, and once the motion is done
// the follower's new cells are lit exactly as --no-motion lights them.

// absorbFetch remembers an EvReplicated: the follower's new offsets
// [Offset, EndOffset) and the leader they came from. Several fetches in one
// step widen the range.
func (a *Anim) absorbFetch(e *sim.Event) {
	if e.EndOffset <= e.Offset {
		return
	}
	in := HotKey{Kind: hotFetchIn, S1: e.Topic, N1: e.Partition, N2: e.Broker}
	out := HotKey{Kind: hotFetchOut, S1: e.Topic, N1: e.Partition, N2: e.Broker2}
	for _, k := range []HotKey{in, out} {
		v := hotVal{frames: a.fadeFrames, n: e.Broker2, from: e.Offset, to: e.EndOffset}
		if old, ok := a.heat[k]; ok && old.age == 0 {
			v.from, v.to = min(old.from, v.from), max(old.to, v.to)
		}
		a.heat[k] = v
	}
}

// fetchFront is the first offset of a fetched batch not yet arrived at the
// follower: from at the motion's start, to when it is done; rounded, so a
// one-record batch spends half the motion in each box.
func (a *Anim) fetchFront(v hotVal) int64 {
	return v.from + ((v.to-v.from)*int64(a.progress(v))+MotionFrames/2)/MotionFrames
}

// Fetching reports whether broker b's strip of a partition takes part in a
// replication fetch of the last step, as follower or as leader.
func (a *Anim) Fetching(topic string, partition, b int) bool {
	return a.Is(HotKey{Kind: hotFetchIn, S1: topic, N1: partition, N2: b}) ||
		a.Is(HotKey{Kind: hotFetchOut, S1: topic, N1: partition, N2: b})
}

// fetchLight is the style a strip cell standing for offsets [lo, hi) takes
// from a replication fetch on broker b, or nil: on the follower the part
// of the batch that has arrived, on the leader the part still to leave.
func (a *Anim) fetchLight(st *theme.Styles, topic string, partition, b int, lo, hi int64) *lipgloss.Style {
	overlaps := func(from, to int64) bool { return lo < to && hi > from }
	if v, ok := a.heat[HotKey{Kind: hotFetchIn, S1: topic, N1: partition, N2: b}]; ok &&
		overlaps(v.from, a.fetchFront(v)) {
		return &st.Hot
	}
	if v, ok := a.heat[HotKey{Kind: hotFetchOut, S1: topic, N1: partition, N2: b}]; ok &&
		overlaps(a.fetchFront(v), v.to) {
		return &st.Hot
	}
	return nil
}
