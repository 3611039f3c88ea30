package simview

import (
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sim"
	"kafkasim/ui/components"
)

// settle moves the run to the next free millisecond (sim.Settle), so a
// fault given there is the first thing in its millisecond and a shared run
// (x) replays it exactly.
func (m *Screen) settle() { sim.Settle(m.Run) }

// injectSettled gives a fault chosen in the menu at the next free
// millisecond; see settle.
func (m *Screen) injectSettled(msg components.FaultChosenMsg) tea.Cmd {
	if m.Run != nil {
		m.settle()
	}
	return m.Inject(msg.Cmd)
}
