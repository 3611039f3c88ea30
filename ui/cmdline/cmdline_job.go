package cmdline

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"kafkasim/ui/components"
)

// Slice (a variable for tests) is how long one slice of engine work —
// a sandbox command, a what-if, a seek — may run before the screen gets
// its turn: keys are read and the screen drawn between slices, so esc and
// ctrl+c answer well within 100 ms however long the work.
var Slice = 20 * time.Millisecond

// Pauser is a shell whose long commands can hand control back between
// slices of their work (package sandbox's Session.SetPause).
type Pauser interface{ SetPause(func() bool) }

// Job runs engine work as a coroutine. Its goroutine works only while
// the Update loop waits for it, one slice at a time, so the run is never
// touched by two goroutines at once; between slices the screen reads
// keys, draws a spinner or progress, and may ask the work to stop.
type Job struct {
	resume chan bool // true: work another slice; false: interrupt
	yield  chan struct{}
	done   chan struct{}
	// Stop is set when a key asked the work to stop.
	Stop   bool
	Frames int
	After  func() // shows the outcome once the work ends
	// Progress says how far a what-if or seek got (nil for a command).
	Progress func() string
}

// SliceMsg asks the running job for its next slice.
type SliceMsg struct{ Job *Job }

// NewJob starts work on its goroutine, waiting for its first slice. work
// calls pause now and then (every few hundred engine steps); pause hands
// control back when the slice is used up and returns false when the work
// is to stop.
func NewJob(work func(pause func() bool), after func()) *Job {
	j := &Job{resume: make(chan bool), yield: make(chan struct{}), done: make(chan struct{}, 1), After: after}
	go j.run(work)
	return j
}

func (j *Job) run(work func(pause func() bool)) {
	keep := <-j.resume
	start := time.Now()
	work(func() bool {
		if !keep {
			return false
		}
		if time.Since(start) < Slice {
			return true
		}
		j.yield <- struct{}{}
		keep = <-j.resume
		start = time.Now()
		return keep
	})
	j.done <- struct{}{}
}

// Step lets the work run one slice; true when it has ended.
func (j *Job) Step(keep bool) bool {
	j.resume <- keep
	select {
	case <-j.yield:
		return false
	case <-j.done:
		return true
	}
}

func (j *Job) Next() tea.Cmd { return func() tea.Msg { return SliceMsg{Job: j} } }

// spinnerFrames turn while a command runs.
var spinnerFrames = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// Spinner is the job's frame of the spinner.
func (j *Job) Spinner() string { return spinnerFrames[j.Frames%len(spinnerFrames)] }

// BusyLine is the prompt's place while a command runs.
func (j *Job) BusyLine(nowMs int64) string {
	s := j.Spinner() + " running… the clock is at " + components.FmtMs(nowMs)
	if j.Stop {
		return s + " · stopping"
	}
	return s + " · esc or ctrl+c stops it"
}

// JobLine is the footer while a what-if or seek runs.
func (j *Job) JobLine() string {
	s := j.Spinner() + " "
	if j.Progress != nil {
		s += j.Progress()
	}
	return s + " · esc calls it off"
}

// EngineBatch is how many engine steps a job takes between looks at the
// clock: small enough that a slice overshoots Slice by little.
const EngineBatch = 256
