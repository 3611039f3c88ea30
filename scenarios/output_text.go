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
	sign := ""
	if ms < 0 {
		sign, ms = "-", -ms
	}
	frac := strconv.FormatInt(ms%1000, 10)
	return sign + strconv.FormatInt(ms/1000, 10) + "." + strings.Repeat("0", 3-len(frac)) + frac + "s"
}

// typeWidth fits the longest event type name ("high-watermark-advanced").
const typeWidth = 24

// appendEventText writes one event as "   12.345s  type  why"; a multi-line
// narration continues indented under its first line.
func appendEventText(b []byte, e sim.Event) []byte {
	t := Seconds(e.AtMs)
	b = append(b, strings.Repeat(" ", max(0, 10-len(t)))...)
	b = append(b, t...)
	b = append(b, "  "...)
	b = append(b, e.Type...)
	b = append(b, strings.Repeat(" ", max(1, typeWidth-len(e.Type)))...)
	why := Sanitize(e.Why())
	indent := "\n" + strings.Repeat(" ", 12+typeWidth)
	b = append(b, strings.ReplaceAll(why, "\n", indent)...)
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
