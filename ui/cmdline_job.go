package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// cmdSlice (a variable for tests) is how long one slice of a sandbox command may work before the
// screen gets its turn: keys are read and the screen drawn between slices,
// so esc and ctrl+c answer well within 100 ms however long the command.
var cmdSlice = 20 * time.Millisecond

// pauser is a shell whose long commands can hand control back between
// slices of their work (package sandbox's Session.SetPause).
type pauser interface{ SetPause(func() bool) }

// cmdJob runs one command line as a coroutine. Its goroutine works only
// while the Update loop waits for it, one slice at a time, so the run is
// never touched by two goroutines at once; between slices the screen
// reads keys, draws a spinner, and may ask the command to stop.
type cmdJob struct {
	resume chan bool // true: work another slice; false: interrupt
	yield  chan struct{}
	done   chan cmdResult
	result cmdResult
	// stop is set when a key asked the command to stop.
	stop   bool
	frames int
	after  func(cmdResult) // shows the result once the command ends
}

// cmdSliceMsg asks the running command for its next slice.
type cmdSliceMsg struct{ job *cmdJob }

// startJob runs work, a command on sh, in slices. It returns nil when the
// command ended within its first slice (after has then been called), or
// the message that runs the next slice.
func (m *simScreen) startJob(sh cmdShell, work func() cmdResult, after func(cmdResult)) tea.Cmd {
	p, ok := sh.(pauser)
	if !ok {
		after(work())
		return nil
	}
	j := &cmdJob{resume: make(chan bool), yield: make(chan struct{}), done: make(chan cmdResult, 1), after: after}
	go j.run(p, work)
	if j.step(true) {
		after(j.result)
		return nil
	}
	m.cmdline.busy = j
	return j.next()
}

func (j *cmdJob) run(p pauser, work func() cmdResult) {
	<-j.resume
	start := time.Now()
	p.SetPause(func() bool {
		if time.Since(start) < cmdSlice {
			return true
		}
		j.yield <- struct{}{}
		keep := <-j.resume
		start = time.Now()
		return keep
	})
	r := work()
	p.SetPause(nil)
	j.done <- r
}

// step lets the command work one slice; true when it has ended.
func (j *cmdJob) step(keep bool) bool {
	j.resume <- keep
	select {
	case <-j.yield:
		return false
	case j.result = <-j.done:
		return true
	}
}

func (j *cmdJob) next() tea.Cmd { return func() tea.Msg { return cmdSliceMsg{job: j} } }

// continueJob runs the next slice of the command the message belongs to.
func (m *simScreen) continueJob(msg cmdSliceMsg) tea.Cmd {
	j := m.cmdline.busy
	if j == nil || msg.job != j {
		return nil
	}
	j.frames++
	if !j.step(!j.stop) {
		return j.next()
	}
	m.cmdline.busy = nil
	j.after(j.result)
	return nil
}

// interruptJob is esc, ctrl+c or q while a command runs: it stops at the
// end of its slice, as Ctrl-C stops the real tool.
func (m *simScreen) interruptJob() {
	if j := m.cmdline.busy; j != nil && !j.stop {
		j.stop = true
		m.status = "stopping the command…"
	}
}

// spinnerFrames turn while a command runs.
var spinnerFrames = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// busyLine is the prompt's place while a command runs.
func (j *cmdJob) busyLine(nowMs int64) string {
	s := spinnerFrames[j.frames%len(spinnerFrames)] + " running… the clock is at " + fmtMs(nowMs)
	if j.stop {
		return s + " · stopping"
	}
	return s + " · esc or ctrl+c stops it"
}
