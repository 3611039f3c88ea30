package sim

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

const assignPropertySeeds = 400

// randomGroup draws topics, members and subscriptions. With equal set,
// every member subscribes to every topic; otherwise each picks a random
// non-empty subset (sometimes including a topic that does not exist).
func randomGroup(rng *rand.Rand, equal bool) (map[string]int, []AssignMember) {
	parts := map[string]int{}
	var topics []string
	for i := range 1 + rng.IntN(4) {
		name := fmt.Sprintf("t%d", i)
		parts[name] = 1 + rng.IntN(12)
		topics = append(topics, name)
	}
	var members []AssignMember
	for i := range 1 + rng.IntN(8) {
		m := AssignMember{ID: fmt.Sprintf("m%02d", i), Generation: -1}
		if equal {
			m.Topics = topics
		} else {
			for _, topic := range topics {
				if rng.IntN(2) == 0 {
					m.Topics = append(m.Topics, topic)
				}
			}
			if len(m.Topics) == 0 || rng.IntN(10) == 0 {
				m.Topics = append(m.Topics, topics[rng.IntN(len(topics))])
			}
			if rng.IntN(10) == 0 {
				m.Topics = append(m.Topics, "gone")
			}
		}
		members = append(members, m)
	}
	rng.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
	return parts, members
}

// randomClaims gives members random Owned lists from random generations,
// including partitions claimed twice and ones that no longer exist.
func randomClaims(rng *rand.Rand, parts map[string]int, members []AssignMember) {
	topics := assignSortedKeys(parts)
	for i := range members {
		members[i].Generation = rng.IntN(4) - 1
		members[i].Owned = nil
		for range rng.IntN(6) {
			topic := topics[rng.IntN(len(topics))]
			members[i].Owned = append(members[i].Owned, TopicPartition{topic, rng.IntN(parts[topic] + 1)})
		}
	}
}

// withOwned returns members that report a as their previous assignment,
// all from generation gen.
func withOwned(members []AssignMember, a map[string][]TopicPartition, gen int) []AssignMember {
	out := slices.Clone(members)
	for i := range out {
		out[i].Owned, out[i].Generation = a[out[i].ID], gen
	}
	return out
}

// checkStickyBalance checks the sticky assignors' balance promise: no
// member could take a partition from one holding two more than it; with
// equal subscriptions, counts differ by at most one. It also checks that
// every partition of a subscribed topic was given out.
func checkStickyBalance(t *testing.T, seed uint64, parts map[string]int, members []AssignMember, got map[string][]TopicPartition) {
	t.Helper()
	given := map[TopicPartition]string{}
	for id, list := range got {
		for _, tp := range list {
			given[tp] = id
		}
	}
	lo, hi := -1, 0
	for _, m := range members {
		n := len(got[m.ID])
		if lo < 0 || n < lo {
			lo = n
		}
		hi = max(hi, n)
		for _, topic := range m.Topics {
			for p := range parts[topic] {
				tp := TopicPartition{topic, p}
				owner, ok := given[tp]
				if !ok {
					t.Fatalf("seed %d: %s not assigned: %s", seed, tp, asFormat(got))
				}
				if n+1 < len(got[owner]) {
					t.Fatalf("seed %d: unbalanced: %s could take %s from %s: %s", seed, m.ID, tp, owner, asFormat(got))
				}
			}
		}
	}
	if sameSubscriptions(members) && hi-lo > 1 {
		t.Fatalf("seed %d: equal subscriptions but counts from %d to %d: %s", seed, lo, hi, asFormat(got))
	}
}

func TestStickyProperties(t *testing.T) {
	for seed := range uint64(assignPropertySeeds) {
		rng := rand.New(rand.NewPCG(seed, 0x5717c4))
		parts, members := randomGroup(rng, seed%2 == 0)
		if seed%3 == 0 {
			randomClaims(rng, parts, members)
		}
		first, err := Assign(AssignorSticky, parts, members)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		checkAssignShape(t, members, first)
		checkStickyBalance(t, seed, parts, members, first)

		// Same members again, each owning what it was just given: a
		// stable group must not move anything.
		again, err := Assign(AssignorSticky, parts, withOwned(members, first, 7))
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if a, b := asFormat(first), asFormat(again); a != b {
			t.Fatalf("seed %d: stable group moved partitions:\nfirst %s\nagain %s", seed, a, b)
		}

		// Same input in another order: same answer.
		shuffled := slices.Clone(members)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		other, err := Assign(AssignorSticky, parts, shuffled)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if a, b := asFormat(first), asFormat(other); a != b {
			t.Fatalf("seed %d: member order changed the result:\n%s\n%s", seed, a, b)
		}
	}
}

