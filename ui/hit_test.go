package ui

import (
	"strings"
	"testing"

	"kafkasim/ui/components"
	"kafkasim/ui/simview"
)

// TestLogHitsMatchTheDrawing: every record cell the logs pane notes for
// the mouse holds that record's key letter in the drawn frame.
func TestLogHitsMatchTheDrawing(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 36}, {160, 48}} {
		m := realRun(t, "rebalances", size[0], size[1]) // keys alternate along a log
		s := m.sim
		lines := strings.Split(m.View(), "\n")
		l := s.Lay.Logs
		checked := 0
		for y := l.Y; y < l.Y+l.H; y++ {
			row := []rune(lines[y])
			for x := l.X; x < l.X+l.W && x < len(row); x++ {
				h, ok := s.Logs.Hits.At(x-l.X, y-l.Y)
				if !ok || h.Offset < 0 {
					continue
				}
				p, _ := simview.FindPartition(&s.Snap, h.Part.Topic, h.Part.Partition)
				r, ok := simview.FindRecord(p, h.Offset)
				if !ok {
					continue
				}
				if g := s.Logs.KeyGlyph(r); row[x] != g && (x-l.X-s.Logs.Hits.Strips[h.Part].X0)%simview.LogCellW == 0 {
					t.Fatalf("%dx%d: cell (%d,%d) should draw %s@%d's key %c, draws %c:\n%s",
						size[0], size[1], x, y, h.Part.Topic, h.Offset, g, row[x], lines[y])
				}
				checked++
			}
		}
		if checked == 0 {
			t.Fatalf("%dx%d: no record cell noted", size[0], size[1])
		}
	}
}

// TestClickOnNames: a click on a broker's name in the cluster opens that
// broker's history; on a group's name, that group's history; a click
// beside the names only focuses.
func TestClickOnNames(t *testing.T) {
	for _, c := range []struct {
		size  [2]int
		group string // one the groups pane shows at that size
	}{{[2]int{80, 24}, "eager-range"}, {[2]int{160, 48}, "cooperative"}} {
		size := c.size
		m := realRun(t, "rebalances", size[0], size[1])
		s := m.sim
		x, y := findText(t, m.View(), s.Lay.Cluster, "b2")
		m = click(m, x+1, y)
		if s.Drill.Sheet == nil || s.Drill.Sheet.Kind != simview.SheetBroker || !contains(m.View(), "BROKER b2 ›") {
			t.Fatalf("%v: a click on b2 should open its history:\n%s", size, m.View())
		}
		m = press(t, m, "esc")
		x, y = findText(t, m.View(), s.Lay.Groups, c.group)
		m = click(m, x, y)
		if s.Drill.Sheet == nil || !contains(m.View(), "GROUP "+c.group+" ›") {
			t.Fatalf("%v: a click on %s should open its history:\n%s", size, c.group, m.View())
		}
		m = press(t, m, "esc")
		g := s.Lay.Groups
		click(m, g.X+g.W-1, g.Y)
		if s.Drill.IsOpen() || s.Focus != components.PaneGroups {
			t.Fatalf("%v: a click on no name should focus the groups only", size)
		}
	}
}

// findText is the column and row where text first starts as a whole word
// inside r of a plain frame.
func findText(t *testing.T, frame string, r simview.Rect, text string) (int, int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	for y := r.Y; y < r.Y+r.H && y < len(lines); y++ {
		row := []rune(lines[y])
		seg := string(row[r.X:min(r.X+r.W, len(row))])
		for _, n := range simview.FindNames(seg, text, 0) {
			return r.X + n.From, y
		}
	}
	t.Fatalf("%q not in %+v of:\n%s", text, r, frame)
	return 0, 0
}
