package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"kafkasim/lessons"
	"kafkasim/quiz"
	"kafkasim/scenarios"
)

const listUsage = `Usage: kafkasim list

Lists what is built in, one a line with a short description: the lessons
(in teaching order), the scenarios (for 'kafkasim run' and 'kafkasim
play') and the quiz topics.

Flags:
  -h, --help   show this help

Examples:
  kafkasim list
  kafkasim list | grep -i offset
`

// List runs "kafkasim list".
func List(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	rest, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, listUsage)
		return 0
	case err != nil:
		return printUsageHint(stderr, "list", "")
	case len(rest) > 0:
		return printUsageHint(stderr, "list", "list takes no arguments")
	}
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "Lessons (kafkasim, then pick one)")
	for _, l := range lessons.List() {
		fmt.Fprintf(tw, "  %d\t%s\t%s\n", l.Number, scenarios.SanitizeLine(l.Title), scenarios.SanitizeLine(l.Summary))
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\nScenarios (kafkasim run NAME, kafkasim play NAME)")
	for _, sc := range scenarios.Catalog() {
		fmt.Fprintf(tw, "  %s\t%s\n", sc.Name, sc.Title)
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\nQuiz topics (kafkasim quiz)")
	for _, t := range quiz.Topics() {
		fmt.Fprintf(stdout, "  %s\n", scenarios.SanitizeLine(t))
	}
	return 0
}
