package sim

// assignRoundRobin is Kafka's RoundRobinAssignor: every partition of every
// subscribed topic, sorted by topic then partition, is dealt to the members
// in id order like cards. The dealer's position keeps turning across
// topics; a member not subscribed to the current partition's topic is
// skipped, and the next partition starts after whoever took this one.
func assignRoundRobin(g *assignGroup) [][]TopicPartition {
	out := make([][]TopicPartition, len(g.members))
	next := 0
	for _, tp := range g.allPartitions() {
		// Ends: g.topics holds only topics some member subscribes to.
		for !g.subscribed[next][tp.Topic] {
			next = (next + 1) % len(g.members)
		}
		out[next] = append(out[next], tp)
		next = (next + 1) % len(g.members)
	}
	return out
}
