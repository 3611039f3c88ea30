package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
)

// openDrillOn plays the fixture at w×h, steps twice, focuses the ledger
// and presses enter on its default choice.
func openDrillOn(t *testing.T, w, h int) Model {
	t.Helper()
	m := playScenario(t, w, h)
	m = press(t, m, "right", "right")
	for m.sim.Focus != components.PaneLedger {
		m = press(t, m, "tab")
	}
	return press(t, m, "enter")
}

// logLine is the first line of the view that starts with prefix.
func logLine(t *testing.T, view, prefix string) string {
	t.Helper()
	for _, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	t.Fatalf("no line starts with %q in:\n%s", prefix, view)
	return ""
}

func TestLedgerCursor(t *testing.T) {
	m := playScenario(t, 120, 36)
	m = press(t, m, "right", "right", "tab", "tab", "tab")
	s := m.sim
	if s.Focus != components.PaneLedger || !s.KeyMap.Drill.Enabled() {
		t.Fatalf("three tabs from the logs should focus the ledger and enable enter: focus %v", s.Focus)
	}
	if g, f, _ := s.Ledger.Chosen(&s.Snap); g != "billing" || components.FateOrder[f] != sim.FateDuplicated {
		t.Fatalf("the cursor should start on the duplicated records, got %s %v", g, components.FateOrder[f])
	}
	if v := m.View(); !contains(v, "once 27▸dup 2 lost 1") || !contains(v, "enter list records") {
		t.Fatalf("the ledger should show the cursor and the footer the key:\n%s", v)
	}
	m = press(t, m, "down", "down", "down", "down")
	if _, f, _ := s.Ledger.Chosen(&s.Snap); components.FateOrder[f] != sim.FatePending {
		t.Fatalf("↓ should stop on the last fate, got %v", components.FateOrder[f])
	}
	m = press(t, m, "up", "up", "up", "up", "up")
	if _, f, _ := s.Ledger.Chosen(&s.Snap); components.FateOrder[f] != sim.FateExactlyOnce {
		t.Fatalf("↑ should stop on the first fate, got %v", components.FateOrder[f])
	}
	press(t, m, "tab")
	if s.KeyMap.Drill.Enabled() || contains(m.View(), "▸once") {
		t.Fatal("away from the ledger, enter lists nothing and the cursor hides")
	}
}

