package sandbox

// waitCapMs is the most virtual time one command waits for something that
// may never come: a --timeout-ms with no record, a send() blocked for
// max.block.ms on a cluster that does not answer. The real tools wait as
// long as asked (max.block.ms may be Long.MAX_VALUE); a simulation that
// did would run for ever, so the sandbox stops there and says so.
const waitCapMs = 300_000

// pauseEvery is how many engine steps a long command takes between calls
// to the pause hook.
const pauseEvery = 256

// SetPause installs a hook a long command calls between slices of its work
// (every few hundred engine steps): a screen uses it to draw and read keys
// while a command runs. The hook returns false to interrupt the command,
// as Ctrl-C does the real tool; the command then stops where it is and
// reports what it did so far. Nil (the default) never pauses.
func (s *Session) SetPause(pause func() bool) { s.pauseHook = pause }

// pause calls the hook; false means the command was interrupted.
func (s *Session) pause() bool { return s.pauseHook == nil || s.pauseHook() }

// waitVirtual moves the clock on by ms, as a tool blocked for that long
// would, but by at most waitCapMs. It reports whether the whole wait was
// done: false when it was capped (and says so as a hint naming the
// setting, what) or interrupted.
func (s *Session) waitVirtual(o *output, ms int64, what string) bool {
	start := s.run.Sim().Now()
	wait := min(max(ms, 0), waitCapMs)
	stopped := s.stepUntil(until(start+wait), nil, func() bool { return false })
	o.nowMs = s.run.Sim().Now()
	switch stopped {
	case stopInterrupted:
		s.interruptedHint(o)
		return false
	case stopBudget:
		s.budgetHint(o)
		return false
	}
	if ms > waitCapMs {
		o.hint("%s is %d ms; the sandbox waits at most %s of virtual time for one command, so it stopped waiting there (the real tool would go on waiting)",
			what, ms, clock(waitCapMs))
		return false
	}
	return true
}

// interruptedHint explains a command stopped by the pause hook.
func (s *Session) interruptedHint(o *output) {
	o.line("^C")
	o.hint("interrupted at %s of virtual time", clock(s.run.Sim().Now()))
}
