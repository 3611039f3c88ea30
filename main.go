// Command kafkasim teaches Apache Kafka with a deterministic simulation of a
// cluster: an interactive terminal UI (no arguments, play, lesson, quiz,
// sandbox), and command line tools (run, validate, list, partition, assign,
// quiz --print, version, completion). See 'kafkasim --help'.
package main

import (
	"fmt"
	"os"

	"kafkasim/cli"
	"kafkasim/state"
	"kafkasim/ui"
)

func main() {
	open, interactive, code := cli.Dispatch(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if !interactive {
		os.Exit(code)
	}
	os.Exit(runUI(open))
}

// runUI opens the terminal UI on what the command line asked for, with
// progress kept in the state directory.
func runUI(open cli.Launch) int {
	opts := ui.Options{Scenario: open.Scenario, Lesson: open.Lesson, LessonFile: open.LessonFile,
		Quiz: open.Quiz, QuizTopic: open.QuizTopic, QuizBank: open.QuizBank,
		Sandbox: open.Sandbox, Brokers: open.Brokers, Seed: open.Seed, NoMotion: open.NoMotion}
	dir, err := state.Dir()
	if err != nil {
		opts.Warnings = append(opts.Warnings, "progress will not be saved: "+err.Error())
	}
	opts.StateDir = dir
	if err := ui.Run(opts); err != nil {
		fmt.Fprintln(os.Stderr, "kafkasim:", err)
		return 1
	}
	return 0
}
