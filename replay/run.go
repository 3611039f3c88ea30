package replay

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// Options says how a replay goes.
type Options struct {
	Bootstrap []string // host:port of one or more brokers
	// Speed scales the scenario's clock: 2 plays a 50s scenario in 25s.
	// Client durations (processing, linger, session timeout...) scale too.
	Speed float64
	// OnFault maps a broker fault kind to a command line ("%d" = broker id).
	OnFault map[sim.CommandKind]string
	// Drain is how long, after the scenario's end, the groups may go on
	// reading what is still pending before the ledger is taken.
	Drain time.Duration
	// Log receives the narration as the replay goes; nil discards it.
	Log io.Writer
	// ClientOpts are added to every client (tests, TLS, SASL).
	ClientOpts []kgo.Opt
	// Shell runs a fault command; nil runs it with sh -c.
	Shell func(ctx context.Context, line string) ([]byte, error)
}

// Result is a replay's outcome beside the simulator's prediction.
type Result struct {
	Predicted sim.LedgerSummary // scenarios.Run for the same scenario and seed
	Real      sim.LedgerSummary // built from what the real cluster answered
	Notes     []string          // configs mapped loosely or not at all, topics reshaped
	Skipped   []string          // faults that did not happen on the real cluster
	Ran       []string          // broker fault commands that ran
	// AtRisk counts, per group committing by hand, the records processed
	// in a batch no commit covered (a crash mid-batch, a commit refused in
	// a rebalance): at-least-once allows only these to be processed twice.
	AtRisk map[string]int
}

// Run replays sc against the cluster and returns both ledgers. The error
// is for what stopped the replay (no cluster, a topic that could not be
// made); client-side errors during the run are part of the ledger.
func Run(ctx context.Context, sc *scenarios.Scenario, opts Options) (Result, error) {
	var res Result
	if n := recordedRequests(sc); n > 0 {
		return res, fmt.Errorf("%s is a recorded live session (%d client requests): its clients were your own programs, "+
			"so there is nothing here for replay to run as franz-go clients; 'kafkasim run %s' plays it in the simulator, "+
			"and pointing those programs at the real cluster replays it there", sc.Name, n, sc.File)
	}
	pred, err := scenarios.Run(sc, scenarios.RunOptions{Quiet: true}, io.Discard)
	if err != nil {
		return res, err
	}
	res.Predicted = pred.Snapshot.Ledger
	if opts.Speed <= 0 {
		opts.Speed = 1
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Shell == nil {
		opts.Shell = shell
	}
	base := append([]kgo.Opt{kgo.SeedBrokers(opts.Bootstrap...)}, opts.ClientOpts...)
	adm, err := newAdmin(base)
	if err != nil {
		return res, err
	}
	defer adm.close()
	notes, err := adm.ensureTopics(ctx, sc.Config.Topics)
	if err != nil {
		return res, err
	}
	res.Notes = append(res.Notes, notes...)

	r := &replayer{sc: sc, opts: opts, base: base, obs: newObserved(), groups: map[string][]*member{}, res: &res, admin: adm}
	if err := r.play(ctx); err != nil {
		return res, err
	}
	view, err := adm.view(ctx, sc.Config.Topics, sc.Config.Groups)
	if err != nil {
		return res, err
	}
	res.Real = r.obs.ledger(r.producerConfigs(), sc.Config.Groups, view)
	res.AtRisk = r.obs.riskCounts()
	return res, nil
}

// logf writes one narration line at virtual time ms, in the layout of the
// simulator's text trace.
func logf(w io.Writer, ms int64, kind, format string, args ...any) {
	t := scenarios.Seconds(ms)
	fmt.Fprintf(w, "%10s  %-24s%s\n", t, kind, fmt.Sprintf(format, args...))
}

// recordedRequests counts the client-request entries an exported live
// session is made of; a scenario written by hand has none.
func recordedRequests(sc *scenarios.Scenario) int {
	n := 0
	for _, it := range sc.Timeline {
		if it.Cmd.Kind == sim.CmdClientRequest {
			n++
		}
	}
	return n
}
