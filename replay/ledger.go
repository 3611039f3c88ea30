package replay

import (
	"sort"

	"kafkasim/sim"
)

// clusterView is what the replay read back from the cluster at the end:
// each group's committed offsets and every copy of every record in the
// topics' logs.
type clusterView struct {
	committed map[string]map[topicPart]int64 // group → next offset to read
	copies    map[string]int                 // value → copies in the logs
}

// ledger builds the simulator's ledger from what the real cluster
// answered: the same fates, by the same rules as sim.Sim.Ledger, with
// records followed by their unique value instead of the engine's ids.
func (o *observed) ledger(producers []sim.ProducerConfig, groups []sim.GroupConfig, view clusterView) sim.LedgerSummary {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out sim.LedgerSummary
	for _, pc := range producers {
		pl := sim.ProducerLedger{ID: pc.ID}
		for _, v := range o.order {
			r := o.sends[v]
			if r.producer != pc.ID {
				continue
			}
			pl.Sent++
			switch r.state {
			case sendAcked:
				pl.Acked++
			case sendFailed:
				pl.Failed++
			default:
				pl.InFlight++
			}
		}
		out.Producers = append(out.Producers, pl)
	}
	for _, gc := range groups {
		out.Groups = append(out.Groups, o.groupLedger(gc, view))
	}
	for _, v := range o.order { // only this run's records: the topic may hold older ones
		if n := view.copies[v]; n > 1 {
			out.LogDuplicates += n - 1
		}
	}
	sort.Slice(out.Producers, func(i, j int) bool { return out.Producers[i].ID < out.Producers[j].ID })
	return out
}

// groupLedger sorts every record of the group's topics that was acked
// (for acks=0, sent) or processed into one fate.
func (o *observed) groupLedger(gc sim.GroupConfig, view clusterView) sim.GroupLedger {
	gl := sim.GroupLedger{ID: gc.ID, Processed: o.total[gc.ID]}
	subscribed := map[string]bool{}
	for _, t := range gc.Topics {
		subscribed[t] = true
	}
	for _, v := range o.order {
		r := o.sends[v]
		if !subscribed[r.topic] {
			continue
		}
		switch n := o.processed[groupRecord{gc.ID, v}]; {
		case n == 1:
			gl.ExactlyOnce++
		case n > 1:
			gl.Duplicated++
		case r.state != sendAcked:
			// Neither acknowledged nor processed: the producer's business.
			// (An acks=0 record is "acked" with offset -1 by kgo.)
		case o.skipped(gc, r):
			gl.Skipped++
		case committedPast(view, gc.ID, r):
			// The group committed past it without processing it.
			gl.Lost++
		case view.copies[v] == 0:
			// Acknowledged, then gone from the log.
			gl.Lost++
		default:
			gl.Pending++
		}
	}
	return gl
}

// skipped: with auto.offset.reset=latest the group began reading the
// partition after this record.
func (o *observed) skipped(gc sim.GroupConfig, r *sentRecord) bool {
	if gc.AutoOffsetReset != "latest" || r.offset < 0 {
		return false
	}
	first, ok := o.firstFetched[gc.ID][topicPart{r.topic, r.partition}]
	return ok && r.offset < first
}

func committedPast(view clusterView, group string, r *sentRecord) bool {
	next, ok := view.committed[group][topicPart{r.topic, r.partition}]
	return ok && r.offset >= 0 && r.offset < next
}