func TestDrillOpenScrollClose(t *testing.T) {
	m := playScenario(t, 120, 36)
	m = press(t, m, "right", "right", "tab", "tab", "tab", "space")
	s := m.sim
	m = press(t, m, "enter")
	if !s.Drill.IsOpen() || s.Playing || !s.ModalOpen() {
		t.Fatalf("enter should open the list and pause (open %v playing %v)", s.Drill.IsOpen(), s.Playing)
	}
	v := m.View()
	for _, want := range []string{"DELIVERY LEDGER › billing › ▒ 2 duplicated [1/2]", "▸ ▒ p1#28 · key bob · orders-0@9 · processed 2× ◂",
		"– processed by c1 in generation 2 at 1.200s, then c1 crashed", "– processed by c2 in generation 3", "esc close"} {
		if !contains(v, want) {
			t.Fatalf("the list should show %q:\n%s", want, v)
		}
	}
	// The selected record (orders-0@9, key bob = c) is marked ◂, the other
	// listed one (orders-1@12, key alice = b) ▒; nothing else is.
	if l := logLine(t, v, "orders-0"); !contains(l, "c◂") || strings.Count(l, "▒")+strings.Count(l, "◂") != 1 {
		t.Fatalf("orders-0 should mark only offset 9 as selected: %q", l)
	}
	if l := logLine(t, v, "orders-1"); !contains(l, "b▒") || strings.Count(l, "▒") != 1 {
		t.Fatalf("orders-1 should mark offset 12 as listed: %q", l)
	}
	if !contains(v, "▒=duplicated (listed) ◂=selected") {
		t.Fatalf("the logs legend should explain the marks:\n%s", v)
	}

	m = press(t, m, "down")
	v = m.View()
	if s.Drill.Cursor != 1 || !contains(logLine(t, v, "orders-1"), "b◂") || !contains(logLine(t, v, "orders-0"), "c▒") {
		t.Fatalf("↓ should select the second record and move the ◂:\n%s", v)
	}
	m = press(t, m, "down", "pgdown", "pgup")
	if s.Drill.Cursor != 0 {
		t.Fatalf("pgup should go back to the first record, at %d", s.Drill.Cursor)
	}
	m = press(t, m, "right")
	v = m.View()
	if !contains(v, "✕ 1 lost") || !contains(v, "c1 committed offset 20 on orders-2") ||
		!contains(logLine(t, v, "orders-2"), "c◂") {
		t.Fatalf("→ should list the lost record and mark it:\n%s", v)
	}
	m = press(t, m, "left", "left")
	if s.Drill.Fate() != sim.FateExactlyOnce || len(s.Drill.Fates) != 27 {
		t.Fatalf("← twice should list the 27 exactly-once records, got %v ×%d", s.Drill.Fate(), len(s.Drill.Fates))
	}
	if v := m.View(); contains(v, "– processed once") || !contains(v, "· processed once") {
		t.Fatalf("a reason that only repeats the count should not be listed again:\n%s", v)
	}
	for range 30 {
		m = press(t, m, "down")
	}
	if s.Drill.Cursor != 26 || !contains(m.View(), "[27/27]") || s.Drill.Offset == 0 {
		t.Fatalf("↓ should scroll to the last record: cursor %d offset %d\n%s", s.Drill.Cursor, s.Drill.Offset, m.View())
	}
	m = press(t, m, "esc")
	v = m.View()
	if s.Drill.IsOpen() || s.Logs.Marks != nil || m.current != nav.ScreenSim || contains(v, "◂") {
		t.Fatalf("esc should close the list and the marks, and stay on the simulator:\n%s", v)
	}
	if g, f, _ := s.Ledger.Chosen(&s.Snap); g != "billing" || components.FateOrder[f] != sim.FateExactlyOnce {
		t.Fatal("the ledger's cursor should follow the fate the list showed last")
	}
}

func TestDrillEmptyAndWide(t *testing.T) {
	m := openDrillOn(t, 160, 48)
	m = press(t, m, "right", "right", "right") // lost, skipped, pending
	m = press(t, m, "right")                   // once
	v := m.View()
	if !m.sim.Drill.IsOpen() || !contains(v, "✓ 27 exactly once") || !contains(v, "Partition logs") {
		t.Fatalf("the wide layout should keep the logs beside the list:\n%s", v)
	}
	d := &m.sim.Drill
	d.Open("nobody", 1, nil)
	if v := strings.Join(d.Render(m.st), "\n"); !contains(v, "no duplicated records for nobody now") {
		t.Fatalf("an empty list should say so:\n%s", v)
	}
	d.Move(3) // nothing to move over
}

func TestDrillHelpAndMouse(t *testing.T) {
	m := openDrillOn(t, 120, 36)
	m = press(t, m, "?")
	if v := m.View(); !contains(v, "previous fate") || !contains(v, "next record") {
		t.Fatalf("help should list the list's keys:\n%s", v)
	}
	m = press(t, m, "?")
	m.Update(tea.MouseMsg{X: 10, Y: 30, Button: tea.MouseButtonWheelDown})
	if m.sim.Drill.Cursor != 1 {
		t.Fatalf("the wheel should move the selection, at %d", m.sim.Drill.Cursor)
	}
}

func TestDrillGolden120x36(t *testing.T) {
	m := openDrillOn(t, 120, 36)
	golden.RequireEqual(t, []byte(m.View()))
}

