package sim

// A checkpoint keeps what a replay needs, not what the run keeps to answer
// the screen quickly. Those caches are rebuilt on demand by a run restored
// from it, and kept they would cost more than the checkpoint's own state.

// checkpointOpenMax is the largest set of unprocessed records a
// checkpoint keeps (16 KB, a span of 131,072 records): a group that keeps
// up costs nothing to keep, and a run restored from it need not walk the
// whole ledger again (about 7 ms at a million records).
const checkpointOpenMax = 16 << 10

// shedCaches drops what a checkpoint just cloned from the run may rebuild:
// each group's set of records it has not processed yet (groupTally.open),
// when it is large. The run rewrites that set at every count of the
// ledger (every frame of a playing screen), so each checkpoint would hold
// a set of its own: a bit for every record from the oldest one not yet
// processed on, a million of them while a fast producer runs ahead of its
// group. A run restored from the checkpoint walks the ledger once at its
// first count instead.
func (s *Sim) shedCaches() {
	for _, g := range s.groups {
		if g.tally.open.bytes() > checkpointOpenMax {
			g.tally.walked, g.tally.open = 0, openSet{}
		}
	}
}
