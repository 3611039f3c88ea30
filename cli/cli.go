// Package cli is kafkasim's command line apart from the TUI: it parses the
// arguments of each command, runs it, and returns the exit code (0 fine,
// 1 an expectation or check failed, 2 bad input). Output goes to the
// writers it is given, so tests need no terminal.
package cli

import (
	"fmt"
	"io"
	"strings"

	"kafkasim/quiz"
)

// Usage is the top-level help, printed by `kafkasim --help`.
const Usage = `kafkasim: learn Apache Kafka by watching a simulated cluster.

Usage:
  kafkasim                          the home screen: lessons, scenarios, sandbox, quiz
  kafkasim play SCENARIO            open one scenario in the simulator
  kafkasim lesson N|FILE.md         open lesson N, or a lesson file of your own
  kafkasim sandbox                  a cluster of your own to break
  kafkasim run SCENARIO [flags]     run a scenario headless: event log and summary
  kafkasim frame SCENARIO --at D    print one frame of the simulator screen at virtual time D
  kafkasim validate FILE...         check scenario and lesson files, report every mistake
  kafkasim list                     list the lessons, scenarios and quiz topics
  kafkasim partition [flags] KEY... which partition each key is written to
  kafkasim assign [flags]           how an assignor shares partitions among consumers
  kafkasim quiz [flags]             questions on what you have learnt (--print: a hand-out,
                                    --bank FILE.toml: your own questions)
  kafkasim help COMMAND             help on one command
  kafkasim version                  the version, and the Kafka version it models
  kafkasim completion SHELL         a completion script for bash, zsh or fish

SCENARIO is a built-in name (see 'kafkasim list') or a .toml file.

Examples:
  kafkasim lesson 1
  kafkasim run at-least-once
  kafkasim run acks --seed 42 --json
  kafkasim validate my-scenario.toml

Run 'kafkasim COMMAND --help' for a command's flags and examples.
`

// command is one subcommand: its entry point and one line for the help.
type command func(args []string, stdout, stderr io.Writer) int

// commands maps names to entry points. Partition and Assign live in
// partition.go and assign.go; quiz.Command in package quiz.
func commands() map[string]command {
	return map[string]command{
		"run":       Run,
		"frame":     Frame,
		"validate":  Validate,
		"list":      List,
		"partition": Partition,
		"assign":    Assign,
		"quiz":      quiz.Command,
	}
}

// Main runs one kafkasim command. args excludes the program name; the
// interactive commands (no arguments, play) are main's, not this package's.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, Usage)
		return 2
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, Usage)
		return 0
	case "version", "--version", "-version":
		return PrintVersion(rest, stdout, stderr)
	case "completion":
		return Completion(rest, stdout, stderr)
	case "__complete": // hidden: what the completion scripts call
		return completeCommand(rest, stdout)
	case "help":
		if len(rest) == 0 {
			fmt.Fprint(stdout, Usage)
			return 0
		}
		if cmd, ok := commands()[rest[0]]; ok {
			return cmd([]string{"--help"}, stdout, stderr)
		}
		if usage, ok := interactiveUsage[rest[0]]; ok {
			fmt.Fprint(stdout, usage)
			return 0
		}
		if usage, ok := completionArgs[rest[0]]; ok {
			fmt.Fprint(stdout, usage)
			return 0
		}
		name = rest[0]
	default:
		if cmd, ok := commands()[name]; ok {
			return cmd(rest, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "kafkasim: unknown command %q\n", name)
	if s := nearestCommand(name); s != "" {
		fmt.Fprintf(stderr, "Did you mean 'kafkasim %s'?\n", s)
	}
	fmt.Fprintln(stderr, "Run 'kafkasim --help' for the list of commands.")
	return 2
}

// nearestCommand suggests a command for a typo: one that starts with what
// was typed, or that it starts with.
func nearestCommand(typed string) string {
	if typed == "" {
		return ""
	}
	for _, c := range []string{"run", "frame", "validate", "list", "partition", "assign", "quiz", "play", "lesson", "sandbox", "version", "completion"} {
		if strings.HasPrefix(c, typed) || strings.HasPrefix(typed, c) {
			return c
		}
	}
	return ""
}
