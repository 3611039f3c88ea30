package replay

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"kafkasim/sim"
)

// Print writes the two ledgers side by side, in the columns of
// `kafkasim run`'s summary, each cell "simulator | real", then the notes
// and the differences with what explains them.
func (res Result) Print(w io.Writer) {
	fmt.Fprintln(w, "\nledger: each cell is simulator | real cluster")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if len(res.Predicted.Producers) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(tw, "producer\tsent\tacked\tfailed\tin flight")
		for _, p := range res.Predicted.Producers {
			q := realProducer(res.Real, p.ID)
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.ID, pair(p.Sent, q.Sent), pair(p.Acked, q.Acked),
				pair(p.Failed, q.Failed), pair(p.InFlight, q.InFlight))
		}
		tw.Flush()
	}
	if len(res.Predicted.Groups) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(tw, "group\tprocessed\texactly once\tduplicated\tlost\tskipped\tpending")
		for _, g := range res.Predicted.Groups {
			q := realGroup(res.Real, g.ID)
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", g.ID, pair(g.Processed, q.Processed), pair(g.ExactlyOnce, q.ExactlyOnce),
				pair(g.Duplicated, q.Duplicated), pair(g.Lost, q.Lost), pair(g.Skipped, q.Skipped), pair(g.Pending, q.Pending))
		}
		tw.Flush()
	}
	fmt.Fprintf(w, "\nlog duplicates  %s\n", pair(res.Predicted.LogDuplicates, res.Real.LogDuplicates))
	section(w, "notes", append(append([]string{}, res.Notes...), res.riskNotes()...))
	section(w, "broker fault commands run", res.Ran)
	section(w, "faults that did not happen on the real cluster", res.Skipped)
	section(w, "differences", res.Differences())
}

// riskNotes says, per group committing by hand, how many records it
// processed in batches no commit covered: the ones it may repeat.
func (res Result) riskNotes() []string {
	var out []string
	for _, g := range res.Predicted.Groups {
		if n := res.AtRisk[g.ID]; n > 0 {
			out = append(out, fmt.Sprintf("group %s processed %d record(s) in batches no commit covered (a crash mid-batch, a commit refused in a rebalance): the only ones it could process twice", g.ID, n))
		}
	}
	return out
}

// Differences explains where the real ledger departs from the prediction.
func (res Result) Differences() []string {
	var out []string
	faults := res.faultCause()
	for _, g := range res.Predicted.Groups {
		q := realGroup(res.Real, g.ID)
		switch {
		case q.Lost > g.Lost && g.Lost == 0:
			out = append(out, fmt.Sprintf("group %s lost %d acknowledged record(s) on the real cluster where the simulator lost none: worth a look", g.ID, q.Lost))
		case q.Lost != g.Lost && faults != "":
			out = append(out, fmt.Sprintf("group %s: %d lost, %d predicted: %s", g.ID, q.Lost, g.Lost, faults))
		case q.Lost != g.Lost:
			out = append(out, fmt.Sprintf("group %s: %d lost, %d predicted: how much of a batch a crash leaves unprocessed depends on where in it the crash lands, and real clocks drift from the simulator's exact ones", g.ID, q.Lost, g.Lost))
		}
		if q.Duplicated != g.Duplicated {
			out = append(out, fmt.Sprintf("group %s: %d duplicated, %d predicted: how many records a crash repeats depends on where in a batch it lands, and real clocks drift from the simulator's exact ones", g.ID, q.Duplicated, g.Duplicated))
		}
		if q.Pending != g.Pending {
			out = append(out, fmt.Sprintf("group %s: %d pending, %d predicted: the real groups could drain after the end", g.ID, q.Pending, g.Pending))
		}
	}
	for _, p := range res.Predicted.Producers {
		q := realProducer(res.Real, p.ID)
		switch {
		case q.Acked != p.Acked && faults != "":
			out = append(out, fmt.Sprintf("producer %s: %d acked, %d predicted: %s", p.ID, q.Acked, p.Acked, faults))
		case q.Sent != p.Sent || q.Acked != p.Acked:
			out = append(out, fmt.Sprintf("producer %s: %d sent and %d acked, %d and %d predicted: the wall clock is not the simulator's exact one", p.ID, q.Sent, q.Acked, p.Sent, p.Acked))
		}
	}
	if res.Real.LogDuplicates != res.Predicted.LogDuplicates {
		out = append(out, fmt.Sprintf("log duplicates: %d here, %d predicted: copies in the log come from retries after lost acknowledgements, which depend on the faults", res.Real.LogDuplicates, res.Predicted.LogDuplicates))
	}
	return out
}

// faultCause says how the broker faults differed from the simulator's,
// or "" when the scenario has none.
func (res Result) faultCause() string {
	switch {
	case len(res.Skipped) > 0 && len(res.Ran) > 0:
		return "some broker faults were skipped, and the others are whatever the --on commands did"
	case len(res.Skipped) > 0:
		return "the real cluster did not have the faults the simulator played (skipped, above)"
	case len(res.Ran) > 0:
		return "the broker faults are whatever the --on commands did, on the real cluster's own timing"
	}
	return ""
}

func section(w io.Writer, title string, lines []string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", title)
	for _, l := range lines {
		fmt.Fprintf(w, "  %s\n", l)
	}
}

// pair is one cell: "12 | 12", or "12 | 9 *" where they differ.
func pair(predicted, real int) string {
	s := strconv.Itoa(predicted) + " | " + strconv.Itoa(real)
	if predicted != real {
		s += " *"
	}
	return s
}

func realProducer(l sim.LedgerSummary, id string) sim.ProducerLedger {
	for _, p := range l.Producers {
		if p.ID == id {
			return p
		}
	}
	return sim.ProducerLedger{ID: id}
}

func realGroup(l sim.LedgerSummary, id string) sim.GroupLedger {
	for _, g := range l.Groups {
		if g.ID == id {
			return g
		}
	}
	return sim.GroupLedger{ID: id}
}

// LostUnpredicted reports whether a group lost, on the real cluster,
// acknowledged records the simulator says it keeps.
func (res Result) LostUnpredicted() bool {
	for _, g := range res.Predicted.Groups {
		if realGroup(res.Real, g.ID).Lost > g.Lost {
			return true
		}
	}
	return false
}