// A member joins or leaves a balanced group: the result is balanced again
// and nobody loses a partition it kept unless balance needs it.
func TestStickyMembershipChange(t *testing.T) {
	for seed := range uint64(assignPropertySeeds) {
		rng := rand.New(rand.NewPCG(seed, 0xc4a9e))
		parts, members := randomGroup(rng, seed%2 == 0)
		first, err := Assign(AssignorSticky, parts, members)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		next := withOwned(members, first, 3)
		if len(next) > 1 && rng.IntN(2) == 0 {
			next = slices.Delete(next, 0, 1)
		} else {
			joiner := next[0]
			joiner.ID, joiner.Owned = "joiner", nil
			next = append(next, joiner)
		}
		second, err := Assign(AssignorSticky, parts, next)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		checkAssignShape(t, next, second)
		checkStickyBalance(t, seed, parts, next, second)
		if sameSubscriptions(next) {
			checkKeepsQuota(t, seed, next, second)
		}
	}
}

// checkKeepsQuota: with equal subscriptions, every member keeps at least
// min(owned, minQuota) of the partitions it owned.
func checkKeepsQuota(t *testing.T, seed uint64, members []AssignMember, got map[string][]TopicPartition) {
	t.Helper()
	total := 0
	for _, list := range got {
		total += len(list)
	}
	minQuota := total / len(members)
	for _, m := range members {
		kept := 0
		for _, tp := range m.Owned {
			if slices.Contains(got[m.ID], tp) {
				kept++
			}
		}
		if kept < min(len(m.Owned), minQuota) {
			t.Fatalf("seed %d: %s kept %d of %v (min quota %d): %s", seed, m.ID, kept, m.Owned, minQuota, asFormat(got))
		}
	}
}

func TestCooperativeStickyProperties(t *testing.T) {
	for seed := range uint64(assignPropertySeeds) {
		rng := rand.New(rand.NewPCG(seed, 0xc00b))
		parts, members := randomGroup(rng, seed%2 == 0)
		if seed%3 == 0 {
			randomClaims(rng, parts, members)
		} else {
			// A consistent previous generation from a different group shape.
			prev, err := Assign(AssignorRoundRobin, parts, members)
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			rng.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
			members = withOwned(members[:len(members)-rng.IntN(len(members))], prev, 1)
		}
		g := mustGroup(t, parts, members)
		c := settleClaims(g)
		won := func(tp TopicPartition, id string) bool {
			cl, ok := c.claims[tp]
			return ok && cl.winner >= 0 && g.members[cl.winner].ID == id
		}
		got, err := Assign(AssignorCooperativeSticky, parts, members)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		checkAssignShape(t, members, got)
		for _, m := range members {
			for _, tp := range got[m.ID] {
				for _, other := range members {
					if other.ID != m.ID && slices.Contains(other.Owned, tp) && !won(tp, m.ID) {
						t.Fatalf("seed %d: %s given to %s while %s owns it: %s", seed, tp, m.ID, other.ID, asFormat(got))
					}
				}
			}
		}

		// Follow-up rebalances, each member owning what it was given,
		// reach the complete, balanced assignment.
		rounds := 0
		for cur := got; ; rounds++ {
			if rounds > 3 {
				t.Fatalf("seed %d: still withholding after %d follow-up rebalances: %s", seed, rounds, asFormat(cur))
			}
			next, err := Assign(AssignorCooperativeSticky, parts, withOwned(members, cur, 10+rounds))
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			if asFormat(next) == asFormat(cur) {
				checkStickyBalance(t, seed, parts, members, next)
				break
			}
			cur = next
		}
	}
}

func mustGroup(t *testing.T, parts map[string]int, members []AssignMember) *assignGroup {
	t.Helper()
	g, err := newAssignGroup(parts, members)
	if err != nil {
		t.Fatal(err)
	}
	return g
}
