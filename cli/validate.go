package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"kafkasim/lessons"
	"kafkasim/scenarios"
)

const validateUsage = `Usage: kafkasim validate FILE...

Checks scenario files without running them and reports every mistake in
each, one a line, as FILE:LINE: KEY: message (hint: ...). A FILE may also
be a built-in scenario name, or a lesson file: a .md file, or any file
whose first line is +++ (Markdown with TOML front matter, as 'kafkasim
lesson FILE.md' plays it), checked the same way, its scenario included. Unknown keys, wrong types, brokers, consumers
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
  kafkasim validate my-lesson.md
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
		if looksLikeLesson(f) {
			code = max(code, validateLesson(f, stdout, stderr))
			continue
		}
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

// looksLikeLesson tells a lesson file from a scenario: a .md name, a file
// that opens with the +++ of TOML front matter (a scenario file never
// does: +++ is not TOML), or a scenario file with a [challenge] line, which
// plays as a lesson and is checked as one (its scenario part too).
func looksLikeLesson(file string) bool {
	if strings.HasSuffix(strings.ToLower(file), ".md") {
		return true
	}
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	data, _ := io.ReadAll(io.LimitReader(f, scenarios.MaxFileBytes))
	text := strings.ReplaceAll(string(data), "\r", "")
	if strings.HasPrefix(text, "+++") {
		return true
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "[challenge]" {
			return true
		}
	}
	return false
}

// validateLesson checks one lesson file as 'kafkasim lesson FILE' would
// load it, and returns 0 or 2.
func validateLesson(file string, stdout, stderr io.Writer) int {
	l, err := lessons.LoadFile(file)
	if err != nil {
		fmt.Fprintln(stderr, scenarios.Sanitize(err.Error()))
		return 2
	}
	fmt.Fprintf(stdout, "%s: ok: lesson: %s\n", scenarios.SanitizeLine(file), scenarios.SanitizeLine(l.Title))
	return 0
}
