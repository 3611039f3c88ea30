package simview

import (
	"errors"
	"strings"
	"sync"

	"kafkasim/sim"
	"kafkasim/ui/simrun"
)

// LiveCluster is a simulation that real clients are driving (wire.Server):
// its own goroutine owns the engine and moves the clock with the wall
// clock, so the screen reads and changes it only through Do.
type LiveCluster interface {
	// Do runs f with the engine, serialised with the clients' requests.
	Do(f func(s *sim.Sim))
}

// Live is what the simulator screen needs to show a live run.
type Live struct {
	Cluster LiveCluster
	// Events collects the engine's events as the server hands them out
	// (it forgets them after); the server's Config.Events is Events.Add.
	Events *LiveEvents
	// Addrs are the brokers' listeners, shown in the footer.
	Addrs []string
	// Speed is virtual seconds per wall second, as served.
	Speed float64
	// Done, when closed, ends the screen (serve --for).
	Done <-chan struct{}
	// Export, if set, writes the session so far as a scenario file that
	// replays it (x).
	Export func() ([]byte, error)
}

// LiveEvents keeps the latest events of a live run for the screen: the
// server adds on its goroutine, the screen reads on its own. A serve
// session has no end, and a busy client makes hundreds of events a second
// (336 bytes each), so only the last liveEventsKept are kept: enough for
// the highlights, the narration and the histories' recent past.
type LiveEvents struct {
	mu     sync.Mutex
	events []sim.Event
	keep   int // 0: liveEventsKept
}

// liveEventsKept bounds a live run's events in memory (about 35 MB).
const liveEventsKept = 100_000

// NewLiveEvents is an empty event log.
func NewLiveEvents() *LiveEvents { return &LiveEvents{} }

// Add appends a batch of events (a copy: the caller reuses its slice).
// Past a quarter over the bound, the oldest go, into a new array: a slice
// the screen holds is never written.
func (l *LiveEvents) Add(batch []sim.Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, batch...)
	keep := l.keep
	if keep <= 0 {
		keep = liveEventsKept
	}
	if len(l.events) > keep+keep/4 {
		l.events = append(make([]sim.Event, 0, keep+keep/4), l.events[len(l.events)-keep:]...)
	}
}

// all is the events so far; the slice is never written again, as Add
// only appends past its length.
func (l *LiveEvents) all() []sim.Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.events[:len(l.events):len(l.events)]
}

// errLive answers what a live run cannot do: time follows the wall clock.
var errLive = errors.New("live: time follows the wall clock, it cannot go back")

// liveRun is the runner of a live run: every call goes through the
// cluster's Do, so the screen never touches the engine alongside the
// clients. Stepping and seeking are not offered: the server moves time.
type liveRun struct{ live Live }

func (r liveRun) do(f func(s *sim.Sim)) { r.live.Cluster.Do(f) }

func (r liveRun) Step() bool          { return false }
func (r liveRun) RunUntil(int64)      {}
func (r liveRun) NextAt() int64       { return -1 }
func (r liveRun) Seek(int) error      { return errLive }
func (r liveRun) Events() []sim.Event { return r.live.Events.all() }

func (r liveRun) Now() (ms int64) {
	r.do(func(s *sim.Sim) { ms = s.Now() })
	return ms
}

func (r liveRun) StepCount() (n int) {
	r.do(func(s *sim.Sim) { n = s.StepCount() })
	return n
}

func (r liveRun) Snapshot() (snap sim.Snapshot) {
	r.do(func(s *sim.Sim) { snap = s.Snapshot() })
	return snap
}

func (r liveRun) SnapshotTail(tail int) (snap sim.Snapshot) {
	r.do(func(s *sim.Sim) { snap = s.SnapshotTail(tail) })
	return snap
}

func (r liveRun) Fates(group string, want sim.Fate) (out []sim.RecordFate) {
	r.do(func(s *sim.Sim) { out = s.Fates(group, want) })
	return out
}

// Apply injects a fault at the current virtual time; the server closes a
// crashed broker's connections when it settles after it. The second Do
// waits for that settle, so the fault's events are in Events on return.
func (r liveRun) Apply(cmd sim.Command) (err error) {
	r.do(func(s *sim.Sim) { err = s.Apply(cmd) })
	r.do(func(*sim.Sim) {})
	return err
}

// liveSpec is the screen's scenario for a live run: no end, no timeline.
func liveSpec(addrs []string) simrun.Spec {
	return simrun.Spec{Name: "live", Title: "Live: " + strings.Join(addrs, " "),
		Description: "Real clients on the simulated cluster; f breaks it under them."}
}

// liveNote is the footer's permanent line on a live run.
func liveNote(addrs []string) string {
	note := "live: time follows the wall clock"
	if len(addrs) > 0 {
		note += " · clients: " + addrs[0]
	}
	return note
}
