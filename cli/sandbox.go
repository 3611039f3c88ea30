package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"kafkasim/sandbox"
	"kafkasim/scenarios"
	"kafkasim/sim"
)

const sandboxScriptUsage = `Usage: kafkasim sandbox --script FILE [--brokers N] [--seed N]

Starts a simulated Kafka cluster (KRaft mode, Kafka 3.9 defaults) and runs
Kafka's own command-line tools against it, printing what the real tools
print: kafka-topics, kafka-console-producer, kafka-console-consumer,
kafka-consumer-groups and kafka-configs, with or without bin/ and .sh. The
brokers listen on localhost:9092, localhost:9093 and so on. Simulator verbs
add faults and move virtual time: crash broker 2, restart broker 2,
slow broker 1 3s, crash consumer G 1, add consumer G, step, play 10s, help.

Without --script, 'kafkasim sandbox' opens the interactive sandbox; this
runs the commands in FILE (or standard input, for --script -). Each line is a command (a trailing backslash continues it, '#'
starts a comment that is copied to the transcript); the lines after a
kafka-console-producer are its records, until a line ^D or a blank line.
The transcript shows "$ command" before each command's output and ">"
before each record. Lines starting with "hint: " are the sandbox's
explanations, not Kafka's.

Flags:
  --brokers N    how many brokers (default 3)
  --seed N       the seed of the simulation's randomness (default 1)
  --script FILE  run the commands in FILE ("-" for standard input)
  -h, --help     show this help

Exit status: 0 when the commands ran (failed Kafka commands are part of
the transcript), 2 on bad flags or an unreadable script.

Examples:
  kafkasim sandbox --script walkthrough.txt
  kafkasim sandbox --script walkthrough.txt --brokers 1 --seed 7
  echo 'kafka-topics --bootstrap-server localhost:9092 --list' | kafkasim sandbox --script -
`

// Sandbox runs "kafkasim sandbox --script FILE": Kafka's command-line
// tools against a simulated cluster, headless. Without --script (or with
// "--script -") it reads the commands from stdin, with prompts when stdin
// is a terminal.
func Sandbox(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	brokers := fs.Int("brokers", 3, "brokers")
	seed := fs.Uint64("seed", 1, "seed")
	script := fs.String("script", "", "script file")
	pos, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, sandboxScriptUsage)
		return 0
	case err != nil:
		return printUsageHint(stderr, "sandbox", err.Error())
	case len(pos) > 0:
		return printUsageHint(stderr, "sandbox", fmt.Sprintf("unexpected argument %q; give a script with --script FILE", pos[0]))
	case *brokers < 1 || *brokers > sim.MaxBrokers:
		return printUsageHint(stderr, "sandbox", fmt.Sprintf("--brokers must be between 1 and %d", sim.MaxBrokers))
	}
	s, err := sandbox.New(*brokers, *seed)
	if err != nil {
		fmt.Fprintf(stderr, "kafkasim sandbox: %v\n", err)
		return 2
	}
	in, interactive := stdin, isTerminal(stdin)
	if *script != "" && *script != "-" {
		f, err := os.Open(*script)
		if err != nil {
			fmt.Fprintf(stderr, "kafkasim sandbox: %s\n", scenarios.SanitizeLine(err.Error()))
			return 2
		}
		defer f.Close()
		in, interactive = f, false
	}
	if _, err := s.RunScript(in, stdout, interactive); err != nil {
		where := "kafkasim sandbox: "
		if *script != "" && *script != "-" {
			where += *script + ": "
		}
		fmt.Fprintf(stderr, "%s\n", scenarios.SanitizeLine(where+err.Error()))
		return 2
	}
	return 0
}

// isTerminal reports whether r is a terminal, where a learner types and
// wants prompts rather than an echo of each line.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
