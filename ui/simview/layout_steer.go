package simview

import "strings"

// SteerTo gives rows first to the panes that show what metrics are about
// (a lesson stop's question and watched values, in scenarios.Metric
// names): group.* the groups, producer.* the producers, partition.* the
// logs (or the cluster for leaders and the ISR), brokers_up and controller
// the cluster. With none it goes back to what the scenario is about.
func (m *Screen) SteerTo(metrics []string) {
	m.steer = nil
	for _, name := range metrics {
		if f, ok := metricFocus(name); ok {
			m.steer = &f
			break
		}
	}
	m.layout()
}

// metricFocus is the pane a metric name is about.
func metricFocus(name string) (paneFocus, bool) {
	kind, rest, _ := strings.Cut(name, ".")
	switch kind {
	case "group":
		return focusGroups, true
	case "producer":
		return focusProducers, true
	case "partition":
		field := rest[strings.LastIndex(rest, ".")+1:]
		if field == "leader" || field == "epoch" || field == "isr_size" || field == "replicas_in_sync" {
			return focusCluster, true
		}
		return focusLogs, true
	case "brokers_up", "controller":
		return focusCluster, true
	case "log_duplicates":
		return focusLogs, true
	}
	return 0, false
}

// focus is what the layout favours: the lesson's steer, else the
// scenario's own story.
func (m *Screen) focus() paneFocus {
	if m.steer != nil {
		return *m.steer
	}
	return scenarioFocus(m.Spec.Config, m.Spec.Timeline)
}

// CoverBottom says a box will be drawn over the last n rows above the
// timeline: the layout gives them to the narration, so what the panes
// above show (the ones SteerTo favours first) stays in sight.
func (m *Screen) CoverBottom(n int) {
	if n != m.covered {
		m.covered = n
		m.layout()
	}
}
