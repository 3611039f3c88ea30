package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/simview"
)

// realRun opens a built-in scenario on the real engine at w×h and runs it
// to its end, paused.
func realRun(t *testing.T, name string, w, h int) Model {
	t.Helper()
	m := fixtureModel(t, Options{}, w, h)
	m.deps = defaultDeps()
	m = runCmd(m, m.loadCmd(name))
	s := m.sim
	if s == nil || s.Fatal != nil {
		t.Fatalf("%s should open", name)
	}
	s.Pause()
	s.Run.RunUntil(s.Spec.DurationMs)
	s.AbsorbNew(false)
	s.Refresh()
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
	dups := s.Run.Fates("inventory", sim.FateDuplicated)
	if len(dups) == 0 {
		t.Fatal("at-least-once should duplicate records for inventory")
	}
	d := dups[0]
	s.Inspect(simview.RecCursor{Topic: d.Topic, Partition: d.Partition, Offset: d.Offsets[0]})
	v := m.View()
	for _, want := range []string{"RECORD INSPECTOR › " + d.Topic + "-" + components.Itoa(d.Partition) + "@" + components.I64(d.Offsets[0]),
		d.Producer + " send #" + components.Itoa(d.SendN), "duplicated · processed 2×", "processed by", "◂"} {
		if !contains(v, want) {
			t.Fatalf("the inspector should show %q:\n%s", want, v)
		}
	}
	m = press(t, m, "right")
	if s.Drill.Cur.Offset != d.Offsets[0]+1 {
		t.Fatalf("→ should move to the next record, at %d", s.Drill.Cur.Offset)
	}
	m = press(t, m, "left", "left")
	if s.Drill.Cur.Offset != d.Offsets[0]-1 {
		t.Fatalf("← twice should move back two records, at %d", s.Drill.Cur.Offset)
	}
	press(t, m, "esc")
	if s.Drill.IsOpen() || s.Logs.Marks != nil {
		t.Fatal("esc should close the inspector and its mark")
	}
}

// TestInspectorKeyAndPartitions: d opens the inspector on the newest
// record of the first partition shown; ↓ moves to the partition below.
func TestInspectorKeyAndPartitions(t *testing.T) {
	m := realRun(t, "at-least-once", 120, 36)
	s := m.sim
	m = press(t, m, "d")
	p := simview.PartitionAt(&s.Snap, 0)
	if !s.Drill.IsOpen() || s.Drill.Cur.Topic != p.Topic || s.Drill.Cur.Partition != p.Partition ||
		s.Drill.Cur.Offset != p.Records[len(p.Records)-1].Offset {
		t.Fatalf("d should inspect the newest record of %s-%d, got %+v", p.Topic, p.Partition, s.Drill.Cur)
	}
	press(t, m, "down")
	if q := simview.PartitionAt(&s.Snap, 1); s.Drill.Cur.Partition != q.Partition {
		t.Fatalf("↓ should move to %s-%d, got %+v", q.Topic, q.Partition, s.Drill.Cur)
	}
}

