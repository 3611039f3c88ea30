package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/cmdline"
)

// playSandbox opens the simulator on an empty cluster that a sandbox
// session drives, with the command line open: the panes and the commands
// show one cluster. Without sessions it opens the preset sandboxSpec.
func (m Model) playSandbox() (tea.Model, tea.Cmd) {
	if m.deps.shells.NewShell == nil {
		return m.play(cmdline.SandboxSpec(m.opts.Brokers))
	}
	brokers := m.opts.Brokers
	if brokers <= 0 {
		brokers = 3
	}
	start := m.deps.start
	m.deps.start = cmdline.ShellStart(m.deps.shells.NewShell, brokers) // for this screen only
	next, cmd := m.play(cmdline.EmptySandboxSpec(brokers))
	nm := next.(Model)
	nm.deps.start = start
	if nm.sim != nil && nm.sim.Fatal == nil {
		nm.sim.OpenCmdline()
	}
	return nm, cmd
}
