package sim

// assignRange is Kafka's RangeAssignor without rack awareness: each topic
// is split on its own. The members subscribed to the topic, in
// memberInfoOrder (static members by group.instance.id first),
// take consecutive runs of n/m partitions, and the first n%m members take
// one more. With several topics the same members get the extra partition
// every time, which is why range can leave the group uneven.
func assignRange(g *assignGroup) [][]TopicPartition {
	out := make([][]TopicPartition, len(g.members))
	for _, topic := range g.topics {
		var subs []int
		for _, i := range g.memberInfoOrder() {
			if g.subscribed[i][topic] {
				subs = append(subs, i)
			}
		}
		n, m := g.counts[topic], len(subs)
		per, extra := n/m, n%m // m > 0: g.topics holds subscribed topics only
		for rank, i := range subs {
			start := per*rank + min(rank, extra)
			length := per
			if rank < extra {
				length++
			}
			for p := start; p < start+length; p++ {
				out[i] = append(out[i], TopicPartition{topic, p})
			}
		}
	}
	return out
}
