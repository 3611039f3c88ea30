package scenarios

import (
	"bufio"
	"io"
	"time"

	"kafkasim/sim"
)

// RunOptions says how a headless run goes.
type RunOptions struct {
	Seed    uint64 // used when HasSeed is set
	HasSeed bool   // override the scenario's seed (--seed)
	UntilMs int64  // run this long instead of the scenario's duration (--until); 0 = duration
	JSON    bool   // JSON Lines instead of text (--json)
	Quiet   bool   // only the summary (--quiet)
	// Budget is the estimated machine time the run may take (--budget);
	// 0 is DefaultBudget. See EstimateCost.
	Budget time.Duration
	// Progress, when set, is called every few thousand engine steps with how
	// far the run is. Returning false stops the run there, as Ctrl-C does:
	// the summary then covers what ran and Result.Interrupted is set.
	Progress func(Progress) bool
}

// Progress is how far a run is.
type Progress struct {
	NowMs, UntilMs int64
	Acked          int64 // records acknowledged so far
	Events         int
}

// CheckResult is one expectation's outcome.
type CheckResult struct {
	OK     bool
	Line   int    // where the [[expect]] block starts
	Detail string // "group inventory: duplicated = 3, want > 0"
}

// Result is the outcome of a headless run.
type Result struct {
	Scenario string
	Seed     uint64
	EndMs    int64
	Digest   string // sha256 of the event stream: equal runs, equal digests
	Events   int
	// Snapshot is the cluster at the end, without the logs' last records:
	// the expectations and the summary read counts and sizes, and rendering
	// the records (a generated value can be kilobytes) was a few percent of
	// a large run.
	Snapshot sim.Snapshot
	Checks   []CheckResult
	Passed   int
	Failed   int
	// Interrupted is set when Progress stopped the run before its end.
	Interrupted bool
}

// OK reports whether every expectation held.
func (r Result) OK() bool { return r.Failed == 0 }

// flushEvery is how many steps run between writes of new events, so a long
// run prints as it goes without a write per event. Few: the events kept
// until written then fit in a small array that stays in cache. At 4096
// steps the array grew to a megabyte or more, and the fresh pages it took
// on the way made a printed run cost twice a quiet one.
const flushEvery = 256

// Run plays a scenario headless to its end (or opts.UntilMs), writing the
// event log and a summary to stdout, and checks its expectations. Output is
// deterministic byte for byte for a given scenario, seed and options. The
// error is for bad input or a failed write; failed expectations are in
// the Result.
func Run(sc *Scenario, opts RunOptions, stdout io.Writer) (Result, error) {
	seed := sc.Seed
	if opts.HasSeed {
		seed = opts.Seed
	}
	untilMs := sc.DurationMs
	if opts.UntilMs > 0 {
		untilMs = opts.UntilMs
	}
	if err := sc.CheckLimits(untilMs); err != nil {
		return Result{}, err
	}
	if err := sc.CheckBudget(untilMs, opts.Budget); err != nil {
		return Result{}, err
	}
	s, err := sc.NewSim(seed)
	if err != nil {
		return Result{}, err
	}
	if opts.Quiet {
		s.DiscardEvents() // only the summary is printed
	}
	w := bufio.NewWriter(stdout)
	out := newEventWriter(w, opts)
	next, interrupted := 0, false
	for steps := 1; s.NextAt() >= 0 && s.NextAt() <= untilMs; steps++ {
		s.Step()
		if steps%flushEvery == 0 {
			next = out.events(s.EventsSince(next), next)
			s.ForgetEventsBefore(next) // written out: no need to keep them
			at := Progress{NowMs: s.Now(), UntilMs: untilMs, Acked: s.AckedRecords(), Events: s.EventCount()}
			if opts.Progress != nil && !opts.Progress(at) {
				interrupted = true
				break
			}
		}
	}
	if !interrupted {
		s.RunUntil(untilMs)
	}
	next = out.events(s.EventsSince(next), next)

	res := Result{Scenario: sc.Name, Seed: seed, EndMs: s.Now(), Digest: s.Digest(), Events: s.EventCount(), Snapshot: s.SnapshotTail(0),
		Interrupted: interrupted}
	for _, e := range sc.Expects {
		ok, detail := e.Check(res.Snapshot)
		res.Checks = append(res.Checks, CheckResult{OK: ok, Line: e.Line, Detail: detail})
		if ok {
			res.Passed++
		} else {
			res.Failed++
		}
	}
	if opts.JSON {
		writeJSONSummary(w, sc, res)
	} else {
		writeTextSummary(w, sc, res, opts.Quiet)
	}
	return res, w.Flush()
}

// eventWriter prints events as text or JSON Lines, or nothing when quiet.
type eventWriter struct {
	w    *bufio.Writer
	opts RunOptions
	buf  []byte
}

func newEventWriter(w *bufio.Writer, opts RunOptions) *eventWriter {
	return &eventWriter{w: w, opts: opts}
}

// events writes a batch and returns the sequence number after it.
func (ew *eventWriter) events(evs []sim.Event, next int) int {
	for i := range evs {
		e := &evs[i]
		if !ew.opts.Quiet {
			if ew.opts.JSON {
				ew.buf = appendEventJSON(ew.buf[:0], *e)
			} else {
				ew.buf = appendEventText(ew.buf[:0], e)
			}
			ew.w.Write(ew.buf)
		}
	}
	return next + len(evs)
}
