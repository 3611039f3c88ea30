package simview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/ui/components"
)

// layoutSizes are the terminal sizes the layout must use well.
var layoutSizes = [][2]int{{80, 24}, {100, 30}, {120, 36}, {160, 48}}

// layoutSteps is how many evenly spaced moments of each scenario are drawn.
const layoutSteps = 20

// TestLayoutProperty draws every built-in scenario at 20 evenly spaced
// moments at each size, and checks that the frame fills the terminal
// exactly, no pane is cut while three rows stay blank, the focused group's
// C and ^ are on screen (in the window or at its edge), and every member
// of every group is drawn.
func TestLayoutProperty(t *testing.T) {
	src := library{}
	for _, e := range src.BuiltIn() {
		t.Run(e.Name, func(t *testing.T) {
			t.Parallel()
			spec, err := src.Load(e.Name)
			if err != nil {
				t.Fatal(err)
			}
			m := realScreen(t, spec, 80, 24, 0)
			for i := range layoutSteps {
				at := spec.DurationMs * int64(i) / (layoutSteps - 1)
				m.AdvanceTo(at)
				m.AbsorbNew(false)
				for _, sz := range layoutSizes {
					m.SetSize(sz[0], sz[1])
					m.Refresh()
					checkFrame(t, m, e.Name, at)
				}
			}
		})
	}
}

// checkFrame checks one drawn frame of m.
func checkFrame(t *testing.T, m *Screen, name string, at int64) {
	t.Helper()
	w, h := m.W, m.H
	where := func() string {
		return name + " seed " + components.U64(m.Spec.Seed) + " at " + components.FmtMs(at) + " " + components.Itoa(w) + "×" + components.Itoa(h)
	}
	frame := m.View()
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		t.Fatalf("%s: %d lines, want %d", where(), len(lines), h)
	}
	blank := 0
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%s: line %d is %d wide:\n%s", where(), i, lw, frame)
		}
		if strings.TrimSpace(l) == "" {
			blank++
		}
	}
	if blank >= 3 {
		for _, id := range []components.PaneID{components.PaneCluster, components.PaneLogs, components.PaneGroups, components.PaneProducers, components.PaneLedger, components.PaneNarration} {
			p := m.PaneByID(id)
			if p.Total > p.BodyHeight() {
				t.Fatalf("%s: %s is cut (%d of %d lines) while %d rows are blank:\n%s",
					where(), id, p.BodyHeight(), p.Total, blank, frame)
			}
		}
	}
	checkGroupMarks(t, m, where, frame)
	for gi := range m.Snap.Groups {
		g := &m.Snap.Groups[gi]
		for _, mem := range g.Members {
			if !m.Groups.Shown[MemberKey(g.ID, mem.Name)] {
				t.Fatalf("%s: member %s of %s is not drawn:\n%s", where(), mem.Name, g.ID, frame)
			}
		}
	}
}

// checkGroupMarks: on every ruler drawn, the focused group's committed
// offset and position show, in the window or at an edge.
func checkGroupMarks(t *testing.T, m *Screen, where func() string, frame string) {
	t.Helper()
	for _, r := range m.Logs.Rulers {
		p, _ := FindPartition(&m.Snap, r.Topic, r.Partition)
		o, ok := m.Logs.GroupOffset(&m.Snap, p)
		if !ok {
			continue
		}
		if o.Committed >= 0 && !strings.Contains(r.Text, "C") {
			t.Fatalf("%s: %s-%d: C%d is not on its ruler %q:\n%s", where(), r.Topic, r.Partition, o.Committed, r.Text, frame)
		}
		if o.Position >= 0 && !strings.Contains(r.Text, "^") {
			t.Fatalf("%s: %s-%d: ^%d is not on its ruler %q:\n%s", where(), r.Topic, r.Partition, o.Position, r.Text, frame)
		}
	}
}
