package sim

import "slices"

// A playing screen asks for the ledger every frame, and deciding the fate
// of every record each time made a frame cost more the longer the run
// went: half an hour of ×100 on 100 partitions is two million records. A
// group's tally keeps what changes only where it is hooked: how many
// records of each topic the group processed once and more than once
// (counted as processing completes), and which records of its topics it
// has not processed yet. Only those are decided again at each count
// (pending, lost or skipped follow the group's offsets and the logs).
type groupTally struct {
	once, more []int   // by topic index: records processed once, more than once
	walked     int     // records [0, walked) have been seen by a count
	open       openSet // of those, the unprocessed records of subscribed topics
	subscribed []bool  // by topic index: the subscription open was gathered for
	// openShared: a clone may read open, so the next count copies it
	// before filtering it in place.
	openShared bool
}

// noteProcessed moves a record of topic topicIdx from n processings to n+1.
func (t *groupTally) noteProcessed(topicIdx int, n uint8) {
	for len(t.once) <= topicIdx {
		t.once, t.more = append(t.once, 0), append(t.more, 0)
	}
	switch n {
	case 0:
		t.once[topicIdx]++
	case 1:
		t.once[topicIdx]--
		t.more[topicIdx]++
	}
}

// clone gives a clone counters of its own. The two share the open set
// until either counts again, which then copies it first.
func (t *groupTally) clone() groupTally {
	t.openShared = true
	return groupTally{once: slices.Clone(t.once), more: slices.Clone(t.more), walked: t.walked,
		open: t.open.share(), subscribed: t.subscribed, openShared: true}
}

// tallyGroup counts g's records by fate into gl, as eachGroupRecord would,
// deciding only the records new since the last count and those still
// unprocessed.
func (s *Sim) tallyGroup(g *group, gl *GroupLedger) {
	t := &g.tally
	sub := s.subscribedTopics(g)
	if !slices.Equal(sub, t.subscribed) {
		t.walked, t.open, t.subscribed = 0, openSet{}, sub
	}
	for ti, on := range sub {
		if on && ti < len(t.once) {
			gl.ExactlyOnce += t.once[ti]
			gl.Duplicated += t.more[ti]
		}
	}
	fr := s.frontiers(g)
	if t.openShared {
		t.open.own()
		t.openShared = false
	}
	// unprocessed counts rec by its fate unless the group has processed it
	// (then counted in once or more).
	unprocessed := func(rec int32) bool {
		if int(rec) < g.procCount.Len() && *g.procCount.At(int(rec)) > 0 {
			return false
		}
		switch fate, _, _ := s.groupFate(g, rec, fr); fate {
		case FatePending:
			gl.Pending++
		case FateLost:
			gl.Lost++
		case FateSkipped:
			gl.Skipped++
		}
		return true
	}
	t.open.keepIf(unprocessed)
	n := s.ledger.recs.Len()
	for i := t.walked; i < n; i++ {
		if sub[s.ledger.origin(int32(i)).topicIdx] && unprocessed(int32(i)) {
			t.open.add(int32(i))
		}
	}
	t.walked = n
}

// subscribedTopics says, by topic index, whether g subscribes to it.
func (s *Sim) subscribedTopics(g *group) []bool {
	sub := make([]bool, len(s.topics))
	for _, name := range g.cfg.Topics {
		if i, _ := s.topicByName(name); i >= 0 {
			sub[i] = true
		}
	}
	return sub
}
