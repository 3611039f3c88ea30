package scenarios

import (
	"bufio"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"kafkasim/sim"
)

// Seconds writes virtual milliseconds as seconds with three decimals:
// "12.345s". The text trace and the TUI use it for times.
func Seconds(ms int64) string {
	var buf [24]byte
	return string(appendSeconds(buf[:0], ms))
}

// appendSeconds appends what Seconds returns.
func appendSeconds(b []byte, ms int64) []byte {
	if ms < 0 {
		b, ms = append(b, '-'), -ms
	}
	b = append(strconv.AppendInt(b, ms/1000, 10), '.')
	frac := ms % 1000
	if frac < 100 {
		b = append(b, '0')
	}
	if frac < 10 {
		b = append(b, '0')
	}
	return append(strconv.AppendInt(b, frac, 10), 's')
}

// typeWidth fits the longest event type name ("high-watermark-advanced").
const typeWidth = 24

// blanks pads the columns of a text line.
const blanks = "                                "

// appendEventText writes one event as "   12.345s  type  why"; a multi-line
// narration continues indented under its first line. The why is written
// straight into b and checked there: only a sentence that holds text a
// terminal would act on, or a newline, takes the slower sanitizing path.
func appendEventText(b []byte, e *sim.Event) []byte {
	var tbuf [24]byte
	t := appendSeconds(tbuf[:0], e.AtMs)
	b = append(b, blanks[:max(0, 10-len(t))]...)
	b = append(b, t...)
	b = append(b, "  "...)
	b = append(b, e.Type...)
	b = append(b, blanks[:max(1, typeWidth-len(e.Type))]...)
	at := len(b)
	b = e.AppendWhy(b)
	if !isPlainBytes(b[at:]) {
		why := Sanitize(string(b[at:]))
		indent := "\n" + blanks[:12] + blanks[:typeWidth]
		b = append(b[:at], strings.ReplaceAll(why, "\n", indent)...)
	}
	return append(b, '\n')
}

// writeTextSummary writes the closing summary: the run, producers, groups,
// duplicates in the logs, and each expectation.
func writeTextSummary(w *bufio.Writer, sc *Scenario, r Result, quiet bool) {
	if !quiet {
		w.WriteString("\n")
	}
	fmt.Fprintf(w, "scenario  %s: %s\n", sc.Name, sc.Title)
	fmt.Fprintf(w, "seed      %d\n", r.Seed)
	fmt.Fprintf(w, "ended at  %s (%d events)\n", Seconds(r.EndMs), r.Events)
	fmt.Fprintf(w, "digest    %s\n", r.Digest)

	led := r.Snapshot.Ledger
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if len(led.Producers) > 0 {
		prods := append([]sim.ProducerLedger{}, led.Producers...)
		sort.Slice(prods, func(i, j int) bool { return prods[i].ID < prods[j].ID })
		fmt.Fprintln(w)
		fmt.Fprintln(tw, "producer\tsent\tacked\tfailed\tin flight")
		for _, p := range prods {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\n", p.ID, p.Sent, p.Acked, p.Failed, p.InFlight)
		}
		tw.Flush()
	}
	if len(led.Groups) > 0 {
		groups := append([]sim.GroupLedger{}, led.Groups...)
		sort.Slice(groups, func(i, j int) bool { return groups[i].ID < groups[j].ID })
		fmt.Fprintln(w)
		fmt.Fprintln(tw, "group\tprocessed\texactly once\tduplicated\tlost\tskipped\tpending")
		for _, g := range groups {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\n", g.ID, g.Processed, g.ExactlyOnce, g.Duplicated, g.Lost, g.Skipped, g.Pending)
		}
		tw.Flush()
	}
	fmt.Fprintf(w, "\nlog duplicates  %d\n", led.LogDuplicates)

	if len(r.Checks) == 0 {
		return
	}
	fmt.Fprintf(w, "\nexpectations  %d passed, %d failed\n", r.Passed, r.Failed)
	for _, c := range r.Checks {
		mark := "ok  "
		if !c.OK {
			mark = "FAIL"
		}
		fmt.Fprintf(w, "  %s  line %d: %s\n", mark, c.Line, c.Detail)
	}
}
