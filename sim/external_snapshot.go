package sim

// The snapshot of a live group: its coordinator state (state, generation,
// protocol, members and what each was assigned) lives in the extGroup,
// not in the ledger's group that stands for it, so a view of the group
// takes those from there.

// liveGroupOf is the live group whose ledger group is g, if any.
func (s *Sim) liveGroupOf(g *group) *extGroup {
	if s.live == nil {
		return nil
	}
	for _, eg := range s.live.groups {
		if eg.g == g {
			return eg
		}
	}
	return nil
}

// overlayLiveGroup puts a live group's coordinator state into gv.
func (s *Sim) overlayLiveGroup(gv *GroupView, eg *extGroup) {
	gv.State, gv.Generation, gv.Protocol = eg.state, eg.generation, eg.protocol
	gv.Members = gv.Members[:0]
	owner := map[TopicPartition]*extMember{}
	for _, m := range eg.members {
		mv := MemberView{Name: m.id, MemberID: m.id, ClientID: m.clientID, Leader: m.id == eg.leader,
			Assigned: append([]TopicPartition(nil), m.assigned...), State: MemberActive}
		switch {
		case eg.state == GroupPreparingRebalance || eg.state == GroupCompletingRebalance:
			mv.State = MemberRebalancing
		case len(m.assigned) == 0:
			mv.State = MemberIdle
		}
		for _, tp := range m.assigned {
			owner[tp] = m
		}
		gv.Members = append(gv.Members, mv)
	}
	for i := range gv.Offsets {
		o := &gv.Offsets[i]
		tp := TopicPartition{Topic: o.Topic, Partition: o.Partition}
		if m := owner[tp]; m != nil {
			o.Owner = m.id
			if pos, ok := m.readUpTo[tp]; ok {
				o.Position = pos
			}
		}
	}
}
