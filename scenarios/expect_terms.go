package scenarios

// Terms lists the expectation's checks as metric names with their
// comparisons, so a screen can say each in words. A comparison that does
// not parse is left out (Validate reports it).
func (e Expect) Terms() []Term {
	var out []Term
	add := func(metric, cond string) {
		if c, err := ParseComparison(cond); err == nil {
			out = append(out, Term{Metric: metric, Cmp: c})
		}
	}
	if e.Metric != "" {
		add(e.Metric, e.Value)
		return out
	}
	_, prefix, _ := e.subject()
	for _, f := range e.fields() {
		add(prefix+f[0], f[1])
	}
	return out
}