// TestPartitionHistoryAfterFailover: unclean-election crashes the leader
// and the follower out of the ISR takes over; the partition's history
// shows each epoch with its leader and ISR, and the unclean election.
func TestPartitionHistoryAfterFailover(t *testing.T) {
	m := realRun(t, "unclean-election", 120, 36)
	s := m.sim
	if s.Focus != components.PaneLogs {
		t.Fatalf("the logs should have the focus, not %v", s.Focus)
	}
	m = press(t, m, "enter")
	v := m.View()
	if !s.Drill.IsOpen() || !contains(v, "› leader, ISR and epoch over time") || !contains(v, "e1") {
		t.Fatalf("enter on the logs should open the partition's history:\n%s", v)
	}
	elections := 0
	p := simview.PartitionAt(&s.Snap, 0)
	for _, e := range s.Events {
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
	for s.Focus != components.PaneGroups {
		m = press(t, m, "tab")
	}
	m = press(t, m, "enter", "pgup", "pgup", "pgup")
	v := m.View()
	if !contains(v, "GROUP inventory") || !contains(v, "generation 1") || !contains(v, "→ orders-") {
		t.Fatalf("the group's history should show its generations and assignments:\n%s", v)
	}
	m = press(t, m, "esc")
	for s.Focus != components.PaneCluster {
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
	g := s.Lay.Groups
	m = click(m, g.X+2, g.Y+1)
	if s.Focus != components.PaneGroups {
		t.Fatalf("a click in the groups should focus them, not %v", s.Focus)
	}
	l := s.Lay.Logs
	hx, hy, want := -1, -1, simview.LogHit{}
	for y := l.Y; y < l.Y+l.H && hx < 0; y++ {
		for x := l.X; x < l.X+l.W; x++ {
			if h, ok := s.Logs.Hits.At(x-l.X, y-l.Y); ok && h.Offset >= 0 {
				if p, _ := simview.FindPartition(&s.Snap, h.Part.Topic, h.Part.Partition); p != nil && h.Offset < p.LogEnd {
					hx, hy, want = x+3*simview.LogCellW, y, h
					want.Offset += 3
					break
				}
			}
		}
	}
	if hx < 0 {
		t.Fatalf("no record cell in the logs:\n%s", m.View())
	}
	m = click(m, hx, hy)
	c := s.Drill.Cur
	if s.Focus != components.PaneLogs || !s.Drill.IsOpen() || c.Topic != want.Part.Topic || c.Offset != want.Offset {
		t.Fatalf("a click on %v should inspect it, got %+v (focus %v)", want, c, s.Focus)
	}
	tl := s.Lay.Timeline
	finishJob(t, s, s.Update(tea.MouseMsg{X: tl.X + 1, Y: tl.Y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}))
	if s.Run.Now() > 1000 || s.Drill.IsOpen() {
		t.Fatalf("a click at the timeline's start should go back to it, at %s", components.FmtMs(s.Run.Now()))
	}
	mid := tl.X + 1 + (tl.W-20)/2
	finishJob(t, s, s.Update(tea.MouseMsg{X: mid, Y: tl.Y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}))
	if now := s.Run.Now(); now < s.Spec.DurationMs/4 || now > s.Spec.DurationMs*3/4 {
		t.Fatalf("a click mid-timeline should run to about the middle, at %s of %s", components.FmtMs(now), components.FmtMs(s.Spec.DurationMs))
	}
}

// TestLedgerListToInspector: enter on the ledger's list inspects the
// selected record; esc goes back to the list, and esc again closes it.
func TestLedgerListToInspector(t *testing.T) {
	m := openDrillOn(t, 120, 36)
	s := m.sim
	f, _ := s.Drill.Selected()
	m = press(t, m, "enter")
	if s.Drill.Sheet == nil || s.Drill.Cur.Offset != f.Offsets[0] || s.Drill.Cur.Partition != f.Partition {
		t.Fatalf("enter should inspect %s-%d@%v, got %+v", f.Topic, f.Partition, f.Offsets, s.Drill.Cur)
	}
	if v := m.View(); !contains(v, "RECORD INSPECTOR › "+f.Topic+"-"+components.Itoa(f.Partition)+"@"+components.I64(f.Offsets[0])) {
		t.Fatalf("the inspector should show the record:\n%s", v)
	}
	m = press(t, m, "esc")
	if !s.Drill.ListOpen || s.Drill.Sheet != nil || !contains(m.View(), "DELIVERY LEDGER › billing") {
		t.Fatalf("esc should go back to the list:\n%s", m.View())
	}
	press(t, m, "esc")
	if s.Drill.IsOpen() {
		t.Fatal("esc on the list should close it")
	}
}

// TestSheetScrollKeepsMarks: scrolling a sheet leaves the logs' marks
// alone: the inspector's cursor stays, a history adds none.
func TestSheetScrollKeepsMarks(t *testing.T) {
	m := realRun(t, "at-least-once", 120, 36)
	s := m.sim
	m = press(t, m, "d", "pgdown", "pgup")
	if s.Logs.Marks == nil || len(s.Logs.Marks.Selected) == 0 {
		t.Fatal("scrolling the inspector should keep its cursor in the logs")
	}
	m = press(t, m, "esc", "enter", "pgup")
	if s.Logs.Marks != nil || contains(m.View(), "(listed)") {
		t.Fatalf("a history scrolled should mark nothing in the logs:\n%s", m.View())
	}
}
