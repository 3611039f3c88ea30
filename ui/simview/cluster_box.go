package simview

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// box is one broker's frame: a title set into the top border and content
// lines already rendered, each at most the box's inner width.
type box struct {
	title  string
	titleW int
	border *lipgloss.Style
	dashed bool // a broker that is down: a broken line, not colour alone
	lines  []string
}

// The borders: Lip Gloss's rounded one for a live broker, a dashed one for
// a broker that is down.
var (
	liveBorder = lipgloss.RoundedBorder()
	downBorder = lipgloss.Border{Top: "╌", Bottom: "╌", Left: "┆", Right: "┆",
		TopLeft: "╭", TopRight: "╮", BottomLeft: "╰", BottomRight: "╯"}
)

func minBoxWidth(m clusterMode) int {
	if m == modeStrips {
		return minStripBox
	}
	return minTokenBox
}

// gridCols is how many boxes of at least minW cells fit side by side in w.
func gridCols(n, w, minW int) int {
	return clampInt((w+1)/(minW+1), 1, max(n, 1))
}

// boxWidth is the width of each box when cols share w, one cell apart.
func boxWidth(w, cols int) int { return max((w-(cols-1))/cols, 4) }

// gridLines lays the boxes out cols to a row and returns the lines, and
// for each box the line its bottom border is on.
func gridLines(st *theme.Styles, boxes []box, cols, w int) ([]string, []int) {
	bw := boxWidth(w, cols)
	var out []string
	bottoms := make([]int, 0, len(boxes))
	for i := 0; i < len(boxes); i += cols {
		row := boxes[i:min(i+cols, len(boxes))]
		h := 0
		for _, b := range row {
			h = max(h, len(b.lines))
		}
		drawn := make([][]string, len(row))
		for j := range row {
			drawn[j] = row[j].draw(bw, h)
		}
		for y := range h + 2 {
			var line strings.Builder
			for j := range drawn {
				if j > 0 {
					line.WriteByte(' ')
				}
				line.WriteString(drawn[j][y])
			}
			out = append(out, line.String())
		}
		for range row {
			bottoms = append(bottoms, len(out)-1)
		}
	}
	return out, bottoms
}

// draw renders the box w cells wide with h content lines.
func (b box) draw(w, h int) []string {
	br := liveBorder
	if b.dashed {
		br = downBorder
	}
	inner := w - 2
	out := make([]string, 0, h+2)
	titleW := min(b.titleW, inner-3)
	title := b.title
	if titleW < b.titleW {
		title = components.Fit(title, titleW)
	}
	top := b.border.Render(br.TopLeft+br.Top) + " " + title + " " +
		b.border.Render(strings.Repeat(br.Top, max(inner-3-titleW, 0))+br.TopRight)
	out = append(out, top)
	side := b.border.Render(br.Left)
	right := b.border.Render(br.Right)
	for i := range h {
		line := ""
		if i < len(b.lines) {
			line = b.lines[i]
		}
		out = append(out, side+components.Fit(line, inner)+right)
	}
	out = append(out, b.border.Render(br.BottomLeft+strings.Repeat(br.Bottom, inner)+br.BottomRight))
	return out
}

// clusterLines is how many lines the cluster pane's body needs in mode m
// at width w: the grid of boxes.
func clusterLines(snap *sim.Snapshot, w int, m clusterMode) int {
	n := len(snap.Brokers) + len(snap.ControllerNodes)
	if n == 0 {
		return 1
	}
	cols := gridCols(n, w, minBoxWidth(m))
	inner := boxWidth(w, cols) - 2
	total := 0
	for i := 0; i < n; i += cols {
		h := 0
		for j := i; j < min(i+cols, n); j++ {
			if j >= len(snap.Brokers) {
				h = max(h, 2)
				continue
			}
			h = max(h, brokerLines(snap, snap.Brokers[j].ID, inner, m))
		}
		total += h + 2
	}
	return total
}

// brokerLines is how many content lines a broker's box needs.
func brokerLines(snap *sim.Snapshot, id, inner int, m clusterMode) int {
	lines, curW := 0, 0
	multi := len(snap.Topics) > 1
	for ti := range snap.Topics {
		t := &snap.Topics[ti]
		first := true
		for pi := range t.Partitions {
			p := &t.Partitions[pi]
			if FindReplica(p, id) == nil && !containsInt(p.Replicas, id) {
				continue
			}
			if m == modeStrips {
				if first && multi {
					lines++
				}
				lines++
				first = false
				continue
			}
			w := len(components.Itoa(p.Partition)) + 2
			if first && multi {
				w += min(len(t.Name), inner-4) + 2
			}
			first = false
			if curW > 0 && curW+w > inner {
				lines++
				curW = 0
			}
			curW += w
		}
	}
	if curW > 0 {
		lines++
	}
	return max(lines, 1)
}
