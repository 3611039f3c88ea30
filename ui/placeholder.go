package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// placeholderScreen shows a title and a message: an error that kept a
// screen from opening (a scenario file that does not load, no such lesson).
type placeholderScreen struct {
	st    *Styles
	keys  homeKeys
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
	if p.w < minWidth || p.h < minHeight {
		return tooSmallView(p.st, p.w, p.h)
	}
	lines := []string{p.st.Title.Render(sanitize(p.title)), ""}
	lines = append(lines, wrap(sanitize(p.text), p.w-2)...)
	lines = append(lines, "", p.st.Faint.Render("esc back · q quit"))
	return strings.Join(block(lines, p.w, p.h), "\n")
}
