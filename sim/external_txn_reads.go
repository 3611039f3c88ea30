package sim

import "strconv"

// The ledger's reads of a live consume-transform-produce client. For a
// scenario's transactional group a record counts as processed when the
// transaction holding its offset commits; a live client is counted the
// same way when the client that fetched it also owns a transactional.id
// (kgo's GroupTransactSession is one client): its fetched records are held
// and credited when a transaction commits the group's offsets past them.
// An aborted transaction credits nothing, so the records the client reads
// again after rewinding to its committed offsets are not duplicates, as
// none of their effects were committed twice.

// heldRead is a record a transactional client fetched, not yet committed.
type heldRead struct {
	rec bufRec
	gen int
}

// ReasonLiveTxnRead marks a live transactional client's reads counted at
// its transaction's commit.
const ReasonLiveTxnRead Reason = "live-txn-read"

// holdTxnRead keeps fresh reads of a transactional client for its commit,
// and reports whether it did.
func (s *Sim) holdTxnRead(clientID string, m *extMember, gen int, fresh []bufRec) bool {
	transactional := false
	for _, t := range s.ext().txns {
		transactional = transactional || t.client == clientID
	}
	if !transactional {
		return false
	}
	// A record read again after a rebalance is held once: only a commit
	// makes it processed.
	type at struct {
		tp  TopicPartition
		off int64
	}
	held := map[at]bool{}
	for _, h := range m.held {
		held[at{h.rec.tp, h.rec.offset}] = true
	}
	for _, r := range fresh {
		if !held[at{r.tp, r.offset}] {
			m.held = append(m.held, heldRead{rec: r, gen: gen})
		}
	}
	return true
}

// creditTxnReads: a transaction committed offsets for group: the held
// reads below them are processed, once.
func (s *Sim) creditTxnReads(eg *extGroup, memberID string, offsets []CommitOffset) {
	upTo := map[TopicPartition]int64{}
	for _, o := range offsets {
		tp := TopicPartition{Topic: o.Topic, Partition: o.Partition}
		upTo[tp] = max(upTo[tp], o.Offset)
	}
	for _, m := range eg.members {
		if memberID != "" && m.id != memberID {
			continue
		}
		var kept []heldRead
		byGen := map[int][]bufRec{}
		var gens []int
		for _, h := range m.held {
			if off, ok := upTo[h.rec.tp]; ok && h.rec.offset < off {
				if _, seen := byGen[h.gen]; !seen {
					gens = append(gens, h.gen)
				}
				byGen[h.gen] = append(byGen[h.gen], h.rec)
				continue
			}
			kept = append(kept, h)
		}
		m.held = kept
		for _, gen := range gens {
			s.countProcessedAs(eg.g, &member{name: m.id, genSynced: gen}, byGen[gen], ReasonLiveTxnRead)
		}
	}
}

func liveTxnReadWhy(e Event) string {
	s := "a transaction committed group " + e.Group + "'s offsets past " + plural(e.Count, "record", "records") +
		" " + e.Member + " read (" + e.Text + ") in generation " + strconv.Itoa(e.Gen) +
		": the ledger counts them processed now, as it does for a scenario's transactional group"
	if e.Duplicates > 0 {
		s += "; " + strconv.Itoa(int(e.Duplicates)) + " of them had been committed before: duplicates"
	}
	return s
}
