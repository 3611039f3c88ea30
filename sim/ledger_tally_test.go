package sim

import "fmt"

// checkTallyAgrees: the ledger's kept tally counts every live group as a
// walk over every record does, on the run and on a clone that runs on by
// itself (the clone's counters are its own).
func checkTallyAgrees(s *Sim) error {
	want := walkedGroupLedgers(s)
	if got := s.Ledger().Groups; fmt.Sprint(got) != fmt.Sprint(want) {
		return fmt.Errorf("ledger tally %+v, a walk over every record %+v", got, want)
	}
	c := s.Clone()
	c.RunUntil(c.nowMs + 1500)
	if got, want := c.Ledger().Groups, walkedGroupLedgers(c); fmt.Sprint(got) != fmt.Sprint(want) {
		return fmt.Errorf("on a clone run on: ledger tally %+v, a walk %+v", got, want)
	}
	if got, want := s.Ledger().Groups, walkedGroupLedgers(s); fmt.Sprint(got) != fmt.Sprint(want) {
		return fmt.Errorf("after a clone ran on, the run's tally %+v, a walk %+v", got, want)
	}
	return nil
}

// walkedGroupLedgers is what Ledger counted for the groups before it kept
// a tally: every record's fate, decided afresh.
func walkedGroupLedgers(s *Sim) []GroupLedger {
	var out []GroupLedger
	for _, g := range s.groups {
		if g.state == GroupDead {
			continue
		}
		gl := GroupLedger{ID: g.cfg.ID, Processed: g.processedTotal}
		s.eachGroupRecord(g, func(_ int32, f Fate) {
			switch f {
			case FateExactlyOnce:
				gl.ExactlyOnce++
			case FateDuplicated:
				gl.Duplicated++
			case FateLost:
				gl.Lost++
			case FateSkipped:
				gl.Skipped++
			case FatePending:
				gl.Pending++
			}
		})
		out = append(out, gl)
	}
	return out
}
