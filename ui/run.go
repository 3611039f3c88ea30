package ui

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"kafkasim/ui/theme"
)

// Run starts the terminal UI and returns when the learner quits.
func Run(opts Options) error {
	r := lipgloss.NewRenderer(os.Stdout)
	if os.Getenv("NO_COLOR") != "" {
		r.SetColorProfile(termenv.Ascii)
	}
	st := theme.NewStyles(r)
	tuneGCForScreen(os.Getenv)
	m := newModel(opts, &st, defaultDeps())
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion())
	_, err := p.Run()
	return err
}
