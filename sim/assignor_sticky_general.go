package sim

import (
	"cmp"
	"slices"
)

// stickyBuilder is the sticky assignment when subscriptions differ (Kafka's
// GeneralAssignmentBuilder). Perfect balance may be impossible then, so
// "balanced" means: no member could take a partition from another member
// that holds at least two more than it does.
type stickyBuilder struct {
	g         *assignGroup
	assigned  [][]TopicPartition
	owner     []int            // by partition index; -1 until given out
	potential map[string][]int // topic -> subscribed members, in id order
	maxSize   []int            // partitions a member could hold at most
	active    []bool           // members that can still gain or lose partitions
	origin    []int            // owner when balancing began
}

// stickyGeneral:
//  1. keeps every owned partition whose topic the owner still subscribes to;
//  2. gives each remaining partition to the least-loaded subscriber, topics
//     with the fewest subscribers first;
//  3. moves partitions from members that hold at least two more than
//     another subscriber of the topic until the assignment is balanced,
//     first among the newly assigned partitions alone (when nobody had to
//     give up a partition for unsubscribing), then among all of them.
func stickyGeneral(g *assignGroup, c *stickyClaims) [][]TopicPartition {
	b := newStickyBuilder(g)
	revoking := b.keepOwned(c)
	all, fresh := b.placeRest()

	// A partition whose topic has a single subscriber can never move, and
	// a member holding only such partitions, all it can get, is left out.
	movable := func(tp TopicPartition) bool { return len(b.potential[tp.Topic]) > 1 }
	all = slices.DeleteFunc(all, func(tp TopicPartition) bool { return !movable(tp) })
	fresh = slices.DeleteFunc(fresh, func(tp TopicPartition) bool { return !movable(tp) })
	for i := range g.members {
		b.active[i] = len(b.assigned[i]) < b.maxSize[i] || slices.ContainsFunc(b.assigned[i], movable)
	}

	b.origin = slices.Clone(b.owner)
	if !revoking {
		b.rebalance(fresh, c.prev)
	}
	b.rebalance(all, c.prev)
	return b.assigned
}

func newStickyBuilder(g *assignGroup) *stickyBuilder {
	b := &stickyBuilder{
		g:         g,
		assigned:  make([][]TopicPartition, len(g.members)),
		owner:     make([]int, g.total),
		potential: map[string][]int{},
		maxSize:   make([]int, len(g.members)),
		active:    make([]bool, len(g.members)),
	}
	for k := range b.owner {
		b.owner[k] = -1
	}
	for i := range g.members {
		for _, topic := range g.topics {
			if g.subscribed[i][topic] {
				b.potential[topic] = append(b.potential[topic], i)
				b.maxSize[i] += g.counts[topic]
			}
		}
	}
	return b
}

// keepOwned gives members the partitions they won claims to, except those
// of topics they no longer subscribe to; it reports whether there were any.
func (b *stickyBuilder) keepOwned(c *stickyClaims) (revoking bool) {
	for i, own := range c.owned {
		for _, tp := range own {
			if !b.g.subscribed[i][tp.Topic] {
				revoking = true
				continue
			}
			b.give(tp, i)
		}
	}
	return revoking
}

// placeRest gives every partition nobody kept to its topic's least-loaded
// subscriber. It returns all partitions and the newly placed ones, both
// ordered with the topics that have the fewest subscribers first: they are
// the hardest to place.
func (b *stickyBuilder) placeRest() (all, fresh []TopicPartition) {
	topics := slices.Clone(b.g.topics)
	slices.SortStableFunc(topics, func(x, y string) int {
		return cmp.Compare(len(b.potential[x]), len(b.potential[y]))
	})
	for _, topic := range topics {
		for p := range b.g.counts[topic] {
			tp := TopicPartition{topic, p}
			all = append(all, tp)
			if b.owner[b.g.index(tp)] < 0 {
				b.give(tp, b.leastLoaded(topic, false))
				fresh = append(fresh, tp)
			}
		}
	}
	return all, fresh
}

func (b *stickyBuilder) give(tp TopicPartition, i int) {
	b.assigned[i] = append(b.assigned[i], tp)
	b.owner[b.g.index(tp)] = i
}

// leastLoaded picks the subscriber of topic holding the fewest partitions,
// the lowest id on a tie; with activeOnly it skips members left out.
func (b *stickyBuilder) leastLoaded(topic string, activeOnly bool) int {
	best := -1
	for _, i := range b.potential[topic] {
		if activeOnly && !b.active[i] {
			continue
		}
		if best < 0 || len(b.assigned[i]) < len(b.assigned[best]) {
			best = i
		}
	}
	return best
}

// balanced reports whether no member could take a partition from a member
// holding at least two more than it.
func (b *stickyBuilder) balanced() bool {
	lo, hi := -1, -1
	for i, ok := range b.active {
		if ok {
			n := len(b.assigned[i])
			if lo < 0 || n < lo {
				lo = n
			}
			hi = max(hi, n)
		}
	}
	if lo >= hi-1 {
		return true
	}
	for i, ok := range b.active {
		n := len(b.assigned[i])
		if !ok || n >= b.maxSize[i] {
			continue
		}
		for _, topic := range b.g.topics {
			if !b.g.subscribed[i][topic] {
				continue
			}
			base := b.g.first[topic]
			for p := range b.g.counts[topic] {
				if o := b.owner[base+p]; o != i && n+1 < len(b.assigned[o]) {
					return false
				}
			}
		}
	}
	return true
}

// rebalance walks the partitions, moving any whose member holds at least
// two more than another subscriber, until the assignment is balanced or a
// full pass moves nothing. Every move narrows a gap of two or more, so it
// ends. A partition goes back to its older-generation claimant in prev
// when that claimant has room, else to the least-loaded subscriber.
func (b *stickyBuilder) rebalance(list []TopicPartition, prev map[TopicPartition]int) {
	for {
		moved := false
		for _, tp := range list {
			if b.balanced() {
				return
			}
			cur := b.owner[b.g.index(tp)]
			if p, ok := prev[tp]; ok && p != cur && b.active[p] && b.g.subscribed[p][tp.Topic] &&
				len(b.assigned[cur]) > len(b.assigned[p])+1 {
				b.move(tp, cur, p)
				moved = true
				continue
			}
			to := b.leastLoaded(tp.Topic, true)
			if len(b.assigned[cur]) > len(b.assigned[to])+1 {
				b.move(tp, cur, to)
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

// move hands a partition of tp's topic from one member to another. If an
// earlier move took a partition of the same topic from `to` to `from`, that
// one goes back instead: the counts change the same way and fewer
// partitions end up away from where they started (Kafka's
// PartitionMovements does the same).
func (b *stickyBuilder) move(tp TopicPartition, from, to int) {
	for _, q := range b.assigned[from] {
		if q.Topic == tp.Topic && b.origin[b.g.index(q)] == to {
			tp = q
			break
		}
	}
	b.assigned[from] = slices.DeleteFunc(b.assigned[from], func(q TopicPartition) bool { return q == tp })
	b.give(tp, to)
}
