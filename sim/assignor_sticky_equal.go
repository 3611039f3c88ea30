package sim

import (
	"fmt"
	"slices"
	"strings"
)

// stickyEqual is the sticky assignment when all members subscribe to the
// same topics (Kafka's ConstrainedAssignmentBuilder). With P partitions and
// M members everyone ends with minQuota = P/M or maxQuota = ceil(P/M)
// partitions, and exactly P%M members get maxQuota.
//
//  1. Each member, in Java HashMap order of member ids (Kafka iterates a
//     HashMap here), keeps its owned partitions up to a quota:
//     all of them if it has fewer than minQuota; maxQuota if it has that
//     many and the maxQuota places are not all taken yet; else minQuota.
//     Which partitions it keeps runs by partition number, then topic, so a
//     member keeps a spread over topics.
//  2. The partitions nobody kept, sorted by topic then partition, are dealt
//     round-robin to the members still under minQuota, then one each to
//     members at minQuota until the maxQuota places are filled.
func stickyEqual(g *assignGroup, c *stickyClaims) [][]TopicPartition {
	n := len(g.members)
	q := &stickyQuota{
		minQuota: g.total / n,
		maxQuota: (g.total + n - 1) / n,
		wantOver: g.total % n,
		out:      make([][]TopicPartition, n),
	}
	kept := q.keepOwned(g, c)
	q.deal(g, kept)
	return q.out
}

// stickyQuota tracks who may still take partitions in stickyEqual.
type stickyQuota struct {
	minQuota, maxQuota int
	wantOver           int // members that end with maxQuota
	over               int // members given maxQuota so far
	out                [][]TopicPartition
	under              []int // members below minQuota, in id order
	atMin              []int // members at minQuota that may get one more
}

// keepOwned is step 1. It returns which partitions were kept, by index.
func (q *stickyQuota) keepOwned(g *assignGroup, c *stickyClaims) []bool {
	kept := make([]bool, g.total)
	for _, i := range g.hashOrder() {
		own := slices.Clone(c.owned[i])
		slices.SortFunc(own, func(a, b TopicPartition) int {
			if a.Partition != b.Partition {
				return a.Partition - b.Partition
			}
			return strings.Compare(a.Topic, b.Topic)
		})
		keep := len(own)
		switch {
		case len(own) < q.minQuota:
			q.under = append(q.under, i)
		case len(own) >= q.maxQuota && q.over < q.wantOver:
			keep = q.maxQuota
			q.over++
			if q.over == q.wantOver {
				q.atMin = q.atMin[:0] // no maxQuota place left for them
			}
		default:
			keep = q.minQuota
			if q.over < q.wantOver {
				q.atMin = append(q.atMin, i)
			}
		}
		for _, tp := range own[:keep] {
			q.out[i] = append(q.out[i], tp)
			kept[g.index(tp)] = true
		}
	}
	// Kafka sorts both waiting lists by member id before dealing.
	slices.Sort(q.under)
	slices.Sort(q.atMin)
	return kept
}

// deal is step 2.
func (q *stickyQuota) deal(g *assignGroup, kept []bool) {
	next := 0 // position in under
	for k, tp := range g.allPartitions() {
		if kept[k] {
			continue
		}
		var i int
		switch {
		case len(q.under) > 0:
			if next >= len(q.under) {
				next = 0
			}
			i = q.under[next]
			q.out[i] = append(q.out[i], tp)
			if len(q.out[i]) == q.minQuota {
				q.under = slices.Delete(q.under, next, next+1)
				q.atMin = append(q.atMin, i)
			} else {
				next++
			}
		case len(q.atMin) > 0:
			i, q.atMin = q.atMin[0], q.atMin[1:]
			q.out[i] = append(q.out[i], tp)
			q.over++
		default:
			// The quotas add up to the partition count, so this is a bug.
			panic(fmt.Sprintf("sim: sticky assignor has no member with room for %s (minQuota %d, maxQuota %d, %d of %d at maxQuota)",
				tp, q.minQuota, q.maxQuota, q.over, q.wantOver))
		}
	}
}
