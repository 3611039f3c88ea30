package cmdline

import (
	"kafkasim/sandbox"
	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/simrun"
)

// sandboxShell is package sandbox's Session as the command line's shell.
type sandboxShell struct{ s *sandbox.Session }

func (a sandboxShell) Exec(line string) Result { return resultOf(a.s.Exec(line)) }
func (a sandboxShell) EndInput() Result        { return resultOf(a.s.EndInput()) }

func (a sandboxShell) Complete(line string) []string { return a.s.Complete(line) }
func (a sandboxShell) SetPause(pause func() bool)    { a.s.SetPause(pause) }
func (a sandboxShell) Run() *sim.Run                 { return a.s.Run() }
func resultOf(r sandbox.Result) Result               { return Result(r) }

// SandboxShells make real sandbox sessions.
func SandboxShells() Shells {
	return Shells{
		NewShell: func(brokers int, seed uint64) (Shell, error) {
			s, err := sandbox.New(brokers, seed)
			if err != nil {
				return nil, err
			}
			return sandboxShell{s}, nil
		},
		Attach: func(r *sim.Run) Shell { return sandboxShell{sandbox.Attach(r)} },
	}
}

// EmptySandboxSpec is the sandbox screen's scenario: brokers brokers and
// nothing else, for the learner to build with Kafka's own commands.
func EmptySandboxSpec(brokers int) simrun.Spec {
	return simrun.Spec{
		Name:  "sandbox",
		Title: "Sandbox: " + components.Itoa(brokers) + " brokers",
		Description: "An empty cluster of " + components.Itoa(brokers) + " brokers. Type Kafka's commands at the command line " +
			"(: opens it, esc closes it), for example kafka-topics --bootstrap-server localhost:9092 --create --topic orders --partitions 3",
		Seed: 1,
		// What sandbox.New starts from, so a what-if can replay the session.
		Config: sim.Config{Seed: 1, Cluster: sim.DefaultCluster(brokers)},
	}
}
