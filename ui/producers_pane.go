package ui

import (
	"strings"

	"kafkasim/sim"
)

// producersPane lists each producer: its acks and idempotence settings, the
// producer id and sequences, batches in flight and retries.
type producersPane struct {
	pane
}

func newProducersPane() producersPane { return producersPane{pane: pane{id: paneProducers}} }

// maxBatchLines caps the batch lines shown under one producer.
const maxBatchLines = 3

// render draws the producers of snap as p.w × p.h lines.
func (p *producersPane) render(st *Styles, snap *sim.Snapshot, hot *anim) []string {
	var body []string
	for i := range snap.Producers {
		body = append(body, p.producerLines(st, &snap.Producers[i], hot)...)
	}
	if len(snap.Producers) == 0 {
		body = append(body, st.Faint.Render("no producers"))
	}
	p.setTotal(len(body))
	from, to := p.window()
	return p.frame(st, "", body[from:to])
}

func (p *producersPane) producerLines(st *Styles, pv *sim.ProducerView, hot *anim) []string {
	cfg := pv.Config
	head := st.Bold.Render(sanitize(pv.ID)) + st.Faint.Render(" → ") + sanitize(pv.Topic) +
		st.Faint.Render(" acks=") + sim.AcksString(cfg.Acks)
	switch {
	case cfg.TransactionalID != "":
		head += st.Accent.Render(" txn " + sanitize(cfg.TransactionalID))
	case cfg.EnableIdempotence:
		head += st.Accent.Render(" idempotent")
	default:
		head += st.Faint.Render(" not idempotent")
	}
	if pv.ProducerID > 0 || cfg.EnableIdempotence {
		head += st.Faint.Render(" pid ") + i64(pv.ProducerID) + st.Faint.Render(" epoch ") + itoa(pv.ProducerEpoch)
	}
	if pv.Crashed {
		head += " " + st.Error.Render("CRASHED ✕")
	}
	counts := "  " + st.Faint.Render("sent ") + itoa(pv.Sent) + st.Once.Render(" acked ") + itoa(pv.Acked) +
		st.Lost.Render(" failed ") + itoa(pv.Failed) + st.Faint.Render(" in-flight ") + itoa(pv.InFlight) +
		st.Duplicated.Render(" retries ") + itoa(pv.Retries)
	if v, ok := hot.get(hotKey{kind: hotProducer, s1: pv.ID}); ok && v.label != "" {
		counts += " " + travel(st, hot, v) + st.Hot.Render(v.label)
	}
	lines := []string{head, counts}
	if len(pv.Sequences) > 0 {
		seq := "    next seq"
		for _, q := range pv.Sequences {
			seq += " p" + itoa(q.Partition) + ":" + itoa(q.NextSeq)
		}
		lines = append(lines, st.Faint.Render(seq))
	}
	for i, b := range pv.Batches {
		if i == maxBatchLines {
			lines = append(lines, st.Faint.Render("    … "+itoa(len(pv.Batches)-i)+" more batches"))
			break
		}
		lines = append(lines, batchLine(st, pv, b))
	}
	return lines
}

// batchLine is one batch on the wire: "▸ p0 ×3 seq 12 → b1 try 2 backoff".
func batchLine(st *Styles, pv *sim.ProducerView, b sim.BatchView) string {
	s := "    ▸ " + sanitize(pv.Topic) + "-" + itoa(b.Partition) + " ×" + itoa(b.Records)
	if b.FirstSeq >= 0 {
		s += " seq " + itoa(b.FirstSeq)
	}
	switch {
	case b.Leader == 0:
		s += " → no leader yet"
	default:
		s += " → b" + itoa(b.Leader)
	}
	if b.Attempt > 0 {
		s += " try " + itoa(b.Attempt)
	}
	s += " " + b.State
	if b.Attempt > 1 {
		return st.Duplicated.Render(s)
	}
	return st.Faint.Render(s)
}

// travel is a request on its way: a dot moving along a short wire over
// the first frames, then resting at the end. The label beside it says
// where it goes, so every frame tells the truth.
func travel(st *Styles, hot *anim, v hotVal) string {
	const wire = 5
	if !strings.HasPrefix(v.label, "→") && !strings.HasPrefix(v.label, "✓") {
		return ""
	}
	at := hot.progress(v) * (wire - 1) / motionFrames
	return st.Accent.Render(strings.Repeat("━", at) + "●" + strings.Repeat("╌", wire-1-at))
}
