package simview

import "testing"

// TestSteerGivesRowsToTheStopsPanes: at 80×24 on at-least-once (a story
// about consumers, so the groups come first) a lesson stop about the
// controller or a producer gets the cluster row, where those panes sit,
// more rows; one about a group or a log keeps what they had; no metric
// puts the scenario's own layout back. (At 120×36 everything fits, so
// steering changes nothing there.)
func TestSteerGivesRowsToTheStopsPanes(t *testing.T) {
	m := realScreen(t, loadSpec(t, "at-least-once"), 80, 24, 12_000)
	base := m.Lay
	m.SteerTo([]string{"controller"})
	if m.Lay.Cluster.H <= base.Cluster.H {
		t.Errorf("a stop about the controller: cluster %d rows, the scenario's focus gave %d", m.Lay.Cluster.H, base.Cluster.H)
	}
	m.SteerTo([]string{"producer.order-service.acked"})
	if m.Lay.producers.H <= base.producers.H {
		t.Errorf("a stop about a producer: producers %d rows, the scenario's focus gave %d", m.Lay.producers.H, base.producers.H)
	}
	m.SteerTo([]string{"nothing.known", "group.inventory.lag"})
	if m.Lay.Groups.H < base.Groups.H || m.Lay.Logs.H < base.Logs.H {
		t.Errorf("a stop about a group: %+v, want at least %+v", m.Lay, base)
	}
	m.SteerTo(nil)
	if m.Lay != base {
		t.Errorf("no metric should give the scenario's layout back: %+v, want %+v", m.Lay, base)
	}
}
