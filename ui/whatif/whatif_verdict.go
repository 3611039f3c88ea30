package whatif

import (
	"strings"

	"kafkasim/sim"
	"kafkasim/ui/components"
)

// faultNoun names what both branches went through, for the verdict's
// opening: "same crash", "same faults", "same run".
func faultNoun(timeline []sim.Scheduled, hand []sim.Applied, untilMs int64) string {
	nouns := map[string]bool{}
	add := func(c sim.Command, atMs int64) {
		if n := faultWord(c.Kind); n != "" && atMs <= untilMs {
			nouns[n] = true
		}
	}
	for _, s := range timeline {
		add(s.Cmd, s.AtMs)
	}
	for _, h := range hand {
		add(h.Cmd, h.AtMs)
	}
	switch len(nouns) {
	case 0:
		return "same run"
	case 1:
		for n := range nouns {
			return "same " + n
		}
	}
	return "same faults"
}

// faultWord is the word for a fault; "" for what is not one.
func faultWord(k sim.CommandKind) string {
	switch k {
	case sim.CmdCrashBroker, sim.CmdCrashProducer, sim.CmdCrashConsumer:
		return "crash"
	case sim.CmdRestartBroker, sim.CmdRestartConsumer:
		return "restart"
	case sim.CmdSlowBroker:
		return "slow broker"
	case sim.CmdDropAcks:
		return "lost responses"
	case sim.CmdCloseConsumer, sim.CmdPauseConsumer, sim.CmdResumeConsumer, sim.CmdAddConsumer:
		return "group change"
	case sim.CmdAddPartitions:
		return "new partitions"
	}
	return ""
}

// outcome is one branch's numbers, as the verdict compares them.
type outcome struct {
	dup, lost, skipped, pending, logDup, acked, failed int
	groups                                             bool
	// batches and records sent in them, for a batching setting (-1 else).
	batches, batched int
	// fetches and the records they returned, for a fetch setting (-1 else).
	fetches, fetched int
}

// outcomeOf sums the ledger over the groups the setting concerns: the one
// changed for a group setting, all of them otherwise. A batching setting
// is judged on its producer alone: what it acked, in how many batches.
func outcomeOf(side WhatIfSide, setting WhatIfSetting, target string) outcome {
	l := side.Ledger
	o := outcome{logDup: l.LogDuplicates, batches: -1, fetches: -1}
	if setting.CountsBatches {
		t := side.Batches[target]
		o.batches, o.batched = t.Batches, t.Records
		for _, p := range l.Producers {
			if p.ID == target {
				o.acked, o.failed = p.Acked, p.Failed
			}
		}
		return o
	}
	if setting.countsFetches() {
		t := side.Batches[FetchTallyKey(target)]
		o.fetches, o.fetched = t.Batches, t.Records
	}
	for _, g := range l.Groups {
		if setting.Scope == sim.ScopeConsumer && g.ID != target {
			continue
		}
		o.groups = true
		o.dup += g.Duplicated
		o.lost += g.Lost
		o.skipped += g.Skipped
		o.pending += g.Pending
	}
	for _, p := range l.Producers {
		o.acked += p.Acked
		o.failed += p.Failed
	}
	return o
}

// Text writes the numbers: "3 duplicates, 0 lost".
func (o outcome) Text() string {
	var parts []string
	if o.groups {
		parts = append(parts, Plural(o.dup, "duplicate"), components.Itoa(o.lost)+" lost")
		if o.skipped > 0 {
			parts = append(parts, components.Itoa(o.skipped)+" skipped")
		}
		if o.pending > 0 {
			parts = append(parts, components.Itoa(o.pending)+" pending")
		}
	} else {
		parts = append(parts, components.Itoa(o.acked)+" acked", components.Itoa(o.failed)+" failed")
	}
	if o.batches >= 0 {
		parts = append(parts, "sent in "+Plural(o.batches, "batch")+PerBatch(o.batched, o.batches))
	}
	if o.fetches >= 0 {
		parts = append(parts, "read in "+Plural(o.fetches, "fetch")+PerBatch(o.fetched, o.fetches))
	}
	if o.logDup > 0 {
		parts = append(parts, Plural(o.logDup, "copy")+" written twice")
	}
	return strings.Join(parts, ", ")
}

// verdict is the one line that compares the branches, from their ledgers:
// "same crash, commit after processing: 3 duplicates, 0 lost; commit
// before processing: 0 duplicates, 3 lost".
func verdict(noun string, a, b WhatIfSide, setting WhatIfSetting, target string) string {
	if a.Err != nil || b.Err != nil {
		return "the what-if could not run: see below"
	}
	oa, ob := outcomeOf(a, setting, target), outcomeOf(b, setting, target)
	line := noun + ", " + a.Label + ": " + oa.Text() + "; " + b.Label + ": " + ob.Text()
	if oa == ob {
		line += " (no difference)"
	}
	return line
}

// PerBatch writes the records a batch carried on average, to a tenth:
// " (4.2 records each)".
func PerBatch(records, batches int) string {
	if batches == 0 {
		return ""
	}
	tenths := (records*10 + batches/2) / batches
	return " (" + components.Itoa(tenths/10) + "." + components.Itoa(tenths%10) + " records each)"
}

// Plural writes "1 duplicate", "3 duplicates", "2 copies", "5 batches".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return components.Itoa(n) + " " + strings.TrimSuffix(word, "y") + "ies"
	}
	if strings.HasSuffix(word, "ch") {
		return components.Itoa(n) + " " + word + "es"
	}
	return components.Itoa(n) + " " + word + "s"
}
