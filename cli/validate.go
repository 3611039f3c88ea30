package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"kafkasim/scenarios"
)

const validateUsage = `Usage: kafkasim validate FILE...

Checks scenario files without running them and reports every mistake in
each, one a line, as FILE:LINE: KEY: message (hint: ...). A FILE may also
be a built-in scenario name. Unknown keys, wrong types, brokers, consumers
or topics that do not exist, impossible replication factors and runs too
large for the machine are all errors. A scenario estimated to take more
machine time than the budget (2m unless --budget says more) is an error
too, naming what makes it large.

Flags:
  --budget DURATION  the machine time a run may take, as for kafkasim run
  -h, --help         show this help

Exit status: 0 when every file is valid, 2 when any is not.

Examples:
  kafkasim validate my-scenario.toml
  kafkasim validate scenarios/*.toml
  kafkasim validate at-least-once
`

// Validate runs "kafkasim validate": it parses each file, builds its
// simulation without running it, and prints what is wrong.
func Validate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	budgetFlag := fs.String("budget", "", "machine time")
	files, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, validateUsage)
		return 0
	case err != nil:
		return printUsageHint(stderr, "validate", "")
	case len(files) == 0:
		return printUsageHint(stderr, "validate", "no files given")
	}
	var budget time.Duration
	if *budgetFlag != "" {
		if budget, err = parseBudget(*budgetFlag); err != nil {
			return printUsageHint(stderr, "validate", "--budget: "+err.Error())
		}
	}
	code := 0
	for _, f := range files {
		sc, err := scenarios.Load(f)
		if err == nil {
			// The engine checks the whole configuration once more.
			_, err = sc.NewSim(sc.Seed)
		}
		if err == nil {
			err = sc.CheckBudget(sc.DurationMs, budget)
		}
		if err != nil {
			fmt.Fprintln(stderr, scenarios.Sanitize(err.Error()))
			code = 2
			continue
		}
		fmt.Fprintf(stdout, "%s: ok: %s\n", scenarios.SanitizeLine(f), sc.Title)
	}
	return code
}
