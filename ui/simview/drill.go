package simview

import (
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/theme"
)

// drillEntry is one listed record, its text ready for the list's width.
type drillEntry struct {
	head   string   // producer#n, key, where, times processed (plain text)
	reason []string // the engine's reason, wrapped
}

// drillPane is the ledger's drill-down: one group's records of one fate,
// each with the engine's reason, while the logs mark where they are. It
// only shows what sim.Sim.Fates says.
type drillPane struct {
	keys     keys.Drill
	ListOpen bool
	group    string
	fate     int // index into fateOrder
	Fates    []sim.RecordFate
	Cursor   int // the selected record
	Offset   int // first line shown

	w, h    int
	entries []drillEntry // fates laid out for width textW
	starts  []int        // each entry's first line
	lines   int          // lines of all entries
	textW   int

	// Sheet is the record inspector or a history, when one shows instead
	// of the fate list.
	Sheet     *drillSheet
	sheetKeys sheetKeys
	Cur       RecCursor // the inspected record
	// back: the sheet was opened from the fate list, which esc shows again.
	back    bool
	subject int // the partition, broker or group a history is of, by index
}

func newDrillPane() drillPane { return drillPane{keys: keys.NewDrill()} }

// IsOpen reports whether the list or a sheet is showing.
func (d *drillPane) IsOpen() bool { return d.ListOpen || d.Sheet != nil }

// OpenSheet shows a sheet (the record inspector, a history) instead of
// the fate list.
func (d *drillPane) OpenSheet(s *drillSheet) {
	if d.ListOpen { // the list stays behind the sheet, for esc to go back to
		d.back = true
	} else if !d.back {
		d.Fates, d.entries = nil, nil
	}
	d.ListOpen = false
	d.Sheet, d.sheetKeys = s, newSheetKeys(s.Kind)
}

// BackToList closes the sheet and shows the fate list it was opened from.
func (d *drillPane) BackToList() {
	d.Sheet, d.back, d.ListOpen = nil, false, true
}

// Keys is the help keymap of what is showing.
func (d *drillPane) Keys() help.KeyMap {
	if d.Sheet != nil {
		return d.sheetKeys
	}
	return d.keys
}

// Open lists fates, the group's records of fateOrder[fate].
func (d *drillPane) Open(group string, fate int, fates []sim.RecordFate) {
	d.ListOpen, d.group, d.fate, d.Fates, d.Sheet, d.back = true, group, fate, fates, nil, false
	d.Cursor, d.Offset, d.textW = 0, 0, -1
	d.layoutEntries()
}

// Close hides the list.
func (d *drillPane) Close() {
	d.ListOpen, d.Fates, d.entries, d.Sheet, d.back = false, nil, nil, nil, false
}

// Fate is the fate listed.
func (d *drillPane) Fate() sim.Fate { return components.FateOrder[d.fate] }

// Selected is the selected record, if any.
func (d *drillPane) Selected() (sim.RecordFate, bool) {
	if d.Cursor < 0 || d.Cursor >= len(d.Fates) {
		return sim.RecordFate{}, false
	}
	return d.Fates[d.Cursor], true
}

// SetSize sets the pane's outer size, title included.
func (d *drillPane) SetSize(w, h int) {
	d.w, d.h = w, h
	d.layoutEntries()
}

// drillAction is what the list asks of the simulator screen, which owns
// the engine: list another fate (dir -1 or +1), close, or what a sheet
// asks (sheet).
type drillAction struct {
	dir     int
	close   bool
	inspect bool // the selected record, in the record inspector
	sheet   sheetAction
}

