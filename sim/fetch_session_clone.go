package sim

// cloneFetchSessions copies sessions for a clone whose topics are topics.
func cloneFetchSessions(sessions []*fetchSession, topics []*topic) []*fetchSession {
	out := make([]*fetchSession, len(sessions))
	for i, fs := range sessions {
		if fs != nil {
			c := *fs
			c.members = append([]sessionPartition(nil), fs.members...)
			for j := range c.members {
				m := &c.members[j]
				m.p = topics[m.topicIdx].parts[m.part]
				m.r = m.p.reps[m.ri]
			}
			out[i] = &c
		}
	}
	return out
}
