package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

const runUsage = `Usage: kafkasim run SCENARIO [--seed N] [--until DURATION] [--budget DURATION] [--json] [--quiet]

Runs a scenario without the interactive screen: the cluster, its clients
and the scenario's timeline of faults play out in virtual time, as fast as
the machine allows. SCENARIO is a built-in name (see 'kafkasim list') or a
.toml file.

Prints the narrated event log (time, event, why it happened), then a
summary: what each producer sent and got acknowledged, what each group
processed exactly once, twice or never (lost, or skipped by its own
choice), and whether each of the scenario's expectations held. The same
scenario and seed always print the same bytes.

Flags:
  --seed N           use seed N instead of the scenario's own
  --until DURATION   run this long in virtual time (e.g. 90s, 2m) instead of
                     the scenario's duration
  --budget DURATION  run a scenario estimated to take up to this much machine
                     time (default 2m); a larger one is refused before it
                     starts, with what makes it large
  --json             print JSON Lines: one object per event, then a last
                     {"type": "summary", ...} line with the digest
  --quiet            print only the summary
  -h, --help         show this help

On a terminal a run that takes more than a second shows a progress bar
on stderr; Ctrl-C stops it and prints the summary of what ran.

Exit status: 0 when every expectation holds, 1 when one fails, 2 on bad
input, 130 when stopped with Ctrl-C.

Examples:
  kafkasim run at-least-once
  kafkasim run acks --seed 42
  kafkasim run exactly-once --json > trace.jsonl
  kafkasim run my-scenario.toml --until 2m --quiet
`

// Run runs "kafkasim run": one scenario, headless.
func Run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	seed := fs.Uint64("seed", 0, "seed")
	until := fs.String("until", "", "virtual duration")
	asJSON := fs.Bool("json", false, "JSON Lines")
	quiet := fs.Bool("quiet", false, "summary only")
	budget := fs.String("budget", "", "machine time")
	pos, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, runUsage)
		return 0
	case err != nil:
		return printUsageHint(stderr, "run", "")
	case len(pos) == 0:
		return printUsageHint(stderr, "run", "which scenario? give a built-in name or a file")
	case len(pos) > 1:
		return printUsageHint(stderr, "run", fmt.Sprintf("one scenario at a time, got %d", len(pos)))
	}
	opts := scenarios.RunOptions{Seed: *seed, HasSeed: flagWasSet(fs, "seed"), JSON: *asJSON, Quiet: *quiet}
	if *until != "" {
		ms, err := parseVirtualDuration(*until)
		if err != nil {
			return printUsageHint(stderr, "run", "--until: "+err.Error())
		}
		opts.UntilMs = ms
	}
	if *budget != "" {
		b, err := parseBudget(*budget)
		if err != nil {
			return printUsageHint(stderr, "run", "--budget: "+err.Error())
		}
		opts.Budget = b
	}

	sc, err := scenarios.Load(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	untilMs := sc.DurationMs
	if opts.UntilMs > 0 {
		untilMs = opts.UntilMs
	}
	watch := newRunWatch(stderr, sc.EstimateCost(untilMs).Time())
	opts.Progress = watch.progress
	res, err := scenarios.Run(sc, opts, watch.output(stdout))
	watch.close()
	if err != nil {
		fmt.Fprintf(stderr, "kafkasim run: %s\n", scenarios.Sanitize(err.Error()))
		return 2
	}
	if res.Interrupted {
		fmt.Fprintf(stderr, "kafkasim run: stopped at %s of %s of virtual time; the summary covers what ran\n",
			sim.FormatMs(res.EndMs), sim.FormatMs(untilMs))
		return 130
	}
	if !res.OK() {
		return 1
	}
	return 0
}

// parseBudget reads --budget: a duration of machine time up to
// scenarios.MaxBudget.
func parseBudget(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		return 0, fmt.Errorf("%q is not a duration: write e.g. 10m or 2h", s)
	case d <= 0:
		return 0, fmt.Errorf("%q must be more than 0s", s)
	case d > scenarios.MaxBudget:
		return 0, fmt.Errorf("%q is more than the most allowed, a week (168h)", s)
	}
	return d, nil
}

// parseVirtualDuration reads a Go duration as whole milliseconds of
// virtual time, within the scenario limit.
func parseVirtualDuration(s string) (int64, error) {
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		return 0, fmt.Errorf("%q is not a duration: write e.g. 90s or 2m", s)
	case d <= 0:
		return 0, fmt.Errorf("%q must be more than 0s", s)
	case d%time.Millisecond != 0:
		return 0, fmt.Errorf("%q is not a whole number of milliseconds", s)
	case d.Milliseconds() > scenarios.MaxDurationMs:
		return 0, fmt.Errorf("%q is longer than the limit of %s", s, time.Duration(scenarios.MaxDurationMs)*time.Millisecond)
	}
	return d.Milliseconds(), nil
}
