package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"kafkasim/lessons"
	"kafkasim/quiz"
	"kafkasim/scenarios"
)

const playUsage = `Usage: kafkasim play SCENARIO [--seed N] [--no-motion]

Opens a scenario in the interactive simulator: watch the cluster, step
through it, inject faults. SCENARIO is a built-in name (see 'kafkasim
list') or a .toml file.

Flags:
  --seed N     use seed N instead of the scenario's own
  --no-motion  no animation: every change shows at once, highlighted
  -h, --help   show this help

Examples:
  kafkasim play at-least-once
  kafkasim play acks --seed 42
`

const lessonUsage = `Usage: kafkasim lesson N|FILE.md [--seed N] [--no-motion]

Opens lesson N (numbered from 1; see 'kafkasim list'): read it, watch its
scenario stop where it matters, predict what happens, then pass its
challenge. Progress is saved in the state directory.

FILE.md is a lesson of your own, in the format of the built-in lessons
(the README shows a complete example). It is checked first, as 'kafkasim
validate FILE.md' does; its progress is kept under a key made from its
absolute path, apart from the built-in lessons'.

Flags:
  --seed N     run the lesson's scenarios with seed N instead of their own
  --no-motion  no animation: every change shows at once, highlighted
  -h, --help   show this help

Examples:
  kafkasim lesson 1
  kafkasim lesson 10 --seed 7
  kafkasim lesson my-lesson.md
`

const sandboxUsage = `Usage: kafkasim sandbox [--brokers N] [--script FILE]

Opens a cluster of your own in the simulator, with a command line for
Kafka's own tools (kafka-topics, the console producer and consumer,
kafka-consumer-groups, kafka-configs). With --script, runs a file of those
commands instead, without the interactive screen ('kafkasim sandbox
--script --help' tells more).

Flags:
  --brokers N    brokers in the cluster (default 3)
  --script FILE  run the commands in FILE and print what they print
  -h, --help     show this help

Examples:
  kafkasim sandbox
  kafkasim sandbox --brokers 5
  kafkasim sandbox --script setup.txt
`

// Launch is what the terminal UI should open, read from the command line.
type Launch struct {
	Scenario string // play: a built-in name or a file
	Lesson   int    // lesson: its number
	// LessonFile is a lesson file from disk (`kafkasim lesson FILE.md`),
	// already checked.
	LessonFile string
	Quiz       bool
	// QuizTopic, with Quiz, starts a quiz on this topic tag (or several,
	// comma-separated) instead of the quiz menu.
	QuizTopic string
	// QuizBank, with Quiz, asks the questions of this bank file instead of
	// the built-in bank; it is already checked.
	QuizBank string
	Sandbox  bool
	Brokers  int // sandbox: 0 means the default
	Seed     *uint64
	// NoMotion turns animation off (--no-motion).
	NoMotion bool
}

// interactiveUsage is the help of the commands that open the UI.
var interactiveUsage = map[string]string{"play": playUsage, "lesson": lessonUsage, "sandbox": sandboxUsage}

// Dispatch runs a kafkasim command line (args without the program name).
// For the interactive commands (none, play, lesson, quiz without --print,
// sandbox without --script) it runs nothing and returns ui = true with what
// to open; otherwise it runs the command and returns ui = false and its
// exit code.
func Dispatch(args []string, stdin io.Reader, stdout, stderr io.Writer) (open Launch, ui bool, code int) {
	if len(args) == 0 {
		return Launch{}, true, 0
	}
	rest := args[1:]
	var err error
	switch args[0] {
	case "play":
		open, err = parsePlay(rest, stderr)
	case "lesson":
		open, err = parseLesson(rest, stderr)
	case "quiz":
		if slices.ContainsFunc(rest, isQuizCommandFlag) {
			return Launch{}, false, quiz.Command(rest, stdout, stderr) // print mode, its flags and help
		}
		open, err = parseQuiz(rest, stderr)
	case "sandbox":
		if slices.ContainsFunc(rest, func(a string) bool { return a == "--script" || a == "-script" || strings.HasPrefix(a, "--script=") }) {
			return Launch{}, false, Sandbox(rest, stdin, stdout, stderr) // headless: cli/sandbox.go
		}
		open, err = parseSandbox(rest, stderr)
	default:
		return Launch{}, false, Main(args, stdout, stderr)
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, interactiveUsage[args[0]])
		return Launch{}, false, 0
	case err != nil:
		if msg := err.Error(); msg != "" {
			fmt.Fprintf(stderr, "kafkasim %s: %s\n", args[0], msg)
		}
		fmt.Fprintf(stderr, "Run 'kafkasim %s --help' for usage and examples.\n", args[0])
		return Launch{}, false, 2
	}
	return open, true, 0
}

// errReported is a flag error the flag package has already printed.
var errReported = errors.New("")

