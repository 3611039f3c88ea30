package components

import (
	"github.com/charmbracelet/lipgloss"

	"kafkasim/ui/theme"
)

// CellStyle picks one of the styles a log cell can be drawn in.
type CellStyle uint16

// Cell styles beyond the key palette (which takes ids 0..len(Keys)-1, and
// the same plus cellFaintBase for records above the high watermark, plus
// cellHotBase for records that just arrived).
const (
	CellFaintBase CellStyle = 32
	CellHotBase   CellStyle = 64
	CellPlain     CellStyle = 100 + iota
	CellFaint
	CellBold
	CellLeader
	CellInSync
	CellOutOfSync
	cellCommitted
	cellPosition
	CellStruck
	cellError
	CellHot
	CellDup
	// A record the ledger's drill-down lists, by fate, and the selected one.
	CellMarkOnce
	CellMarkDup
	CellMarkLost
	CellMarkPending
	CellMarkSelected
	CellMarkSkipped
)

// cellKey is one rendered two-rune cell.
type cellKey struct {
	style  CellStyle
	r1, r2 rune
}

// CellCache keeps rendered cells: a frame draws thousands of them and
// rendering each through lipgloss would take most of the frame budget.
type CellCache struct {
	st    *theme.Styles
	cells map[cellKey]string
}

func NewCellCache(st *theme.Styles) *CellCache {
	return &CellCache{st: st, cells: make(map[cellKey]string, 256)}
}

// Get returns the cell rendered in its style.
func (c *CellCache) Get(style CellStyle, r1, r2 rune) string {
	k := cellKey{style, r1, r2}
	if s, ok := c.cells[k]; ok {
		return s
	}
	text := string(r1)
	if r2 != 0 {
		text += string(r2)
	}
	s := c.Style(style).Render(text)
	c.cells[k] = s
	return s
}

func (c *CellCache) Style(id CellStyle) lipgloss.Style {
	st := c.st
	n := CellStyle(len(st.Keys))
	switch {
	case id < n:
		return st.Keys[id]
	case id >= CellFaintBase && id < CellFaintBase+n:
		return st.Keys[id-CellFaintBase].Faint(true)
	case id >= CellHotBase && id < CellHotBase+n:
		return st.Keys[id-CellHotBase].Bold(true).Reverse(true)
	}
	switch id {
	case CellFaint:
		return st.Faint
	case CellBold:
		return st.Bold
	case CellLeader:
		return st.Leader
	case CellInSync:
		return st.InSync
	case CellOutOfSync:
		return st.OutOfSync
	case cellCommitted:
		return st.Committed
	case cellPosition:
		return st.Position
	case CellStruck:
		return st.Struck
	case cellError:
		return st.Error
	case CellHot:
		return st.Hot
	case CellDup:
		return st.Duplicated.Bold(true)
	case CellMarkOnce:
		return st.Once.Bold(true).Reverse(true)
	case CellMarkDup:
		return st.Duplicated.Bold(true).Reverse(true)
	case CellMarkLost:
		return st.Lost.Bold(true).Reverse(true)
	case CellMarkPending:
		return st.Pending.Bold(true).Reverse(true)
	case CellMarkSkipped:
		return st.Skipped.Bold(true).Reverse(true)
	case CellMarkSelected:
		return st.Selected.Underline(true)
	}
	return st.Renderer().NewStyle()
}
