package scenarios

import (
	"fmt"
	"math"
	"strconv"

	"kafkasim/sim"
)

// A producer's values = { ... } table: how it makes up record values.
//
//	values = { kind = "temperature", min = 18, max = 34, cycle = 60 }
//	values = { kind = "payload", bytes = 1000 }
var valueKeys = []string{"kind", "min", "max", "cycle", "bytes"}

// values reads a producer's values table, nil when there is none.
func (b *builder) values(t *table) *sim.ValueSpec {
	c := t.child("values", valueKeys...)
	if c == nil {
		return nil
	}
	c.finish()
	kind, ok := c.str("kind")
	if !ok {
		if !c.has("kind") {
			c.problem("", "values needs a kind", `add kind = "temperature" or kind = "payload"`)
		}
		return nil
	}
	v := &sim.ValueSpec{Kind: kind}
	switch kind {
	case sim.ValuesTemperature:
		lo, okLo := c.tenths("min")
		hi, okHi := c.tenths("max")
		if !okLo || !okHi {
			return nil
		}
		v.MinTenths, v.MaxTenths = lo, hi
		v.CycleSends = sim.DefaultCycleSends
		if n, ok := c.integer("cycle", 2, MaxRecords); ok {
			v.CycleSends = int(n)
		}
	case sim.ValuesPayload:
		n, ok := c.integer("bytes", 1, sim.MaxPayloadBytes)
		if !ok {
			if !c.has("bytes") {
				c.problem("", "a payload needs its size", "add bytes = 1000")
			}
			return nil
		}
		v.Bytes = int(n)
	default:
		c.problem("kind", fmt.Sprintf("unknown kind %q", kind), `use "temperature" or "payload"`)
		return nil
	}
	if err := v.Validate(); err != nil {
		c.problem("", err.Error(), "")
		return nil
	}
	return v
}

// tenths reads a number (whole or decimal) as tenths: 18.5 -> 185.
func (t *table) tenths(key string) (int, bool) {
	switch v := t.m[key].(type) {
	case int64:
		if v > -100000 && v < 100000 {
			return int(v * 10), true
		}
	case float64:
		if v > -100000 && v < 100000 {
			return int(math.Round(v * 10)), true
		}
	case nil:
		t.problem("", "values needs "+key, "add "+key+" = 30")
		return 0, false
	}
	t.problem(key, "must be a number between -100000 and 100000", "")
	return 0, false
}

// alertWhen reads a group's alert_when condition.
func (b *builder) alertWhen(t *table, g *sim.GroupConfig) {
	s, ok := t.str("alert_when")
	if !ok {
		return
	}
	rule, err := sim.ParseAlertRule(s)
	if err != nil {
		t.problem("alert_when", err.Error(), `e.g. alert_when = "value > 30"`)
		return
	}
	g.AlertWhen = rule.String()
}

// valuesTOML writes a ValueSpec back as its inline table.
func valuesTOML(v *sim.ValueSpec) string {
	if v.Kind == sim.ValuesPayload {
		return `{ kind = "payload", bytes = ` + strconv.Itoa(v.Bytes) + " }"
	}
	return `{ kind = "temperature", min = ` + tenthsTOML(v.MinTenths) + ", max = " + tenthsTOML(v.MaxTenths) +
		", cycle = " + strconv.Itoa(v.CycleSends) + " }"
}

func tenthsTOML(t int) string {
	if t%10 == 0 {
		return strconv.Itoa(t / 10)
	}
	return strconv.FormatFloat(float64(t)/10, 'f', 1, 64)
}
