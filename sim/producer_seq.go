package sim

import "sort"

// Sequence numbers and retry order: what keeps an idempotent producer's
// records in order and written once.

// numberBatch gives a batch the partition's next sequence numbers.
func (s *Sim) numberBatch(p *producer, bi int32) {
	b := &s.batches[bi]
	pp := &p.parts[b.part]
	b.firstSeq = pp.nextSeq
	b.epoch = p.epoch
	pp.nextSeq += int32(len(b.recs))
	for i, r := range b.recs {
		s.ledger.recs[r].seq = b.firstSeq + int32(i)
		s.ledger.recs[r].epoch = p.epoch
	}
}

// resetSequences is the idempotent producer's way out when the leader no
// longer has the sequence numbers it expects (its log was truncated): bump
// the producer epoch and number the partition's unfinished batches afresh.
func (s *Sim) resetSequences(p *producer, part int32) {
	p.epoch++
	p.parts[part].nextSeq = 0
	var open []int32
	for i := range s.batches {
		b := &s.batches[i]
		if b.producer == p.idx && b.part == part && b.state != batchDone && b.firstSeq >= 0 {
			open = append(open, int32(i))
		}
	}
	sort.Slice(open, func(i, j int) bool { return s.batches[open[i]].firstSeq < s.batches[open[j]].firstSeq })
	for _, bi := range open {
		s.numberBatch(p, bi)
	}
}

// requeue puts a batch back for a retry. Like the Java client, a plain
// producer puts it at the front (so, with several requests in flight, it can
// overtake later batches: reordering), while an idempotent one slots it in
// by sequence number so the partition's order holds.
func (s *Sim) requeue(p *producer, bi int32) {
	pp := &p.parts[s.batches[bi].part]
	at := 0
	if seq := s.batches[bi].firstSeq; seq >= 0 {
		for at < len(pp.queue) && s.batches[pp.queue[at]].firstSeq >= 0 && s.batches[pp.queue[at]].firstSeq < seq {
			at++
		}
	}
	q := make([]int32, 0, len(pp.queue)+1)
	q = append(q, pp.queue[:at]...)
	q = append(q, bi)
	pp.queue = append(q, pp.queue[at:]...)
}
