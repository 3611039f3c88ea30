package sim

// A checkpoint keeps what a replay needs, not what the run keeps to answer
// the screen quickly. Those caches are rebuilt on demand by a run restored
// from it, and kept they would cost more than the checkpoint's own state.

// checkpointOpenMax is the longest list of unprocessed records a
// checkpoint keeps (16 KB): a group that keeps up costs nothing to keep,
// and a run restored from it need not walk the whole ledger again (about
// 7 ms at a million records).
const checkpointOpenMax = 4096

// shedCaches drops what a checkpoint just cloned from the run may rebuild:
// each group's list of records it has not processed yet (groupTally.open),
// when it is long. The run replaces that list at every count of the
// ledger (every frame of a playing screen), so each checkpoint would hold
// a list of its own: up to 4 bytes for every record sent and not yet
// processed, half a million of them while a fast producer runs ahead of
// its group. A run restored from the checkpoint walks the ledger once at
// its first count instead.
func (s *Sim) shedCaches() {
	for _, g := range s.groups {
		if len(g.tally.open) > checkpointOpenMax {
			g.tally.walked, g.tally.open = 0, nil
		}
	}
}
