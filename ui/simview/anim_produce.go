package simview

import (
	"github.com/charmbracelet/lipgloss"

	"kafkasim/sim"
	"kafkasim/ui/theme"
)

// A produce request's batch lands in the leader's log (EvAppended, as
// ReplicaManager.appendRecordsToLeaderLocal does it): while the motion
// runs, an arrow in front of the leader's strip shows a batch coming in
// from a producer, and the batch's offsets light up front first, so it is
// seen to enter the box. Only the highlight and the arrow move: every strip
// cell keeps the glyph the snapshot gives it, and once the motion is done
// the leader's new cells are lit exactly as --no-motion lights them.

// glyphProduceIn stands in the gap before a leader's strip while a batch
// is arriving.
const glyphProduceIn = '»'

// absorbProduce remembers an EvAppended: the leader's new offsets
// [Offset, EndOffset). Several appends in one step widen the range.
func (a *Anim) absorbProduce(e *sim.Event) {
	if e.EndOffset <= e.Offset {
		return
	}
	k := HotKey{Kind: hotProduceIn, S1: e.Topic, N1: e.Partition, N2: e.Broker}
	v := hotVal{frames: a.fadeFrames, label: e.Producer, from: e.Offset, to: e.EndOffset}
	if old, ok := a.heat[k]; ok && old.age == 0 {
		v.from, v.to = min(old.from, v.from), max(old.to, v.to)
	}
	a.heat[k] = v
}

// producing is broker b's batch just appended to a partition, if any.
func (a *Anim) producing(topic string, partition, b int) (hotVal, bool) {
	return a.Get(HotKey{Kind: hotProduceIn, S1: topic, N1: partition, N2: b})
}

// produceArriving reports whether the batch v is still coming in: its
// arrow shows until the motion is done.
func (a *Anim) produceArriving(v hotVal) bool {
	return a.progress(v) < MotionFrames
}

// produceLight is the style a leader's strip cell standing for offsets
// [lo, hi) takes from the arriving batch v, or nil: lit once the batch's
// front has passed it.
func (a *Anim) produceLight(st *theme.Styles, v hotVal, lo, hi int64) *lipgloss.Style {
	if lo < a.fetchFront(v) && hi > v.from {
		return &st.Hot
	}
	return nil
}

// glyphProduceInToken follows a leader's token ("0◆«") while a batch is
// arriving, where the cluster is drawn as tokens rather than strips.
const glyphProduceInToken = "«"

// tokenGap is what follows a replica's token: the arrow while a batch is
// arriving at it, else a space. Either is one cell, so nothing moves.
func (c *clusterPane) tokenGap(st *theme.Styles, hot *Anim, p *sim.PartitionView, b int) string {
	if v, ok := hot.producing(p.Topic, p.Partition, b); ok && hot.produceArriving(v) {
		return c.token(&st.Hot, glyphProduceInToken)
	}
	return " "
}
