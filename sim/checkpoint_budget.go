package sim

// The checkpoints' budget follows the run's size. A flat 64 MB let the
// screen's run of the 1M-record load keep over a hundred checkpoints,
// 42 MB, beside a state of about 46 MB, where a step back replayed about
// 10 ms: the play held two and a half times what the run held headless.
// Half the state with a 24 MB floor still held 29 checkpoints there, a
// quarter of the play's heap. Now that a checkpoint shares the records'
// infos (ledger_fate.go), an eighth with a 4 MB floor holds about 15, and
// the farthest step back replays 20-35 ms instead of 13-25 ms.

// checkpointBudgetMax and checkpointBudgetMin bound the checkpoints'
// budget: at most 64 MB however large the run, and at least 4 MB, so a
// small run keeps its checkpoints as close as ever (they cost little).
const (
	checkpointBudgetMax = 64 << 20
	checkpointBudgetMin = 4 << 20
)

// checkpointShare is the budget as a part of the state: an eighth.
const checkpointShare = 8

// maxEveryWork bounds the work (records sent and processed) between two
// checkpoints that thinning to the budget may leave: 131072 replays in
// 20-35 ms on the 1M-record loads (a producer at 1M and 2M records/s),
// within the 50 ms a step back may take. Past it only the ceiling thins
// them.
const maxEveryWork = 1 << 17

// checkpointBudget is what the checkpoints of the run may take now.
func (r *Run) checkpointBudget() int {
	return min(max(r.sim.stateBytes()/checkpointShare, checkpointBudgetMin), checkpointBudgetMax)
}

// overBudget reports whether to thin the checkpoints (drop every other
// one): past the ceiling always; past the budget only while they lie
// close in work and in virtual time, so a step back still replays little.
// A busy cluster of many partitions takes a checkpoint every
// checkpointGapMs of virtual time and a virtual second costs it
// milliseconds of CPU: its checkpoints keep the ceiling.
func (r *Run) overBudget() bool {
	n := len(r.checkpoints)
	switch {
	case n < 2:
		return false
	case r.bytes > checkpointBudgetMax:
		return true
	case r.bytes <= r.checkpointBudget() || r.everyWork >= maxEveryWork:
		return false
	}
	span := r.checkpoints[n-1].nowMs - r.checkpoints[0].nowMs
	return 2*span/int64(n-1) <= checkpointGapMs // apart after thinning
}

// stateBytes estimates what the run's growing state takes: the lists that
// grow with the records (the ledger, the batches, the replicas' logs, the
// groups' processed counts), whose chunks the checkpoints share.
func (s *Sim) stateBytes() int {
	l := &s.ledger
	n := l.recs.itemBytes() + l.fates.itemBytes() + l.origins.itemBytes() + l.sendNs.itemBytes() + l.valueAt.itemBytes()
	n += s.batches.itemBytes() + s.batchNext.itemBytes()
	for _, t := range s.topics {
		for _, p := range t.parts {
			for _, r := range p.reps {
				n += r.entries.c.itemBytes()
			}
		}
	}
	for _, g := range s.groups {
		n += g.procCount.itemBytes()
	}
	return n
}
