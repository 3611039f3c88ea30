package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
)

// realRun opens a built-in scenario on the real engine at w×h and runs it
// to its end, paused.
func realRun(t *testing.T, name string, w, h int) Model {
	t.Helper()
	m := fixtureModel(t, Options{}, w, h)
	m.deps = defaultDeps()
	m = runCmd(m, m.loadCmd(name))
	s := m.sim
	if s == nil || s.fatal != nil {
		t.Fatalf("%s should open", name)
	}
	s.pause()
	s.run.RunUntil(s.spec.DurationMs)
	s.absorbNew(false)
	s.refresh()
	m.View() // the logs pane notes where it draws, for the mouse
	return m
}

// click sends a left click at (x, y).
func click(m Model, x, y int) Model {
	next, cmd := m.Update(tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	return runCmd(next.(Model), cmd)
}

// TestInspectorShowsADuplicate: in at-least-once a crash makes the group
// process records twice; the inspector on such a record names both
// processings with the engine's reason, exactly as the ledger does.
func TestInspectorShowsADuplicate(t *testing.T) {
	m := realRun(t, "at-least-once", 120, 36)
	s := m.sim
	dups := s.run.Fates("inventory", sim.FateDuplicated)
	if len(dups) == 0 {
		t.Fatal("at-least-once should duplicate records for inventory")
	}
	d := dups[0]
	s.inspect(recCursor{d.Topic, d.Partition, d.Offsets[0]})
	v := m.View()
	for _, want := range []string{"RECORD INSPECTOR › " + d.Topic + "-" + components.Itoa(d.Partition) + "@" + components.I64(d.Offsets[0]),
		d.Producer + " send #" + components.Itoa(d.SendN), "duplicated · processed 2×", "processed by", "◂"} {
		if !contains(v, want) {
			t.Fatalf("the inspector should show %q:\n%s", want, v)
		}
	}
	m = press(t, m, "right")
	if s.drill.cur.offset != d.Offsets[0]+1 {
		t.Fatalf("→ should move to the next record, at %d", s.drill.cur.offset)
	}
	m = press(t, m, "left", "left")
	if s.drill.cur.offset != d.Offsets[0]-1 {
		t.Fatalf("← twice should move back two records, at %d", s.drill.cur.offset)
	}
	press(t, m, "esc")
	if s.drill.IsOpen() || s.logs.marks != nil {
		t.Fatal("esc should close the inspector and its mark")
	}
}

// TestInspectorKeyAndPartitions: d opens the inspector on the newest
// record of the first partition shown; ↓ moves to the partition below.
func TestInspectorKeyAndPartitions(t *testing.T) {
	m := realRun(t, "at-least-once", 120, 36)
	s := m.sim
	m = press(t, m, "d")
	p := partitionAt(&s.snap, 0)
	if !s.drill.IsOpen() || s.drill.cur.topic != p.Topic || s.drill.cur.partition != p.Partition ||
		s.drill.cur.offset != p.Records[len(p.Records)-1].Offset {
		t.Fatalf("d should inspect the newest record of %s-%d, got %+v", p.Topic, p.Partition, s.drill.cur)
	}
	press(t, m, "down")
	if q := partitionAt(&s.snap, 1); s.drill.cur.partition != q.Partition {
		t.Fatalf("↓ should move to %s-%d, got %+v", q.Topic, q.Partition, s.drill.cur)
	}
}

// TestPartitionHistoryAfterFailover: unclean-election crashes the leader
// and the follower out of the ISR takes over; the partition's history
// shows each epoch with its leader and ISR, and the unclean election.
func TestPartitionHistoryAfterFailover(t *testing.T) {
	m := realRun(t, "unclean-election", 120, 36)
	s := m.sim
	if s.focus != components.PaneLogs {
		t.Fatalf("the logs should have the focus, not %v", s.focus)
	}
	m = press(t, m, "enter")
	v := m.View()
	if !s.drill.IsOpen() || !contains(v, "› leader, ISR and epoch over time") || !contains(v, "e1") {
		t.Fatalf("enter on the logs should open the partition's history:\n%s", v)
	}
	elections := 0
	p := partitionAt(&s.snap, 0)
	for _, e := range s.events {
		if e.Type == sim.EvLeaderElected && e.Topic == p.Topic && e.Partition == p.Partition {
			elections++
			if !contains(v, "e"+components.Itoa(e.Epoch)) {
				t.Fatalf("epoch %d should be in the history:\n%s", e.Epoch, v)
			}
		}
	}
	if elections < 2 || !contains(v, "UNCLEAN") {
		t.Fatalf("want the first and the unclean election (%d elections):\n%s", elections, v)
	}
}

// TestGroupAndBrokerHistory: enter on the groups shows generations and
// assignments; on the cluster, a broker's replicas and crashes.
func TestGroupAndBrokerHistory(t *testing.T) {
	m := realRun(t, "at-least-once", 120, 36)
	s := m.sim
	for s.focus != components.PaneGroups {
		m = press(t, m, "tab")
	}
	m = press(t, m, "enter", "pgup", "pgup", "pgup")
	v := m.View()
	if !contains(v, "GROUP inventory") || !contains(v, "generation 1") || !contains(v, "→ orders-") {
		t.Fatalf("the group's history should show its generations and assignments:\n%s", v)
	}
	m = press(t, m, "esc")
	for s.focus != components.PaneCluster {
		m = press(t, m, "tab")
	}
	v = press(t, m, "enter").View()
	if !contains(v, "BROKER b1") || !contains(v, "replica  orders-") {
		t.Fatalf("the broker's history should list its replicas:\n%s", v)
	}
}

// TestMouse: a click focuses the pane under it; a click on a record opens
// the inspector on that very record; a click on the timeline moves the run.
func TestMouse(t *testing.T) {
	m := realRun(t, "at-least-once", 120, 36)
	s := m.sim
	g := s.lay.groups
	m = click(m, g.x+2, g.y+1)
	if s.focus != components.PaneGroups {
		t.Fatalf("a click in the groups should focus them, not %v", s.focus)
	}
	l := s.lay.logs
	hx, hy, want := -1, -1, logHit{}
	for y := l.y; y < l.y+l.h && hx < 0; y++ {
		for x := l.x; x < l.x+l.w; x++ {
			if h, ok := s.logs.hits.at(x-l.x, y-l.y); ok && h.offset >= 0 {
				if p, _ := findPartition(&s.snap, h.part.topic, h.part.partition); p != nil && h.offset < p.LogEnd {
					hx, hy, want = x+3*logCellW, y, h
					want.offset += 3
					break
				}
			}
		}
	}
	if hx < 0 {
		t.Fatalf("no record cell in the logs:\n%s", m.View())
	}
	m = click(m, hx, hy)
	c := s.drill.cur
	if s.focus != components.PaneLogs || !s.drill.IsOpen() || c.topic != want.part.topic || c.offset != want.offset {
		t.Fatalf("a click on %v should inspect it, got %+v (focus %v)", want, c, s.focus)
	}
	tl := s.lay.timeline
	finishJob(t, s, s.Update(tea.MouseMsg{X: tl.x + 1, Y: tl.y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}))
	if s.run.Now() > 1000 || s.drill.IsOpen() {
		t.Fatalf("a click at the timeline's start should go back to it, at %s", components.FmtMs(s.run.Now()))
	}
	mid := tl.x + 1 + (tl.w-20)/2
	finishJob(t, s, s.Update(tea.MouseMsg{X: mid, Y: tl.y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}))
	if now := s.run.Now(); now < s.spec.DurationMs/4 || now > s.spec.DurationMs*3/4 {
		t.Fatalf("a click mid-timeline should run to about the middle, at %s of %s", components.FmtMs(now), components.FmtMs(s.spec.DurationMs))
	}
}

// TestLedgerListToInspector: enter on the ledger's list inspects the
// selected record; esc goes back to the list, and esc again closes it.
func TestLedgerListToInspector(t *testing.T) {
	m := openDrillOn(t, 120, 36)
	s := m.sim
	f, _ := s.drill.Selected()
	m = press(t, m, "enter")
	if s.drill.sheet == nil || s.drill.cur.offset != f.Offsets[0] || s.drill.cur.partition != f.Partition {
		t.Fatalf("enter should inspect %s-%d@%v, got %+v", f.Topic, f.Partition, f.Offsets, s.drill.cur)
	}
	if v := m.View(); !contains(v, "RECORD INSPECTOR › "+f.Topic+"-"+components.Itoa(f.Partition)+"@"+components.I64(f.Offsets[0])) {
		t.Fatalf("the inspector should show the record:\n%s", v)
	}
	m = press(t, m, "esc")
	if !s.drill.open || s.drill.sheet != nil || !contains(m.View(), "DELIVERY LEDGER › billing") {
		t.Fatalf("esc should go back to the list:\n%s", m.View())
	}
	press(t, m, "esc")
	if s.drill.IsOpen() {
		t.Fatal("esc on the list should close it")
	}
}

// TestSheetScrollKeepsMarks: scrolling a sheet leaves the logs' marks
// alone: the inspector's cursor stays, a history adds none.
func TestSheetScrollKeepsMarks(t *testing.T) {
	m := realRun(t, "at-least-once", 120, 36)
	s := m.sim
	m = press(t, m, "d", "pgdown", "pgup")
	if s.logs.marks == nil || len(s.logs.marks.selected) == 0 {
		t.Fatal("scrolling the inspector should keep its cursor in the logs")
	}
	m = press(t, m, "esc", "enter", "pgup")
	if s.logs.marks != nil || contains(m.View(), "(listed)") {
		t.Fatalf("a history scrolled should mark nothing in the logs:\n%s", m.View())
	}
}
