package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/components"
	"kafkasim/ui/keys"
	"kafkasim/ui/theme"
)

// placeholderScreen shows a title and a message: an error that kept a
// screen from opening (a scenario file that does not load, no such lesson).
type placeholderScreen struct {
	st    *theme.Styles
	keys  keys.Home
	title string
	text  string
	w, h  int
}

// SetSize records the terminal size.
func (p *placeholderScreen) SetSize(w, h int) { p.w, p.h = w, h }

// Keys is its help keymap.
func (p *placeholderScreen) Keys() help.KeyMap { return p.keys }

// Update does nothing: esc and q are global.
func (p *placeholderScreen) Update(tea.Msg) tea.Cmd { return nil }

// View draws the title and text.
func (p *placeholderScreen) View() string {
	if p.w < components.MinWidth || p.h < components.MinHeight {
		return components.TooSmallView(p.st, p.w, p.h)
	}
	lines := []string{p.st.Title.Render(components.Sanitize(p.title)), ""}
	lines = append(lines, components.Wrap(components.Sanitize(p.text), p.w-2)...)
	lines = append(lines, "", p.st.Faint.Render("esc back · q quit"))
	return strings.Join(components.Block(lines, p.w, p.h), "\n")
}
