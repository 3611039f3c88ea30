package sim

// Reading ahead for a session's loops. A fetcher's request carries every
// partition it follows from one leader: a few hundred with 1000 partitions.
// For each, the loops over the request read the partition, the follower's
// and the leader's replica, and the last epoch and segment of the log, all
// lying apart in memory, each a cache miss. Those loops do much work per
// partition, so each miss waits on its own; a loop that only reads the
// same fields lets the misses overlap. Nothing is written but a sum.

// warmMembers reads ahead the state of the members the next loop visits:
// those in the request, or with withResult those the response carries.
func (s *Sim) warmMembers(fs *fetchSession, withResult bool) {
	var sum int64
	for i := range fs.members {
		m := &fs.members[i]
		if (withResult && !m.hasResult) || (!withResult && !m.inRequest) {
			continue
		}
		r, p := m.r, m.p
		sum += r.leo + int64(r.fetchGen) + p.hw + int64(p.leader)
		if n := len(r.epochs); n > 0 {
			sum += int64(r.epochs[n-1].epoch)
		}
		if n := len(r.segments); n > 0 {
			sum += r.segments[n-1].bytes
		}
		if lr := p.leaderRep(); lr != nil {
			sum += lr.leo + int64(len(lr.epochs))
		}
	}
	fs.warmSum = sum
}
