package sim

// Cloning a run with live clients in it (a scenario exported from
// kafkasim serve, played with its checkpoints and what-if branches): the
// live state is copied like the rest, so stepping a clone never changes
// the original.

// LiveStateCloner is live state (SetLiveState) that can copy itself for
// a clone of the run.
type LiveStateCloner interface {
	CloneLiveState() any
}

// clone copies x for a clone whose groups are groups.
func (x *external) clone(groups []*group) *external {
	c := *x
	c.byPid, c.byClient, c.batches = copyMap(x.byPid), copyMap(x.byClient), copyMap(x.batches)
	c.waiting, c.headers = copyMap(x.waiting), copyMap(x.headers)
	c.out = append([]ExternalReply(nil), x.out...)
	c.groups = make([]*extGroup, len(x.groups))
	for i, eg := range x.groups {
		e := *eg
		if int(eg.g.idx) < len(groups) {
			e.g = groups[eg.g.idx]
			e.g.cfg.Topics = capped(e.g.cfg.Topics)
		}
		e.pending = capped(eg.pending)
		e.members = make([]*extMember, len(eg.members))
		for j, m := range eg.members {
			mm := *m
			mm.readUpTo = copyMap(m.readUpTo)
			e.members[j] = &mm
		}
		c.groups[i] = &e
	}
	c.txns = make([]*extTxn, len(x.txns))
	for i, t := range x.txns {
		tt := *t
		tt.parts, tt.offsets, tt.outputs = capped(t.parts), capped(t.offsets), capped(t.outputs)
		c.txns[i] = &tt
	}
	return &c
}

// cloneLive copies the live state into c, a clone of s.
func (s *Sim) cloneLive(c *Sim) {
	if s.live != nil {
		c.live = s.live.clone(c.groups)
	}
	if cl, ok := s.liveState.(LiveStateCloner); ok {
		c.liveState = cl.CloneLiveState()
	}
}
