package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/sandbox"
	"kafkasim/sim"
	"kafkasim/ui/components"
)

// sandboxShell is package sandbox's Session as the command line's shell.
type sandboxShell struct{ s *sandbox.Session }

func (a sandboxShell) Exec(line string) cmdResult { return resultOf(a.s.Exec(line)) }
func (a sandboxShell) EndInput() cmdResult        { return resultOf(a.s.EndInput()) }

func (a sandboxShell) Complete(line string) []string { return a.s.Complete(line) }
func (a sandboxShell) SetPause(pause func() bool)    { a.s.SetPause(pause) }
func (a sandboxShell) Run() *sim.Run                 { return a.s.Run() }
func resultOf(r sandbox.Result) cmdResult            { return cmdResult(r) }

// sandboxShells make real sandbox sessions.
func sandboxShells() shellDeps {
	return shellDeps{
		newShell: func(brokers int, seed uint64) (cmdShell, error) {
			s, err := sandbox.New(brokers, seed)
			if err != nil {
				return nil, err
			}
			return sandboxShell{s}, nil
		},
		attach: func(r *sim.Run) cmdShell { return sandboxShell{sandbox.Attach(r)} },
	}
}

// emptySandboxSpec is the sandbox screen's scenario: brokers brokers and
// nothing else, for the learner to build with Kafka's own commands.
func emptySandboxSpec(brokers int) scenarioSpec {
	return scenarioSpec{
		Name:  "sandbox",
		Title: "Sandbox: " + components.Itoa(brokers) + " brokers",
		Description: "An empty cluster of " + components.Itoa(brokers) + " brokers. Type Kafka's commands at the command line " +
			"(: opens it, esc closes it), for example kafka-topics --bootstrap-server localhost:9092 --create --topic orders --partitions 3",
		Seed: 1,
		// What sandbox.New starts from, so a what-if can replay the session.
		Config: sim.Config{Seed: 1, Cluster: sim.DefaultCluster(brokers)},
	}
}

// playSandbox opens the simulator on an empty cluster that a sandbox
// session drives, with the command line open: the panes and the commands
// show one cluster. Without sessions it opens the preset sandboxSpec.
func (m Model) playSandbox() (tea.Model, tea.Cmd) {
	if m.deps.shells.newShell == nil {
		return m.play(sandboxSpec(m.opts.Brokers))
	}
	brokers := m.opts.Brokers
	if brokers <= 0 {
		brokers = 3
	}
	start := m.deps.start
	m.deps.start = shellStart(m.deps.shells.newShell, brokers) // for this screen only
	next, cmd := m.play(emptySandboxSpec(brokers))
	nm := next.(Model)
	nm.deps.start = start
	if nm.sim != nil && nm.sim.fatal == nil {
		nm.sim.openCmdline()
	}
	return nm, cmd
}