// newLaunchFlags is a flag set that prints its own errors and no usage.
func newLaunchFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args with a --seed flag and returns the positional
// arguments.
func parseFlags(fs *flag.FlagSet, args []string, open *Launch) ([]string, error) {
	seed := fs.Uint64("seed", 0, "seed")
	noMotion := fs.Bool("no-motion", false, "no animation")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, errReported
	}
	if flagWasSet(fs, "seed") {
		open.Seed = seed
	}
	open.NoMotion = *noMotion
	return pos, nil
}

func parsePlay(args []string, stderr io.Writer) (Launch, error) {
	var open Launch
	pos, err := parseFlags(newLaunchFlags("play", stderr), args, &open)
	switch {
	case err != nil:
		return open, err
	case len(pos) != 1:
		return open, errors.New("give one scenario: a built-in name (see 'kafkasim list') or a .toml file")
	}
	if _, err := scenarios.Load(pos[0]); err != nil {
		return open, err
	}
	open.Scenario = pos[0]
	return open, nil
}

func parseLesson(args []string, stderr io.Writer) (Launch, error) {
	var open Launch
	pos, err := parseFlags(newLaunchFlags("lesson", stderr), args, &open)
	switch {
	case err != nil:
		return open, err
	case len(pos) != 1:
		return open, fmt.Errorf("give one lesson number, 1 to %d, or a lesson file (.md, or a scenario .toml with a [challenge])", len(lessons.All()))
	}
	if isLessonFile(pos[0]) {
		if _, err := lessons.LoadFile(pos[0]); err != nil {
			return open, fmt.Errorf("%s cannot be played:\n%s", scenarios.SanitizeLine(pos[0]), scenarios.Sanitize(err.Error()))
		}
		open.LessonFile = pos[0]
		return open, nil
	}
	n, err := strconv.Atoi(pos[0])
	if err == nil {
		_, err = lessons.Get(n)
	}
	if err != nil {
		return open, fmt.Errorf("no lesson %s: give a number from 1 to %d, or a lesson file (.md, or a scenario .toml with a [challenge])", visibleText(pos[0]), len(lessons.All()))
	}
	open.Lesson = n
	return open, nil
}

// isLessonFile tells a lesson file from a lesson number: a Markdown name,
// or anything that is not a number and exists on disk.
func isLessonFile(arg string) bool {
	if strings.HasSuffix(strings.ToLower(arg), ".md") {
		return true
	}
	if _, err := strconv.Atoi(arg); err == nil {
		return false
	}
	_, err := os.Stat(arg)
	return err == nil
}

func parseQuiz(args []string, stderr io.Writer) (Launch, error) {
	open := Launch{Quiz: true}
	fs := newLaunchFlags("quiz", stderr)
	topic := fs.String("topic", "", "topic")
	bank := fs.String("bank", "", "question bank file")
	pos, err := parseFlags(fs, args, &open)
	switch {
	case err != nil:
		return open, err
	case len(pos) > 0:
		return open, fmt.Errorf("unexpected argument %s", visibleText(pos[0]))
	}
	for _, t := range strings.Split(*topic, ",") {
		if t = strings.TrimSpace(t); t != "" && !quiz.KnownTopic(t) {
			return open, fmt.Errorf("no quiz topic %s: pick from %s", visibleText(t), strings.Join(quiz.Topics(), ", "))
		}
	}
	if *bank != "" {
		if _, err := quiz.LoadBankFile(*bank); err != nil {
			return open, fmt.Errorf("the question bank %s has mistakes:\n%s", scenarios.SanitizeLine(*bank), scenarios.Sanitize(err.Error()))
		}
		open.QuizBank = *bank
	}
	open.QuizTopic = *topic
	return open, nil
}

func parseSandbox(args []string, stderr io.Writer) (Launch, error) {
	open := Launch{Sandbox: true}
	fs := newLaunchFlags("sandbox", stderr)
	brokers := fs.Int("brokers", 3, "brokers")
	pos, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return open, err
	case err != nil:
		return open, errReported
	case len(pos) > 0:
		return open, fmt.Errorf("unexpected argument %s", visibleText(pos[0]))
	case *brokers < 1 || *brokers > maxSandboxBrokers:
		return open, fmt.Errorf("--brokers must be 1 to %d", maxSandboxBrokers)
	}
	open.Brokers = *brokers
	return open, nil
}

// maxSandboxBrokers keeps the cluster drawable.
const maxSandboxBrokers = 9

// isQuizCommandFlag reports the flags that belong to the quiz's print
// mode (package quiz), and help, which describes both modes. --topic,
// --seed and --bank serve both: without --print they shape the interactive
// quiz.
func isQuizCommandFlag(a string) bool {
	for _, f := range []string{"print", "no-answers", "generated", "h", "help"} {
		if a == "-"+f || a == "--"+f || strings.HasPrefix(a, "-"+f+"=") || strings.HasPrefix(a, "--"+f+"=") {
			return true
		}
	}
	return false
}
