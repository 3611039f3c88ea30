package sim

import (
	"math"
	"slices"
)

// stickyClaims is what the sticky assignors learn from the members' Owned
// lists once conflicting claims are settled.
type stickyClaims struct {
	// owned[i] is what member i may keep: the partitions whose claim it
	// won, sorted by topic then partition.
	owned [][]TopicPartition
	// claims describes every partition some member names in Owned.
	claims map[TopicPartition]stickyClaim
	// prev remembers, for the general algorithm, a claimant from an older
	// generation than the group's newest one; a partition may go back to
	// it when that helps balance.
	prev map[TopicPartition]int
}

// stickyClaim is the state of one claimed partition.
type stickyClaim struct {
	// winner is the member whose claim stands, or -1 when the highest
	// generation is shared by several claimants: such a claim is bogus,
	// so nobody keeps the partition.
	winner int
	count  int // members that claim it
	first  int // the claimant with the lowest id
}

// settleClaims resolves Owned the way Kafka's AbstractStickyAssignor does:
// a partition claimed by several members stays with the claimant of the
// highest generation, and a tie for the highest generation invalidates the
// claim for everyone. Unlike Kafka, which walks a hash map, the outcome
// does not depend on the order the members are visited.
func settleClaims(g *assignGroup) *stickyClaims {
	type claimRec struct {
		tp     TopicPartition
		member int
	}
	var recs []claimRec
	maxGen := math.MinInt
	for i, m := range g.members {
		maxGen = max(maxGen, m.Generation)
		for _, tp := range m.Owned {
			// Partitions of topics nobody subscribes to any more are dropped.
			if g.exists(tp) {
				recs = append(recs, claimRec{tp, i})
			}
		}
	}
	slices.SortFunc(recs, func(a, b claimRec) int {
		if c := assignCmpTP(a.tp, b.tp); c != 0 {
			return c
		}
		return a.member - b.member
	})
	recs = slices.Compact(recs) // a member naming a partition twice

	c := &stickyClaims{
		owned:  make([][]TopicPartition, len(g.members)),
		claims: make(map[TopicPartition]stickyClaim, len(recs)),
		prev:   map[TopicPartition]int{},
	}
	for len(recs) > 0 {
		n := 1
		for n < len(recs) && recs[n].tp == recs[0].tp {
			n++
		}
		tp := recs[0].tp
		best, tied, prev := -1, false, -1
		for _, r := range recs[:n] {
			gen := g.members[r.member].Generation
			switch {
			case best < 0 || gen > g.members[best].Generation:
				best, tied = r.member, false
			case gen == g.members[best].Generation:
				tied = true
			}
			if gen < maxGen && (prev < 0 || gen > g.members[prev].Generation) {
				prev = r.member
			}
		}
		if tied {
			best = -1
		} else {
			c.owned[best] = append(c.owned[best], tp) // recs run in tp order
		}
		c.claims[tp] = stickyClaim{winner: best, count: n, first: recs[0].member}
		if prev >= 0 {
			c.prev[tp] = prev
		}
		recs = recs[n:]
	}
	return c
}

// assignSticky is Kafka's StickyAssignor: a balanced assignment that keeps
// as many owned partitions where they are as balance allows.
func assignSticky(g *assignGroup) [][]TopicPartition {
	return stickyAssign(g, settleClaims(g))
}

func stickyAssign(g *assignGroup, c *stickyClaims) [][]TopicPartition {
	if len(g.members) == 0 {
		return nil
	}
	// Kafka takes a faster, quota-based path when every member subscribes
	// to the same topics.
	if kafkaSubscriptionsEqual(g) {
		return stickyEqual(g, c)
	}
	return stickyGeneral(g, c)
}

// kafkaSubscriptionsEqual is AbstractStickyAssignor.allSubscriptionsEqual,
// quirk included: it walks the members in hash order and takes the first
// non-empty subscription as the reference, so an empty subscription met
// before it counts as equal (and that member then shares the partitions).
func kafkaSubscriptionsEqual(g *assignGroup) bool {
	var ref []string
	for _, i := range g.hashOrder() {
		topics := normTopics(g.members[i].Topics)
		switch {
		case len(ref) == 0:
			ref = topics
		case !slices.Equal(ref, topics):
			return false
		}
	}
	return true
}

func normTopics(topics []string) []string {
	s := slices.Clone(topics)
	slices.Sort(s)
	return slices.Compact(s)
}

// sameSubscriptions compares the subscriptions as the members sent them,
// including topics that do not exist, as Kafka does.
func sameSubscriptions(members []AssignMember) bool {
	first := normTopics(members[0].Topics)
	for _, m := range members[1:] {
		if !slices.Equal(first, normTopics(m.Topics)) {
			return false
		}
	}
	return true
}

// assignCooperativeSticky is Kafka's CooperativeStickyAssignor. It computes
// the sticky assignment, then withholds every partition that would move to
// a member while another member still owns it. In the cooperative protocol
// a consumer keeps consuming what it owns through a rebalance, so a moving
// partition must first be revoked by its owner; that owner then rejoins,
// and the follow-up rebalance assigns the partition to its new member.
// Withheld partitions are simply absent from the result.
func assignCooperativeSticky(g *assignGroup) [][]TopicPartition {
	c := settleClaims(g)
	lists := stickyAssign(g, c)
	for i, list := range lists {
		kept := list[:0]
		for _, tp := range list {
			if !c.ownedElsewhere(tp, i) {
				kept = append(kept, tp)
			}
		}
		lists[i] = kept
	}
	return lists
}

// ownedElsewhere reports whether a member other than i claims tp and i's
// own claim (if any) did not win. That includes a partition claimed twice
// in the same generation and handed to one of the claimants: the other
// still thinks it owns it, so it must be revoked from both first.
func (c *stickyClaims) ownedElsewhere(tp TopicPartition, i int) bool {
	cl, ok := c.claims[tp]
	if !ok || cl.winner == i {
		return false
	}
	return cl.count > 1 || cl.first != i
}
