package theme

import (
	"github.com/charmbracelet/lipgloss"
)

// Colour roles. Every colour is adaptive (light, dark) so the screen reads on
// both kinds of terminal. No state is shown by colour alone: each role below
// also has a symbol or a word where it is used.
var (
	colLeader    = lipgloss.AdaptiveColor{Light: "#0B7A0B", Dark: "#5FD75F"}
	colInSync    = lipgloss.AdaptiveColor{Light: "#1F5FAF", Dark: "#87AFFF"}
	colOutOfSync = lipgloss.AdaptiveColor{Light: "#B35900", Dark: "#FFAF5F"}
	colOffline   = lipgloss.AdaptiveColor{Light: "#8A8A8A", Dark: "#6C6C6C"}
	colSlow      = lipgloss.AdaptiveColor{Light: "#8F6F00", Dark: "#D7D75F"}
	colCommitted = lipgloss.AdaptiveColor{Light: "#6A2EA8", Dark: "#D787FF"}
	colLost      = lipgloss.AdaptiveColor{Light: "#B00020", Dark: "#FF5F5F"}
	colDup       = lipgloss.AdaptiveColor{Light: "#9A4D00", Dark: "#FFAF00"}
	colOnce      = lipgloss.AdaptiveColor{Light: "#0B7A0B", Dark: "#5FD75F"}
	colPending   = lipgloss.AdaptiveColor{Light: "#707070", Dark: "#9E9E9E"}
	// Skipped is not lost: a calm blue, never the red of a loss.
	colSkipped = lipgloss.AdaptiveColor{Light: "#2F5F8F", Dark: "#7FAFDF"}
	ColAccent  = lipgloss.AdaptiveColor{Light: "#005F87", Dark: "#5FD7FF"}
	colFaint   = lipgloss.AdaptiveColor{Light: "#8A8A8A", Dark: "#767676"}
	colNoteFg  = lipgloss.AdaptiveColor{Light: "#000000", Dark: "#000000"}
	colNoteBg  = lipgloss.AdaptiveColor{Light: "#FFD75F", Dark: "#FFD75F"}
	colHotBg   = lipgloss.AdaptiveColor{Light: "#FFF3B0", Dark: "#5F5F00"}
)

// keyPalette colours records by key, so one key's records stand out along a
// partition's log. The key's letter is printed as well.
var keyPalette = []lipgloss.AdaptiveColor{
	{Light: "#1F5FAF", Dark: "#87AFFF"},
	{Light: "#0B7A0B", Dark: "#87D787"},
	{Light: "#AF005F", Dark: "#FF87AF"},
	{Light: "#8F6F00", Dark: "#FFD75F"},
	{Light: "#006F6F", Dark: "#5FD7D7"},
	{Light: "#6A2EA8", Dark: "#AF87FF"},
	{Light: "#9A4D00", Dark: "#FFAF5F"},
	{Light: "#4E4E4E", Dark: "#D0D0D0"},
}

// Styles is every style the UI renders with, built once per renderer.
type Styles struct {
	renderer *lipgloss.Renderer

	Header     lipgloss.Style
	Title      lipgloss.Style
	PaneTitle  lipgloss.Style
	PaneFocus  lipgloss.Style
	Faint      lipgloss.Style
	Bold       lipgloss.Style
	Accent     lipgloss.Style
	Hot        lipgloss.Style // a fresh change, fading over a few frames
	Struck     lipgloss.Style // truncated or deleted records
	Error      lipgloss.Style
	Note       lipgloss.Style // a scenario's narration: impossible to miss
	Selected   lipgloss.Style
	MenuBox    lipgloss.Style
	TooSmall   lipgloss.Style
	Leader     lipgloss.Style
	InSync     lipgloss.Style
	OutOfSync  lipgloss.Style
	Offline    lipgloss.Style
	Slow       lipgloss.Style
	Committed  lipgloss.Style
	Position   lipgloss.Style
	Once       lipgloss.Style
	Duplicated lipgloss.Style
	Lost       lipgloss.Style
	Skipped    lipgloss.Style
	Pending    lipgloss.Style
	Keys       []lipgloss.Style
}

// NewStyles builds the styles for one renderer; tests pass a renderer with
// the Ascii profile to get plain text.
func NewStyles(r *lipgloss.Renderer) Styles {
	fg := func(c lipgloss.TerminalColor) lipgloss.Style { return r.NewStyle().Foreground(c) }
	s := Styles{
		renderer:   r,
		Header:     r.NewStyle().Bold(true),
		Title:      r.NewStyle().Bold(true).Foreground(ColAccent),
		PaneTitle:  r.NewStyle().Foreground(colFaint),
		PaneFocus:  r.NewStyle().Bold(true).Foreground(ColAccent),
		Faint:      fg(colFaint),
		Bold:       r.NewStyle().Bold(true),
		Accent:     fg(ColAccent),
		Hot:        r.NewStyle().Bold(true).Background(colHotBg),
		Struck:     fg(colLost).Strikethrough(true),
		Error:      fg(colLost).Bold(true),
		Note:       r.NewStyle().Bold(true).Foreground(colNoteFg).Background(colNoteBg),
		Selected:   r.NewStyle().Bold(true).Reverse(true),
		MenuBox:    r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(ColAccent).Padding(0, 1),
		TooSmall:   r.NewStyle().Bold(true),
		Leader:     fg(colLeader).Bold(true),
		InSync:     fg(colInSync),
		OutOfSync:  fg(colOutOfSync),
		Offline:    fg(colOffline),
		Slow:       fg(colSlow),
		Committed:  fg(colCommitted).Bold(true),
		Position:   fg(ColAccent),
		Once:       fg(colOnce),
		Duplicated: fg(colDup),
		Lost:       fg(colLost),
		Skipped:    fg(colSkipped),
		Pending:    fg(colPending),
	}
	for _, c := range keyPalette {
		s.Keys = append(s.Keys, fg(c))
	}
	return s
}

// Renderer is the renderer the styles were built for.
func (s Styles) Renderer() *lipgloss.Renderer { return s.renderer }
