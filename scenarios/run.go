package scenarios

import (
	"bufio"
	"io"

	"kafkasim/sim"
)

// RunOptions says how a headless run goes.
type RunOptions struct {
	Seed    uint64 // used when HasSeed is set
	HasSeed bool   // override the scenario's seed (--seed)
	UntilMs int64  // run this long instead of the scenario's duration (--until); 0 = duration
	JSON    bool   // JSON Lines instead of text (--json)
	Quiet   bool   // only the summary (--quiet)
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
	Snapshot sim.Snapshot // the cluster at the end
	Checks   []CheckResult
	Passed   int
	Failed   int
}

// OK reports whether every expectation held.
func (r Result) OK() bool { return r.Failed == 0 }

// flushEvery is how many steps run between writes of new events, so a long
// run prints as it goes without a write per event.
const flushEvery = 4096

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
	s, err := sc.NewSim(seed)
	if err != nil {
		return Result{}, err
	}
	w := bufio.NewWriter(stdout)
	out := newEventWriter(w, opts)
	next := 0
	for steps := 1; s.NextAt() >= 0 && s.NextAt() <= untilMs; steps++ {
		s.Step()
		if steps%flushEvery == 0 {
			next = out.events(s.EventsSince(next), next)
			s.ForgetEventsBefore(next) // written out: no need to keep them
		}
	}
	s.RunUntil(untilMs)
	next = out.events(s.EventsSince(next), next)

	res := Result{Scenario: sc.Name, Seed: seed, EndMs: s.Now(), Digest: s.Digest(), Events: next, Snapshot: s.Snapshot()}
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
	for _, e := range evs {
		if !ew.opts.Quiet {
			if ew.opts.JSON {
				ew.buf = appendEventJSON(ew.buf[:0], e)
			} else {
				ew.buf = appendEventText(ew.buf[:0], e)
			}
			ew.w.Write(ew.buf)
		}
	}
	return next + len(evs)
}
