package sim

import "fmt"

// checkLedgerBalance checks the delivery ledger against counts made
// independently of it:
//   - every producer's sent = acked + failed + in flight, with in flight
//     counted from its unsettled batches;
//   - for every group, each record that was acknowledged (acks=0: sent) or
//     that the group processed falls in exactly one of exactly once,
//     duplicated, lost, skipped and pending;
//   - every record processed at least once is exactly once or duplicated,
//     and was written somewhere first.
func checkLedgerBalance(s *Sim) error {
	l := s.Ledger()
	for _, p := range l.Producers {
		if p.InFlight < 0 || p.Sent != p.Acked+p.Failed+p.InFlight {
			return fmt.Errorf("producer %s: sent %d != acked %d + failed %d + in flight %d",
				p.ID, p.Sent, p.Acked, p.Failed, p.InFlight)
		}
	}
	// The producers of transactional groups, which the ledger does not
	// show, keep the same books.
	inFlight := s.unsettledRecords()
	for _, p := range s.producers {
		if p.hidden && p.sends != p.acked+p.failed+inFlight[p.idx] {
			return fmt.Errorf("transactional producer %s: sent %d != acked %d + failed %d + in flight %d",
				p.cfg.ID, p.sends, p.acked, p.failed, inFlight[p.idx])
		}
	}
	for _, gl := range l.Groups {
		g := s.groupByID(gl.ID)
		if err := checkGroupBalance(s, g, gl); err != nil {
			return err
		}
	}
	return nil
}

func checkGroupBalance(s *Sim, g *group, gl GroupLedger) error {
	subscribed := map[int32]bool{}
	for _, name := range g.cfg.Topics {
		if i, _ := s.topicByName(name); i >= 0 {
			subscribed[int32(i)] = true
		}
	}
	counted, processed, completions := 0, 0, 0
	for i := range s.ledger.recs.Len() {
		ri, f := s.ledger.recs.At(int(i)), s.ledger.fate(int32(i))
		n := 0
		if i < g.procCount.Len() {
			n = int(*g.procCount.At(i))
		}
		if n > 0 && f.offset < 0 {
			return fmt.Errorf("group %s processed record %d, which was never written", g.cfg.ID, i)
		}
		if !subscribed[int32(s.ledger.originOf(ri).topicIdx)] {
			continue
		}
		if n > 0 {
			processed++
			completions += n
		}
		if n > 0 || f.state() == recAcked || f.state() == recSent {
			counted++
		}
	}
	sum := gl.ExactlyOnce + gl.Duplicated + gl.Lost + gl.Skipped + gl.Pending
	switch {
	case sum != counted:
		return fmt.Errorf("group %s: the ledger's fates cover %d records, but %d were acknowledged or processed: %+v", g.cfg.ID, sum, counted, gl)
	case gl.ExactlyOnce+gl.Duplicated != processed:
		return fmt.Errorf("group %s: %d records processed, the ledger says %d once and %d duplicated", g.cfg.ID, processed, gl.ExactlyOnce, gl.Duplicated)
	case gl.Processed < gl.ExactlyOnce+2*gl.Duplicated || gl.Processed < completions:
		return fmt.Errorf("group %s: %d completions cannot cover %d once + 2×%d duplicated (%d counted per record)",
			g.cfg.ID, gl.Processed, gl.ExactlyOnce, gl.Duplicated, completions)
	}
	return nil
}

// checkFatesAgree: the drill-down lists, for each group, exactly the
// records the ledger counts, each with a reason.
func checkFatesAgree(s *Sim) error {
	for _, gl := range s.Ledger().Groups {
		byFate := map[Fate]int{}
		for _, f := range s.Fates(gl.ID, "") {
			if f.Reason == "" {
				return fmt.Errorf("group %s: record %d (%s) has no reason", gl.ID, f.RecordID, f.Fate)
			}
			byFate[f.Fate]++
		}
		want := map[Fate]int{FateExactlyOnce: gl.ExactlyOnce, FateDuplicated: gl.Duplicated, FateLost: gl.Lost,
			FateSkipped: gl.Skipped, FatePending: gl.Pending}
		for f, n := range want {
			if byFate[f] != n {
				return fmt.Errorf("group %s: the ledger counts %d %s, the drill-down lists %d", gl.ID, n, f, byFate[f])
			}
		}
	}
	return nil
}
