package sim

// assignRoundRobin is Kafka's RoundRobinAssignor: every partition of every
// subscribed topic, sorted by topic then partition, is dealt to the members
// like cards, in memberInfoOrder (static members by group.instance.id
// first, then the others by member id). The dealer's position keeps turning across
// topics; a member not subscribed to the current partition's topic is
// skipped, and the next partition starts after whoever took this one.
func assignRoundRobin(g *assignGroup) [][]TopicPartition {
	out := make([][]TopicPartition, len(g.members))
	order := g.memberInfoOrder()
	next := 0
	for _, tp := range g.allPartitions() {
		// Ends: g.topics holds only topics some member subscribes to.
		for !g.subscribed[order[next]][tp.Topic] {
			next = (next + 1) % len(order)
		}
		out[order[next]] = append(out[order[next]], tp)
		next = (next + 1) % len(order)
	}
	return out
}
