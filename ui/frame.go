package ui

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"kafkasim/ui/components"
	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
	"kafkasim/ui/theme"
)

// FrameOptions say which frame of the simulator screen Frame draws.
type FrameOptions struct {
	// Scenario is a built-in name or a file, as `kafkasim play` takes it.
	Scenario string
	// AtMs is the virtual time of the frame.
	AtMs int64
	// Width and Height are the terminal's size in cells.
	Width, Height int
	// Focus names the focused pane (FramePanes); empty keeps the screen's
	// own choice.
	Focus string
	// Seed, when set, replaces the scenario's seed.
	Seed *uint64
	// Color draws with ANSI colours (24-bit, for a dark background);
	// false draws plain text.
	Color bool
}

// frameWarmup is how much virtual time before AtMs a frame plays frame by
// frame at ×1, as the screen does, so the changes of the last moments are
// lit as a learner would see them; the time before it runs in one go.
const frameWarmup = 3_000

// FramePanes are the names --focus takes, in tab order.
func FramePanes() []string {
	var out []string
	for id := range components.PaneCount {
		out = append(out, framePaneName(id))
	}
	return out
}

// framePaneName is a pane's one-word name.
func framePaneName(id components.PaneID) string {
	switch id {
	case components.PaneCluster:
		return "cluster"
	case components.PaneLogs:
		return "logs"
	case components.PaneProducers:
		return "producers"
	case components.PaneGroups:
		return "groups"
	case components.PaneLedger:
		return "ledger"
	}
	return "narration"
}

// Frame draws one frame of the simulator screen: the scenario played to
// opts.AtMs on the same model and panes the terminal UI uses.
func Frame(opts FrameOptions) (string, error) {
	st := frameStyles(opts.Color)
	m, err := frameModel(opts, &st, defaultDeps())
	if err != nil {
		return "", err
	}
	return m.View(), nil
}

// frameStyles are plain styles, or 24-bit colour ones for a dark terminal
// (fixed, so a frame is the same bytes wherever it is made).
func frameStyles(color bool) theme.Styles {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	if color {
		r.SetColorProfile(termenv.TrueColor)
	}
	r.SetHasDarkBackground(true)
	return theme.NewStyles(r)
}

// frameModel opens the scenario as `kafkasim play` would, paused, and
// plays it to opts.AtMs.
func frameModel(opts FrameOptions, st *theme.Styles, d deps) (Model, error) {
	focus := components.PaneID(-1)
	if opts.Focus != "" {
		i := slices.Index(FramePanes(), opts.Focus)
		if i < 0 {
			return Model{}, fmt.Errorf("no pane %q: pick from %s", opts.Focus, strings.Join(FramePanes(), ", "))
		}
		focus = components.PaneID(i)
	}
	spec, err := d.source.Load(opts.Scenario)
	if err != nil {
		return Model{}, err
	}
	if opts.Seed != nil {
		spec = spec.WithSeed(*opts.Seed)
	}
	m := newModel(Options{Lessons: []nav.LessonEntry{}}, st, d)
	next, _ := m.Update(tea.WindowSizeMsg{Width: opts.Width, Height: opts.Height})
	next, _ = next.(Model).Update(simview.ScenarioLoadedMsg{Spec: spec})
	m = next.(Model)
	if m.sim.Fatal != nil {
		return Model{}, m.sim.Fatal
	}
	m.sim.PlayTo(opts.AtMs, frameWarmup)
	if focus >= 0 {
		m.sim.SetFocus(focus)
	}
	return m, nil
}
