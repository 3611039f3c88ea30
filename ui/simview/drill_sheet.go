package simview

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// sheetKind is what a drill-down sheet shows.
type sheetKind int

const (
	sheetRecord sheetKind = iota
	sheetPartition
	SheetBroker
	sheetGroup
)

func (k sheetKind) String() string {
	switch k {
	case sheetRecord:
		return "record"
	case sheetPartition:
		return "partition"
	case SheetBroker:
		return "broker"
	}
	return "group"
}

// sheetLine is one entry of a sheet: a head line, styled and cut to the
// width, and plain text wrapped under it, faint.
type sheetLine struct {
	head string
	body string
}

// drillSheet is a drill-down page other than the ledger's fate list: the
// record inspector and the history of a partition, a broker or a group.
// Its lines are built once, when it opens, from the snapshot and the
// events; only their wrapping follows the width.
type drillSheet struct {
	Kind   sheetKind
	title  string // styled
	items  []sheetLine
	offset int // first wrapped line shown; a history opens at its end, now
	lines  []string
	wrapW  int
}

// layout wraps the items for width w, once per width.
func (s *drillSheet) layout(st *theme.Styles, w int) {
	if w == s.wrapW {
		return
	}
	s.wrapW = w
	s.lines = s.lines[:0]
	for _, it := range s.items {
		s.lines = append(s.lines, components.Fit(it.head, w))
		if it.body == "" {
			continue
		}
		for _, l := range components.Wrap(components.Sanitize(it.body), max(w-6, 10)) {
			s.lines = append(s.lines, "      "+st.Faint.Render(l))
		}
	}
}

// Scroll moves the sheet by n lines within body height h.
func (s *drillSheet) Scroll(n, h int) {
	s.offset = min(max(s.offset+n, 0), max(len(s.lines)-h, 0))
}

// Render draws the sheet as w × h lines: title, then the visible lines.
func (s *drillSheet) Render(st *theme.Styles, w, h int) []string {
	s.layout(st, w)
	bodyH := max(h-1, 1)
	s.Scroll(0, bodyH)
	title := s.title
	if len(s.lines) > bodyH {
		title += st.Faint.Render(" [" + components.Itoa(s.offset+1) + "-" + components.Itoa(min(s.offset+bodyH, len(s.lines))) +
			"/" + components.Itoa(len(s.lines)) + "]")
	}
	out := []string{title}
	for i := s.offset; i < len(s.lines) && len(out) < h; i++ {
		out = append(out, s.lines[i])
	}
	return components.Block(out, w, h)
}

// sheetKeys drive a drill-down sheet; which are enabled depends on the kind.
type sheetKeys struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Prev     key.Binding
	Next     key.Binding
	// History opens the partition history of the inspected record.
	History key.Binding
	Close   key.Binding
}

func newSheetKeys(kind sheetKind) sheetKeys {
	k := sheetKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Prev:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous "+kind.String())),
		Next:     key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next "+kind.String())),
		History:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "partition history"), key.WithDisabled()),
		Close:    key.NewBinding(key.WithKeys("esc", "enter"), key.WithHelp("esc", "close")),
	}
	if kind == sheetRecord {
		// ↑/↓ move the cursor between partitions, as in the logs pane.
		k.Up.SetHelp("↑/k", "partition above")
		k.Down.SetHelp("↓/j", "partition below")
		k.History.SetEnabled(true)
	}
	return k
}

// ShortHelp is the footer while a sheet is open: short enough that esc
// shows at 80 columns.
func (k sheetKeys) ShortHelp() []key.Binding {
	prev, down, hist := k.Prev, k.Down, k.History
	prev.SetHelp("←/→", strings.TrimPrefix(k.Prev.Help().Desc, "previous "))
	down.SetHelp("↑/↓", "scroll")
	if hist.Enabled() {
		down.SetHelp("↑/↓", "partition")
		hist.SetHelp("p", "its history")
	}
	return []key.Binding{prev, down, hist, k.Close}
}

// FullHelp lists the sheet keys in one column.
func (k sheetKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Prev, k.Next, k.History, k.Close}}
}

// sheetAction is what a key on a sheet asks of the screen, which owns the
// engine and the cursor.
type sheetAction int

const (
	sheetNone sheetAction = iota
	sheetClose
	sheetPrev // previous record / partition / broker / group
	sheetNext
	sheetUp // record inspector: the partition above
	sheetDown
	sheetHistory // record inspector: its partition's history
)

// update handles a key or the wheel on an open sheet of body height h.
// Scrolling is the sheet's own business; the rest comes back as an action.
func (s *drillSheet) update(k sheetKeys, msg tea.Msg, h int) sheetAction {
	if mm, ok := msg.(tea.MouseMsg); ok {
		switch mm.Button {
		case tea.MouseButtonWheelUp:
			s.Scroll(-3, h)
		case tea.MouseButtonWheelDown:
			s.Scroll(3, h)
		}
		return sheetNone
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return sheetNone
	}
	record := s.Kind == sheetRecord
	switch {
	case key.Matches(km, k.Close):
		return sheetClose
	case key.Matches(km, k.Prev):
		return sheetPrev
	case key.Matches(km, k.Next):
		return sheetNext
	case key.Matches(km, k.History):
		return sheetHistory
	case key.Matches(km, k.Up) && record:
		return sheetUp
	case key.Matches(km, k.Down) && record:
		return sheetDown
	case key.Matches(km, k.Up):
		s.Scroll(-1, h)
	case key.Matches(km, k.Down):
		s.Scroll(1, h)
	case key.Matches(km, k.PageUp):
		s.Scroll(-max(h-1, 1), h)
	case key.Matches(km, k.PageDown):
		s.Scroll(max(h-1, 1), h)
	}
	return sheetNone
}
