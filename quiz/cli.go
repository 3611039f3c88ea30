package quiz

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"kafkasim/scenarios"
)

const usage = `Usage: kafkasim quiz [--bank FILE.toml] [--print [--topic T[,T...]] [--no-answers] [--generated N] [--seed S]]

Without --print the quiz opens in the terminal UI, on the topics --topic
names if it is given.

  --bank FILE     ask the questions in FILE (the format of the built-in
                  bank, [[question]] tables) instead of the built-in
                  ones; a mistake in it is reported as FILE:LINE: KEY:
                  message and nothing is asked. Answers to these
                  questions are not saved in your quiz progress.
  --print         write the questions as Markdown to standard output
  --topic T       only these topic tags (comma-separated); see below
  --no-answers    leave out answers and explanations (a test sheet)
  --generated N   add N questions generated from the simulator's code
                  (at most 1000)
  --seed S        seed for generated questions and step order (default 1)
  --help          show this help

Topics: %s
`

// Command runs "kafkasim quiz" with args (not including "quiz"). It
// returns the exit code: 0 on success, 2 on a usage error. The terminal UI
// runs the quiz without --print (cli.Dispatch sends it there); called
// without --print, Command says so and returns 2.
func Command(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quiz", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported below, with a hint
	printMode := fs.Bool("print", false, "")
	topic := fs.String("topic", "", "")
	noAnswers := fs.Bool("no-answers", false, "")
	generated := fs.Int("generated", 0, "")
	seed := fs.Uint64("seed", 1, "")
	bankFile := fs.String("bank", "", "")
	help := fmt.Sprintf(usage, strings.Join(topicTags, ", "))

	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, help)
		return 0
	case err != nil:
		return fail(stderr, err.Error(), "run kafkasim quiz --help for the flags")
	case fs.NArg() > 0:
		return fail(stderr, fmt.Sprintf("unexpected argument %q", fs.Arg(0)), "the quiz takes only flags; see kafkasim quiz --help")
	case *generated < 0:
		return fail(stderr, "--generated must be 0 or more", "for example --generated 10")
	case *generated > MaxGenerated:
		return fail(stderr, fmt.Sprintf("--generated %d is more than the limit of %d", *generated, MaxGenerated),
			fmt.Sprintf("ask for at most %d; different --seed values give different questions", MaxGenerated))
	}
	var topics []string
	if *topic != "" {
		for _, t := range strings.Split(*topic, ",") {
			topics = append(topics, strings.TrimSpace(t))
		}
		if err := checkTopics(topics); err != nil {
			return fail(stderr, err.Error(), "pass one or more of the known topics, comma-separated")
		}
	}
	if !*printMode {
		fmt.Fprintln(stderr, "kafkasim quiz: --no-answers and --generated shape the Markdown hand-out: add --print; "+
			"without them, 'kafkasim quiz [--topic T] [--seed S]' opens the quiz in the terminal UI")
		return 2
	}
	var bank []Question
	if *bankFile != "" {
		if bank, err = LoadBankFile(*bankFile); err != nil {
			fmt.Fprintln(stderr, scenarios.Sanitize(err.Error()))
			return 2
		}
	}
	err = Print(stdout, PrintOptions{Topics: topics, NoAnswers: *noAnswers, Generated: *generated, Seed: *seed, Bank: bank})
	if err != nil {
		return fail(stderr, err.Error(), "check --topic and --generated")
	}
	return 0
}

// fail reports a usage error and returns the exit code for it.
func fail(stderr io.Writer, msg, hint string) int {
	fmt.Fprintf(stderr, "kafkasim quiz: %s\n  hint: %s\n", msg, hint)
	return 2
}
