package ui

import "github.com/charmbracelet/lipgloss"

// cellStyle picks one of the styles a log cell can be drawn in.
type cellStyle uint16

// Cell styles beyond the key palette (which takes ids 0..len(Keys)-1, and
// the same plus cellFaintBase for records above the high watermark, plus
// cellHotBase for records that just arrived).
const (
	cellFaintBase cellStyle = 32
	cellHotBase   cellStyle = 64
	cellPlain     cellStyle = 100 + iota
	cellFaint
	cellBold
	cellLeader
	cellInSync
	cellOutOfSync
	cellCommitted
	cellPosition
	cellStruck
	cellError
	cellHot
	cellDup
	// A record the ledger's drill-down lists, by fate, and the selected one.
	cellMarkOnce
	cellMarkDup
	cellMarkLost
	cellMarkPending
	cellMarkSelected
	cellMarkSkipped
)

// cellKey is one rendered two-rune cell.
type cellKey struct {
	style  cellStyle
	r1, r2 rune
}

// cellCache keeps rendered cells: a frame draws thousands of them and
// rendering each through lipgloss would take most of the frame budget.
type cellCache struct {
	st    *Styles
	cells map[cellKey]string
}

func newCellCache(st *Styles) *cellCache {
	return &cellCache{st: st, cells: make(map[cellKey]string, 256)}
}

// get returns the cell rendered in its style.
func (c *cellCache) get(style cellStyle, r1, r2 rune) string {
	k := cellKey{style, r1, r2}
	if s, ok := c.cells[k]; ok {
		return s
	}
	text := string(r1)
	if r2 != 0 {
		text += string(r2)
	}
	s := c.style(style).Render(text)
	c.cells[k] = s
	return s
}

func (c *cellCache) style(id cellStyle) lipgloss.Style {
	st := c.st
	n := cellStyle(len(st.Keys))
	switch {
	case id < n:
		return st.Keys[id]
	case id >= cellFaintBase && id < cellFaintBase+n:
		return st.Keys[id-cellFaintBase].Faint(true)
	case id >= cellHotBase && id < cellHotBase+n:
		return st.Keys[id-cellHotBase].Bold(true).Reverse(true)
	}
	switch id {
	case cellFaint:
		return st.Faint
	case cellBold:
		return st.Bold
	case cellLeader:
		return st.Leader
	case cellInSync:
		return st.InSync
	case cellOutOfSync:
		return st.OutOfSync
	case cellCommitted:
		return st.Committed
	case cellPosition:
		return st.Position
	case cellStruck:
		return st.Struck
	case cellError:
		return st.Error
	case cellHot:
		return st.Hot
	case cellDup:
		return st.Duplicated.Bold(true)
	case cellMarkOnce:
		return st.Once.Bold(true).Reverse(true)
	case cellMarkDup:
		return st.Duplicated.Bold(true).Reverse(true)
	case cellMarkLost:
		return st.Lost.Bold(true).Reverse(true)
	case cellMarkPending:
		return st.Pending.Bold(true).Reverse(true)
	case cellMarkSkipped:
		return st.Skipped.Bold(true).Reverse(true)
	case cellMarkSelected:
		return st.Selected.Underline(true)
	}
	return st.renderer.NewStyle()
}
