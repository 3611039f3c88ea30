package scenarios

import (
	"maps"
	"slices"
	"strings"

	"kafkasim/sim"
)

// narration records an entry's say line with its when and else, checking
// that the condition names metrics this scenario has.
func (b *builder) narration(t *table, s sim.Scheduled) {
	when, _ := t.str("when")
	other, _ := t.str("else")
	if s.Cmd.Say == "" {
		if t.has("when") || t.has("else") {
			t.problem("when", "when and else bind a say line, and this entry says nothing", "add say, or remove when and else")
		}
		return
	}
	n := Narration{AtMs: s.AtMs, Say: s.Cmd.Say, Else: Sanitize(strings.TrimSpace(other)), Line: t.line("say")}
	if t.has("else") && !t.has("when") {
		t.problem("else", "else without when", `say when the line is true: when = "group.billing.lost == 0"`)
	}
	if t.has("when") {
		c, err := ParseCondition(when)
		if err != nil {
			t.problem("when", err.Error(), `e.g. when = "group.billing.duplicated == 0"`)
			return
		}
		groups := slices.Sorted(maps.Keys(b.groupLine))
		producers := slices.Sorted(maps.Keys(b.producerLine))
		for _, term := range c {
			if _, err := parseMetric(term.Metric, groups, producers); err != nil {
				t.problem("when", err.Error(), "name a metric as expectations do: group.<id>.lost, partition.<topic>-<p>.hw, ...")
				return
			}
		}
		n.When = c
	}
	b.sc.Narration = append(b.sc.Narration, n)
}
