package ui

import (
	"kafkasim/ui/components"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// cmdSlice (a variable for tests) is how long one slice of engine work —
// a sandbox command, a what-if, a seek — may run before the screen gets
// its turn: keys are read and the screen drawn between slices, so esc and
// ctrl+c answer well within 100 ms however long the work.
var cmdSlice = 20 * time.Millisecond

// pauser is a shell whose long commands can hand control back between
// slices of their work (package sandbox's Session.SetPause).
type pauser interface{ SetPause(func() bool) }

// cmdJob runs engine work as a coroutine. Its goroutine works only while
// the Update loop waits for it, one slice at a time, so the run is never
// touched by two goroutines at once; between slices the screen reads
// keys, draws a spinner or progress, and may ask the work to stop.
type cmdJob struct {
	resume chan bool // true: work another slice; false: interrupt
	yield  chan struct{}
	done   chan struct{}
	// stop is set when a key asked the work to stop.
	stop   bool
	frames int
	after  func() // shows the outcome once the work ends
	// progress says how far a what-if or seek got (nil for a command).
	progress func() string
}

// cmdSliceMsg asks the running job for its next slice.
type cmdSliceMsg struct{ job *cmdJob }

// newJob starts work on its goroutine, waiting for its first slice. work
// calls pause now and then (every few hundred engine steps); pause hands
// control back when the slice is used up and returns false when the work
// is to stop.
func newJob(work func(pause func() bool), after func()) *cmdJob {
	j := &cmdJob{resume: make(chan bool), yield: make(chan struct{}), done: make(chan struct{}, 1), after: after}
	go j.run(work)
	return j
}

// startJob runs work, a command on sh, in slices. It returns nil when the
// command ended within its first slice (after has then been called), or
// the message that runs the next slice.
func (m *simScreen) startJob(sh cmdShell, work func() cmdResult, after func(cmdResult)) tea.Cmd {
	p, ok := sh.(pauser)
	if !ok {
		after(work())
		return nil
	}
	var r cmdResult
	j := newJob(func(pause func() bool) {
		p.SetPause(pause)
		r = work()
		p.SetPause(nil)
	}, func() { after(r) })
	if j.step(true) {
		j.after()
		return nil
	}
	m.cmdline.busy = j
	return j.next()
}

func (j *cmdJob) run(work func(pause func() bool)) {
	keep := <-j.resume
	start := time.Now()
	work(func() bool {
		if !keep {
			return false
		}
		if time.Since(start) < cmdSlice {
			return true
		}
		j.yield <- struct{}{}
		keep = <-j.resume
		start = time.Now()
		return keep
	})
	j.done <- struct{}{}
}

// step lets the work run one slice; true when it has ended.
func (j *cmdJob) step(keep bool) bool {
	j.resume <- keep
	select {
	case <-j.yield:
		return false
	case <-j.done:
		return true
	}
}

func (j *cmdJob) next() tea.Cmd { return func() tea.Msg { return cmdSliceMsg{job: j} } }

// continueJob runs the next slice of the job the message belongs to.
func (m *simScreen) continueJob(msg cmdSliceMsg) tea.Cmd {
	j := msg.job
	if j == nil || (j != m.cmdline.busy && j != m.job) {
		return nil
	}
	j.frames++
	if !j.step(!j.stop) {
		return j.next()
	}
	m.endJob(j)
	return nil
}

// endJob forgets a job that has ended and shows its outcome.
func (m *simScreen) endJob(j *cmdJob) {
	if m.cmdline.busy == j {
		m.cmdline.busy = nil
	}
	if m.job == j {
		m.job = nil
	}
	j.after()
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

// spinner is the job's frame of the spinner.
func (j *cmdJob) spinner() string { return spinnerFrames[j.frames%len(spinnerFrames)] }

// busyLine is the prompt's place while a command runs.
func (j *cmdJob) busyLine(nowMs int64) string {
	s := j.spinner() + " running… the clock is at " + components.FmtMs(nowMs)
	if j.stop {
		return s + " · stopping"
	}
	return s + " · esc or ctrl+c stops it"
}
