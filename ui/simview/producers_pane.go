package simview

import (
	"strings"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// producersPane lists each producer: its acks and idempotence settings, the
// producer id and sequences, batches in flight and retries.
type producersPane struct {
	components.Pane
}

func newProducersPane() producersPane {
	return producersPane{Pane: components.Pane{ID: components.PaneProducers}}
}

// maxBatchLines caps the batch lines shown under one producer.
const maxBatchLines = 3

// Render draws the producers of snap as p.w × p.h lines.
func (p *producersPane) Render(st *theme.Styles, snap *sim.Snapshot, hot *Anim) []string {
	var body []string
	for i := range snap.Producers {
		body = append(body, p.producerLines(st, &snap.Producers[i], hot)...)
	}
	if len(snap.Producers) == 0 {
		body = append(body, st.Faint.Render("no producers"))
	}
	p.SetTotal(len(body))
	from, to := p.Window()
	return p.Frame(st, "", body[from:to])
}

func (p *producersPane) producerLines(st *theme.Styles, pv *sim.ProducerView, hot *Anim) []string {
	cfg := pv.Config
	head := st.Bold.Render(components.Sanitize(pv.ID)) + st.Faint.Render(" → ") + components.Sanitize(pv.Topic) +
		st.Faint.Render(" acks=") + sim.AcksString(cfg.Acks)
	switch {
	case cfg.TransactionalID != "":
		head += st.Accent.Render(" txn " + components.Sanitize(cfg.TransactionalID))
	case cfg.EnableIdempotence:
		head += st.Accent.Render(" idempotent")
	default:
		head += st.Faint.Render(" not idempotent")
	}
	if pv.ProducerID > 0 || cfg.EnableIdempotence {
		head += st.Faint.Render(" pid ") + components.I64(pv.ProducerID) + st.Faint.Render(" epoch ") + components.Itoa(pv.ProducerEpoch)
	}
	if pv.Crashed {
		head += " " + st.Error.Render("CRASHED ✕")
	}
	counts := "  " + st.Faint.Render("sent ") + components.Itoa(pv.Sent) + st.Once.Render(" acked ") + components.Itoa(pv.Acked) +
		st.Lost.Render(" failed ") + components.Itoa(pv.Failed) + st.Faint.Render(" in-flight ") + components.Itoa(pv.InFlight) +
		st.Duplicated.Render(" retries ") + components.Itoa(pv.Retries)
	if v, ok := hot.Get(HotKey{Kind: hotProducer, S1: pv.ID}); ok && v.label != "" {
		counts += " " + travel(st, hot, v) + st.Hot.Render(v.label)
	}
	lines := []string{head, counts}
	if len(pv.Sequences) > 0 {
		seq := "    next seq"
		for _, q := range pv.Sequences {
			seq += " p" + components.Itoa(q.Partition) + ":" + components.Itoa(q.NextSeq)
		}
		lines = append(lines, st.Faint.Render(seq))
	}
	for i, b := range pv.Batches {
		if i == maxBatchLines {
			lines = append(lines, st.Faint.Render("    … "+components.Itoa(len(pv.Batches)-i)+" more batches"))
			break
		}
		lines = append(lines, batchLine(st, pv, b))
	}
	return lines
}

// batchLine is one batch on the wire: "▸ p0 ×3 seq 12 → b1 try 2 backoff".
func batchLine(st *theme.Styles, pv *sim.ProducerView, b sim.BatchView) string {
	s := "    ▸ " + components.Sanitize(pv.Topic) + "-" + components.Itoa(b.Partition) + " ×" + components.Itoa(b.Records)
	if b.FirstSeq >= 0 {
		s += " seq " + components.Itoa(b.FirstSeq)
	}
	switch {
	case b.Leader == 0:
		s += " → no leader yet"
	default:
		s += " → b" + components.Itoa(b.Leader)
	}
	if b.Attempt > 0 {
		s += " try " + components.Itoa(b.Attempt)
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
func travel(st *theme.Styles, hot *Anim, v hotVal) string {
	const wire = 5
	if !strings.HasPrefix(v.label, "→") && !strings.HasPrefix(v.label, "✓") {
		return ""
	}
	at := hot.progress(v) * (wire - 1) / MotionFrames
	return st.Accent.Render(strings.Repeat("━", at) + "●" + strings.Repeat("╌", wire-1-at))
}
