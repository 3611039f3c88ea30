package cmdline

import (
	"kafkasim/sim"
	"kafkasim/ui/simrun"
)

// Result is what one command line printed and what comes next: package
// sandbox's Result, as the command line reads it.
type Result struct {
	Output    string // every line ends in "\n"; "hint: " lines are the sandbox's own
	Err       bool   // the command failed
	InputMode bool   // a console producer reads the next lines as records
}

// Shell is the sandbox session the command line talks to (package
// sandbox's *Session behind an adapter): Kafka's command-line tools over a
// simulated cluster. Its commands change the cluster through Run's Apply,
// and may step Run forward (a console producer waits for its acks).
type Shell interface {
	Exec(line string) Result
	// EndInput ends a console producer's input, as Ctrl-D does.
	EndInput() Result
	// Complete offers completions for a partly typed line.
	Complete(line string) []string
	Run() *sim.Run
}

// Shells make sandbox sessions: a new cluster for the sandbox screen, or
// one over the run a scenario is playing. Nil functions mean the sandbox
// package is not wired in.
type Shells struct {
	NewShell func(brokers int, seed uint64) (Shell, error)
	Attach   func(r *sim.Run) Shell
}

// shellRun is the run of a sandbox session, driven by the simulator screen
// like any other: the panes and the command line show one cluster.
type shellRun struct {
	simrun.Run
	sh Shell
}

// Shell is the session that owns the run.
func (s shellRun) Shell() Shell { return s.sh }

// ShellStart is a run factory for the sandbox screen: each start (and each
// restart, or new seed) is a new, empty cluster of brokers brokers.
func ShellStart(newShell func(int, uint64) (Shell, error), brokers int) simrun.Factory {
	return func(spec simrun.Spec) (simrun.Runner, error) {
		sh, err := newShell(brokers, spec.Seed)
		if err != nil {
			return nil, err
		}
		return shellRun{Run: simrun.Run{R: sh.Run()}, sh: sh}, nil
	}
}
