package ui

import "kafkasim/sim"

// cmdResult is what one command line printed and what comes next: package
// sandbox's Result, as the command line reads it.
type cmdResult struct {
	Output    string // every line ends in "\n"; "hint: " lines are the sandbox's own
	Err       bool   // the command failed
	InputMode bool   // a console producer reads the next lines as records
}

// cmdShell is the sandbox session the command line talks to (package
// sandbox's *Session behind an adapter): Kafka's command-line tools over a
// simulated cluster. Its commands change the cluster through Run's Apply,
// and may step Run forward (a console producer waits for its acks).
type cmdShell interface {
	Exec(line string) cmdResult
	// EndInput ends a console producer's input, as Ctrl-D does.
	EndInput() cmdResult
	// Complete offers completions for a partly typed line.
	Complete(line string) []string
	Run() *sim.Run
}

// shellDeps make sandbox sessions: a new cluster for the sandbox screen, or
// one over the run a scenario is playing. Nil functions mean the sandbox
// package is not wired in.
type shellDeps struct {
	newShell func(brokers int, seed uint64) (cmdShell, error)
	attach   func(r *sim.Run) cmdShell
}

// shellRun is the run of a sandbox session, driven by the simulator screen
// like any other: the panes and the command line show one cluster.
type shellRun struct {
	simRun
	sh cmdShell
}

// shell is the session that owns the run.
func (s shellRun) shell() cmdShell { return s.sh }

// shellStart is a run factory for the sandbox screen: each start (and each
// restart, or new seed) is a new, empty cluster of brokers brokers.
func shellStart(newShell func(int, uint64) (cmdShell, error), brokers int) runFactory {
	return func(spec scenarioSpec) (runner, error) {
		sh, err := newShell(brokers, spec.Seed)
		if err != nil {
			return nil, err
		}
		return shellRun{simRun: simRun{r: sh.Run()}, sh: sh}, nil
	}
}

// Commands lists the commands given by hand to the run, for the screen to
// mark when the command line has given some.
func (a simRun) Commands() []sim.Applied { return a.r.Commands() }

// shell is the session behind the command line: the sandbox's own, or one
// attached to the scenario's run on first use. The text says why there is
// none.
func (m *simScreen) shell() (cmdShell, string) {
	if o, ok := m.run.(interface{ shell() cmdShell }); ok {
		return o.shell(), ""
	}
	sr, ok := m.run.(simRun)
	switch {
	case !ok:
		return nil, "this run has no command line"
	case m.shells.attach == nil:
		return nil, "the command line needs package sandbox, which is not wired in yet"
	}
	if m.cmdline.attachedTo != sr.r {
		m.cmdline.sh, m.cmdline.attachedTo = m.shells.attach(sr.r), sr.r
	}
	return m.cmdline.sh, ""
}