// Update handles a key or the mouse wheel while the list is open. Moving
// the selection is its own business; changing or closing the list needs
// the engine, so it comes back as a drillAction for the screen to do.
func (d *drillPane) Update(msg tea.Msg) *drillAction {
	if d.Sheet != nil {
		switch act := d.Sheet.update(d.sheetKeys, msg, d.h-1); act {
		case sheetNone:
			return nil
		case sheetClose:
			return &drillAction{close: true}
		default:
			return &drillAction{sheet: act}
		}
	}
	if mm, ok := msg.(tea.MouseMsg); ok {
		switch mm.Button {
		case tea.MouseButtonWheelUp:
			d.Move(-1)
		case tea.MouseButtonWheelDown:
			d.Move(1)
		}
		return nil
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := d.keys
	switch {
	case key.Matches(km, k.Close):
		return &drillAction{close: true}
	case key.Matches(km, k.Inspect):
		return &drillAction{inspect: true}
	case key.Matches(km, k.PrevFate):
		return &drillAction{dir: -1}
	case key.Matches(km, k.NextFate):
		return &drillAction{dir: 1}
	case key.Matches(km, k.Up):
		d.Move(-1)
	case key.Matches(km, k.Down):
		d.Move(1)
	case key.Matches(km, k.PageUp):
		d.Move(-d.perPage())
	case key.Matches(km, k.PageDown):
		d.Move(d.perPage())
	}
	return nil
}

// perPage is about how many entries a page shows.
func (d *drillPane) perPage() int {
	if len(d.Fates) == 0 {
		return 1
	}
	return max(d.BodyHeight()*len(d.Fates)/max(d.lines, 1), 1)
}

// Move selects the record n entries away and scrolls it into view.
func (d *drillPane) Move(n int) {
	if len(d.Fates) == 0 {
		return
	}
	d.Cursor = min(max(d.Cursor+n, 0), len(d.Fates)-1)
	d.reveal()
}

// BodyHeight is the lines under the title and the meaning line.
func (d *drillPane) BodyHeight() int { return max(d.h-2, 1) }

// reveal scrolls so the selected entry is on screen, its head first.
func (d *drillPane) reveal() {
	if d.Cursor >= len(d.starts) {
		return
	}
	first := d.starts[d.Cursor]
	last := first + 1 + len(d.entries[d.Cursor].reason)
	if last-d.Offset > d.BodyHeight() {
		d.Offset = last - d.BodyHeight()
	}
	if first < d.Offset {
		d.Offset = first
	}
	d.Offset = min(max(d.Offset, 0), max(d.lines-d.BodyHeight(), 0))
}

// layoutEntries lays the records out for the pane's width, once per width.
func (d *drillPane) layoutEntries() {
	textW := max(d.w-6, 20)
	if !d.ListOpen || textW == d.textW {
		return
	}
	d.textW = textW
	d.entries = make([]drillEntry, len(d.Fates))
	d.starts = make([]int, len(d.Fates))
	d.lines = 0
	for i := range d.Fates {
		f := &d.Fates[i]
		e := drillEntry{head: fateHead(f)}
		for _, part := range strings.Split(components.Sanitize(f.Reason), "; ") {
			if part == "" || part == timesText(f.Processed) {
				continue // a reason that only repeats the head's count
			}
			for j, l := range components.Wrap(part, textW-2) {
				lead := "– "
				if j > 0 {
					lead = "  "
				}
				e.reason = append(e.reason, lead+l)
			}
		}
		d.entries[i], d.starts[i] = e, d.lines
		d.lines += 1 + len(e.reason)
	}
	d.reveal()
}

// fateHead is a record's first line: who sent it, its key, where it
// landed and how often the group processed it.
func fateHead(f *sim.RecordFate) string {
	key := "key " + components.Sanitize(f.Key)
	if f.NullKey {
		key = "null key"
	}
	where := components.Sanitize(f.Topic) + "-" + components.Itoa(f.Partition)
	if len(f.Offsets) == 0 {
		where += " (no offset)"
	} else {
		offs := make([]string, len(f.Offsets))
		for i, o := range f.Offsets {
			offs[i] = components.I64(o)
		}
		where += "@" + strings.Join(offs, ",")
	}
	return components.Sanitize(f.Producer) + "#" + components.Itoa(f.SendN) + " · " + key + " · " + where + " · " + timesText(f.Processed)
}

// timesText says how often a record was processed.
func timesText(n int) string {
	switch n {
	case 0:
		return "never processed"
	case 1:
		return "processed once"
	}
	return "processed " + components.Itoa(n) + "×"
}

// Render draws the list as d.w × d.h lines.
func (d *drillPane) Render(st *theme.Styles) []string {
	if d.Sheet != nil {
		return d.Sheet.Render(st, d.w, d.h)
	}
	f := d.Fate()
	mark := components.FateStyle(st, f).Render(string(components.FateMark(f)))
	title := st.PaneFocus.Render("▶ DELIVERY LEDGER") + st.Bold.Render(" › "+components.Sanitize(d.group)+" › ") + mark + " " +
		st.Bold.Render(components.Itoa(len(d.Fates))+" "+components.FateWord(f))
	if len(d.Fates) > 0 {
		title += st.Faint.Render(" [" + components.Itoa(d.Cursor+1) + "/" + components.Itoa(len(d.Fates)) + "]")
	}
	lines := []string{title, st.Faint.Render(components.FateMeaning(f) + " · in the logs: " + string(components.FateMark(f)) +
		", the selected one " + string(GlyphSelected))}
	if len(d.Fates) == 0 {
		lines = append(lines, "", st.Faint.Render("  no "+components.FateWord(f)+" records for "+components.Sanitize(d.group)+
			" now · ←/→ other fates · esc closes"))
		return components.Block(lines, d.w, d.h)
	}
	for i := d.entryAt(d.Offset); i < len(d.entries) && len(lines) < d.h; i++ {
		e := d.entries[i]
		head := "  " + mark + " " + e.head
		if i == d.Cursor {
			head = st.Selected.Render("▸ "+string(components.FateMark(f))+" "+e.head) + " " + st.Faint.Render("◂")
		}
		entry := append([]string{head}, e.reason...)
		for j := range entry {
			if d.starts[i]+j < d.Offset {
				continue
			}
			if j > 0 {
				entry[j] = "    " + st.Faint.Render(entry[j])
			}
			lines = append(lines, entry[j])
		}
	}
	return components.Block(lines, d.w, d.h)
}

// entryAt is the entry that holds line n.
func (d *drillPane) entryAt(n int) int {
	return max(sort.SearchInts(d.starts, n+1)-1, 0)
}