func TestLogMarksMatchTheRecord(t *testing.T) {
	fates := []sim.RecordFate{
		{RecordID: 5, Topic: "t", Partition: 0, Offsets: []int64{40, 41}},
		{RecordID: 9, Topic: "t", Partition: 0, Offsets: []int64{90}},
		{RecordID: 7, Topic: "t", Partition: 1}, // never written
	}
	m := simview.NewLogMarks(sim.FateDuplicated, fates, 1)
	p := &sim.PartitionView{Topic: "t", Partition: 0}
	tests := []struct {
		name string
		rec  sim.RecordView
		want components.CellStyle
		mark rune
		ok   bool
	}{
		{"listed", sim.RecordView{Offset: 40, RecordID: 5}, components.CellMarkDup, '▒', true},
		{"its second copy", sim.RecordView{Offset: 41, RecordID: 5}, components.CellMarkDup, '▒', true},
		{"selected", sim.RecordView{Offset: 90, RecordID: 9}, components.CellMarkSelected, simview.GlyphSelected, true},
		{"another record at a listed offset", sim.RecordView{Offset: 40, RecordID: 6}, 0, 0, false},
		{"not listed", sim.RecordView{Offset: 50, RecordID: 50}, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			style, mark, ok := m.Cell(p, &tt.rec)
			if style != tt.want || mark != tt.mark || ok != tt.ok {
				t.Fatalf("got %v %q %v", style, mark, ok)
			}
		})
	}
	var none *simview.LogMarks
	if _, _, ok := none.Cell(p, &tests[0].rec); ok {
		t.Fatal("no marks mark nothing")
	}
}

func TestLogMarksWindow(t *testing.T) {
	p := &sim.PartitionView{Topic: "t", Partition: 0}
	fates := []sim.RecordFate{
		{RecordID: 1, Topic: "t", Offsets: []int64{20}},
		{RecordID: 2, Topic: "t", Offsets: []int64{30}},
		{RecordID: 3, Topic: "t", Offsets: []int64{95}},
	}
	const slots = 40 // the tail is [61, 101)
	tests := []struct {
		name      string
		sel       int
		wantStart int64
	}{
		{"before the first listed", 0, 10},
		{"the same strip while the selection stays in it", 1, 10},
		{"a selection on the tail shows the tail", 2, 61},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end := simview.NewLogMarks(sim.FateLost, fates, tt.sel).Window(p, 61, 101, slots)
			if start != tt.wantStart || end != start+slots {
				t.Fatalf("window [%d, %d), want start %d", start, end, tt.wantStart)
			}
		})
	}
	if s, e := simview.NewLogMarks(sim.FateLost, fates[2:], 0).Window(p, 61, 101, slots); s != 61 || e != 101 {
		t.Fatalf("records on the tail keep the tail, got [%d, %d)", s, e)
	}
	other := &sim.PartitionView{Topic: "t", Partition: 1}
	if s, e := simview.NewLogMarks(sim.FateLost, fates, 0).Window(other, 61, 101, slots); s != 61 || e != 101 {
		t.Fatalf("a partition with nothing listed keeps its tail, got [%d, %d)", s, e)
	}
}

func TestDrillTail(t *testing.T) {
	snap := &sim.Snapshot{Topics: []sim.TopicView{{Name: "t", Partitions: []sim.PartitionView{
		{Topic: "t", Partition: 0, LogEnd: 1000}, {Topic: "t", Partition: 1, LogEnd: 100_000}}}}}
	tests := []struct {
		name  string
		fates []sim.RecordFate
		want  int
	}{
		{"none", nil, sim.DefaultSnapshotTail},
		{"far back", []sim.RecordFate{{Topic: "t", Partition: 0, Offsets: []int64{100}}}, 900 + sim.DefaultSnapshotTail},
		{"never written", []sim.RecordFate{{Topic: "t", Partition: 0}}, sim.DefaultSnapshotTail},
		{"capped", []sim.RecordFate{{Topic: "t", Partition: 1, Offsets: []int64{0}}}, simview.MaxDrillTail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := simview.DrillTail(snap, tt.fates); got != tt.want {
				t.Fatalf("got %d, want %d", got, tt.want)
			}
		})
	}
}

