package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/keys"
	"kafkasim/ui/nav"
	"kafkasim/ui/simview"
)

// openLiveMsg opens the simulator screen on Options.Live.
type openLiveMsg struct{}

// playLive opens the simulator screen on a live run.
func (m Model) playLive() (tea.Model, tea.Cmd) {
	m.pauseAll()
	m.sim = simview.NewLive(m.st, keys.NewSim(m.global), *m.opts.Live)
	m.sim.Hot.Still = m.opts.NoMotion
	m.sim.SetSize(m.w, m.h)
	m.current = nav.ScreenSim
	return m, m.sim.Init()
}

// Live is what the simulator screen needs to show a live run (`kafkasim serve`).
type Live = simview.Live

// LiveCluster is a simulation that real clients are driving (wire.Server).
type LiveCluster = simview.LiveCluster

// LiveEvents keeps every event of a live run for the screen.
type LiveEvents = simview.LiveEvents

// NewLiveEvents is an empty event log.
func NewLiveEvents() *LiveEvents { return simview.NewLiveEvents() }
