package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
)

// settle moves the run to the next free millisecond (sim.Settle), so a
// fault given there is the first thing in its millisecond and a shared run
// (x) replays it exactly.
func (m *simScreen) settle() { sim.Settle(m.run) }

// injectSettled gives a fault chosen in the menu at the next free
// millisecond; see settle.
func (m *simScreen) injectSettled(msg components.FaultChosenMsg) tea.Cmd {
	if m.run != nil {
		m.settle()
	}
	return m.inject(msg.Cmd)
}
