package ui

import (
	"kafkasim/ui/components"
	"strings"
	"testing"
)

// TestLogHitsMatchTheDrawing: every record cell the logs pane notes for
// the mouse holds that record's key letter in the drawn frame.
func TestLogHitsMatchTheDrawing(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 36}, {160, 48}} {
		m := realRun(t, "rebalances", size[0], size[1]) // keys alternate along a log
		s := m.sim
		lines := strings.Split(m.View(), "\n")
		l := s.lay.logs
		checked := 0
		for y := l.y; y < l.y+l.h; y++ {
			row := []rune(lines[y])
			for x := l.x; x < l.x+l.w && x < len(row); x++ {
				h, ok := s.logs.hits.at(x-l.x, y-l.y)
				if !ok || h.offset < 0 {
					continue
				}
				p, _ := findPartition(&s.snap, h.part.topic, h.part.partition)
				r, ok := findRecord(p, h.offset)
				if !ok {
					continue
				}
				if g := s.logs.keyGlyph(r); row[x] != g && (x-l.x-s.logs.hits.strips[h.part].x0)%logCellW == 0 {
					t.Fatalf("%dx%d: cell (%d,%d) should draw %s@%d's key %c, draws %c:\n%s",
						size[0], size[1], x, y, h.part.topic, h.offset, g, row[x], lines[y])
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
		x, y := findText(t, m.View(), s.lay.cluster, "b2")
		m = click(m, x+1, y)
		if s.drill.sheet == nil || s.drill.sheet.kind != sheetBroker || !contains(m.View(), "BROKER b2 ›") {
			t.Fatalf("%v: a click on b2 should open its history:\n%s", size, m.View())
		}
		m = press(t, m, "esc")
		x, y = findText(t, m.View(), s.lay.groups, c.group)
		m = click(m, x, y)
		if s.drill.sheet == nil || !contains(m.View(), "GROUP "+c.group+" ›") {
			t.Fatalf("%v: a click on %s should open its history:\n%s", size, c.group, m.View())
		}
		m = press(t, m, "esc")
		g := s.lay.groups
		click(m, g.x+g.w-1, g.y)
		if s.drill.IsOpen() || s.focus != components.PaneGroups {
			t.Fatalf("%v: a click on no name should focus the groups only", size)
		}
	}
}

// findText is the column and row where text first starts as a whole word
// inside r of a plain frame.
func findText(t *testing.T, frame string, r rect, text string) (int, int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	for y := r.y; y < r.y+r.h && y < len(lines); y++ {
		row := []rune(lines[y])
		seg := string(row[r.x:min(r.x+r.w, len(row))])
		for _, n := range findNames(seg, text, 0) {
			return r.x + n.from, y
		}
	}
	t.Fatalf("%q not in %+v of:\n%s", text, r, frame)
	return 0, 0
}
