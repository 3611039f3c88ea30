package simview

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kafkasim/ui/components"
)

// A click on a broker's or a group's name opens its history. The names are
// found in the drawn frame, not in the panes' arithmetic, so this keeps
// working however the cluster and groups panes lay themselves out.

// nameSpan is where a name is drawn on a row of a pane: columns [from, to).
type nameSpan struct {
	From, to int
	index    int // the broker's or group's index in the snapshot
}

// paneRow is the plain text of the frame's row y inside pane rect r.
func (m *Screen) paneRow(r Rect, y int) string {
	lines := m.bodyLines()
	if y < 0 || y >= len(lines) {
		return ""
	}
	return ansi.Strip(ansi.Cut(lines[y], r.X, r.X+r.W))
}

// brokerNames finds "b<id>" names of the snapshot's brokers on a row.
func (m *Screen) brokerNames(row string) []nameSpan {
	var out []nameSpan
	for i, b := range m.Snap.Brokers {
		out = append(out, FindNames(row, "b"+components.Itoa(b.ID), i)...)
	}
	return out
}

// groupNames finds the snapshot's group ids on a row.
func (m *Screen) groupNames(row string) []nameSpan {
	var out []nameSpan
	for i, g := range m.Snap.Groups {
		out = append(out, FindNames(row, components.Sanitize(g.ID), i)...)
	}
	return out
}

// FindNames is every whole-word occurrence of name in row, in columns.
func FindNames(row, name string, index int) []nameSpan {
	var out []nameSpan
	for at := 0; ; {
		i := strings.Index(row[at:], name)
		if i < 0 {
			return out
		}
		i += at
		end := i + len(name)
		if !wordByte(row, i-1) && !wordByte(row, end) {
			from := ansi.StringWidth(row[:i])
			out = append(out, nameSpan{from, from + ansi.StringWidth(name), index})
		}
		at = end
	}
}

// wordByte reports whether row[i] continues a name (a letter, digit, - or _).
func wordByte(row string, i int) bool {
	if i < 0 || i >= len(row) {
		return false
	}
	c := row[i]
	return c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// nameAt is the name under column x of a pane row, if any.
func nameAt(names []nameSpan, x int) (int, bool) {
	for _, n := range names {
		if x >= n.From && x < n.to {
			return n.index, true
		}
	}
	return 0, false
}

// clickName opens the history of the broker (on the cluster) or the group
// (on the groups) whose name is under the click; false when none is.
func (m *Screen) clickName(id components.PaneID, x, y int) bool {
	var r Rect
	var kind sheetKind
	var names func(string) []nameSpan
	switch id {
	case components.PaneCluster:
		r, kind, names = m.Lay.Cluster, SheetBroker, m.brokerNames
	case components.PaneGroups:
		r, kind, names = m.Lay.Groups, sheetGroup, m.groupNames
	default:
		return false
	}
	i, ok := nameAt(names(m.paneRow(r, y)), x-r.X)
	if ok {
		m.openHistory(kind, i)
	}
	return ok
}