// TestDrillRealEngine plays at-least-once to its end on the engine, lists
// the duplicated records and checks each listed cell is marked.
func TestDrillRealEngine(t *testing.T) {
	m := fixtureModel(t, Options{}, 120, 36)
	m.deps = defaultDeps()
	m = runCmd(m, m.loadCmd("at-least-once"))
	s := m.sim
	if s == nil || s.Fatal != nil {
		t.Fatal("at-least-once should open")
	}
	s.Run.RunUntil(s.Spec.DurationMs)
	s.AbsorbNew(false)
	s.Refresh()
	for s.Focus != components.PaneLedger {
		m = press(t, m, "tab")
	}
	m = press(t, m, "enter")
	if s.Drill.Fate() != sim.FateDuplicated || len(s.Drill.Fates) == 0 {
		t.Fatalf("at-least-once should list duplicated records, got %v ×%d", s.Drill.Fate(), len(s.Drill.Fates))
	}
	v := m.View()
	want, marked := 0, 0
	for _, f := range s.Drill.Fates {
		want += len(f.Offsets)
	}
	for _, l := range strings.Split(v, "\n") {
		if strings.HasPrefix(l, "orders-") {
			marked += strings.Count(l, "▒") + strings.Count(l, "◂")
		}
	}
	if !contains(v, "crashed") || marked != want {
		t.Fatalf("every listed copy should be marked in the logs (%d marks for %d):\n%s", marked, want, v)
	}
}

// TestLessonDrill: in a lesson, enter on the ledger lists records instead
// of going on; esc closes the list and stays in the lesson.
func TestLessonDrill(t *testing.T) {
	m := openOn(t, nav.ScreenLesson, "10", "", 120, 36)
	m = drive(t, m, "enter", "enter") // the tour, then its first stop
	s := m.lesson
	stop := s.Stop
	if stop < 0 {
		t.Fatal("want a stop")
	}
	for s.Sim.Focus != components.PaneLedger {
		m = drive(t, m, "tab")
	}
	if v := m.View(); !contains(v, "enter list records") {
		t.Fatalf("the lesson's footer should offer the list on the ledger:\n%s", v)
	}
	m = drive(t, m, "enter")
	if !s.Sim.Drill.IsOpen() || s.Stop != stop {
		t.Fatalf("enter on the ledger should open the list, not leave stop %d (at %d)", stop, s.Stop)
	}
	if v := m.View(); !contains(v, "DELIVERY LEDGER ›") || !contains(v, "esc close") {
		t.Fatalf("the list and its keys should show:\n%s", v)
	}
	m = drive(t, m, "esc")
	if s.Sim.Drill.IsOpen() || m.current != nav.ScreenLesson {
		t.Fatal("esc should close the list and stay in the lesson")
	}
	m = drive(t, m, "tab", "enter")
	if s.Stop == stop {
		t.Fatal("away from the ledger, enter should go on as before")
	}
}

// Skipped records have their own mark, », in the list and in the logs, and
// the ledger's counts name them apart from lost ones.
func TestDrillSkipped(t *testing.T) {
	m := openDrillOn(t, 120, 36)
	m = press(t, m, "right", "right") // lost, skipped
	v := m.View()
	if m.sim.Drill.Fate() != sim.FateSkipped || !contains(v, "» 2 skipped") ||
		!contains(v, "auto.offset.reset=latest started it") {
		t.Fatalf("→ twice from the duplicates should list the skipped records:\n%s", v)
	}
	if l := logLine(t, v, "orders-1"); !contains(l, "◂") || strings.Count(l, "»") != 1 {
		t.Fatalf("orders-1 should mark the selected skipped record ◂ and the other »: %q", l)
	}
	if !contains(v, "»=skipped (listed)") {
		t.Fatalf("the logs legend should explain the » mark:\n%s", v)
	}
	m = press(t, m, "esc")
	if _, f, _ := m.sim.Ledger.Chosen(&m.sim.Snap); components.FateOrder[f] != sim.FateSkipped || !contains(m.View(), "lost 1▸skipped 2") {
		t.Fatalf("after esc the ledger's cursor should rest on skipped:\n%s", m.View())
	}
}
