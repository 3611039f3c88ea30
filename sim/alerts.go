package sim

import (
	"fmt"
	"strconv"
	"strings"
)

// A threshold consumer (the course's temperature-sensor activity): the
// application behind a group checks each record's value as it processes
// it and raises an alert when a condition holds, e.g. "value > 30".
// Alerts are the application's, not Kafka's: each processing of a record
// counts, so a record processed twice (at-least-once) alerts twice.

// AlertRule is a parsed alert-when condition: value <Op> Milli/1000.
type AlertRule struct {
	Op    string // >, >=, <, <=, ==, !=
	Milli int64  // the threshold, in thousandths
}

var alertOps = []string{">=", "<=", "==", "!=", ">", "<"}

// ParseAlertRule reads "value > 30" (or >=, <, <=, ==, != and a number
// with up to three decimals).
func ParseAlertRule(s string) (AlertRule, error) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), "value")
	if !ok {
		return AlertRule{}, fmt.Errorf("write it as value > 30 (the record's value compared with a number)")
	}
	rest = strings.TrimSpace(rest)
	for _, op := range alertOps {
		if num, found := strings.CutPrefix(rest, op); found {
			m, ok := parseMilli(strings.TrimSpace(num))
			if !ok {
				return AlertRule{}, fmt.Errorf("%q is not a number", strings.TrimSpace(num))
			}
			return AlertRule{Op: op, Milli: m}, nil
		}
	}
	return AlertRule{}, fmt.Errorf("the comparison must be one of >, >=, <, <=, ==, !=")
}

// String writes the rule back: "value > 30".
func (r AlertRule) String() string {
	return "value " + r.Op + " " + milliText(r.Milli)
}

// holds reports whether a value meets the rule; a value that is not a
// number never does.
func (r AlertRule) holds(value string) bool {
	v, ok := parseMilli(value)
	if !ok {
		return false
	}
	switch r.Op {
	case ">":
		return v > r.Milli
	case ">=":
		return v >= r.Milli
	case "<":
		return v < r.Milli
	case "<=":
		return v <= r.Milli
	case "==":
		return v == r.Milli
	}
	return v != r.Milli
}

// parseMilli reads a decimal with up to three places as thousandths.
func parseMilli(s string) (int64, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 3 || len(whole) > 15 {
		return 0, false
	}
	w, err := strconv.ParseUint(whole, 10, 64)
	if err != nil {
		return 0, false
	}
	f := uint64(0)
	if frac != "" {
		if f, err = strconv.ParseUint(frac, 10, 64); err != nil {
			return 0, false
		}
		for range 3 - len(frac) {
			f *= 10
		}
	}
	m := int64(w*1000 + f)
	if neg {
		m = -m
	}
	return m, true
}

// milliText writes thousandths as a short decimal: 30000 -> "30", 30500 -> "30.5".
func milliText(m int64) string {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	s := strconv.FormatInt(m/1000, 10)
	if f := m % 1000; f != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%03d", f), "0")
	}
	return sign + s
}

// checkAlerts runs the group's alert-when over records just processed.
func (s *Sim) checkAlerts(g *group, m *member, recs []bufRec) {
	if g.cfg.AlertWhen == "" {
		return
	}
	rule, err := ParseAlertRule(g.cfg.AlertWhen)
	if err != nil {
		return // validated when the group was added
	}
	for _, r := range recs {
		v, null := s.ledger.valueOf(r.rec)
		if null || !rule.holds(v) {
			continue
		}
		g.flow.alerts++
		s.emit(&Event{Type: EvAlert, Group: g.cfg.ID, Member: m.name, Topic: r.tp.Topic, Partition: r.tp.Partition,
			Offset: r.offset, Count: g.flow.alerts, Text: v + " " + rule.Op + " " + milliText(rule.Milli)})
	}
}
