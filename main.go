// Command kafkasim teaches Apache Kafka with a deterministic simulation of a
// cluster: an interactive terminal UI (no arguments, or play), and command
// line tools (run, validate, list, partition, assign, quiz). See
// 'kafkasim --help'.
package main

import (
	"os"

	"kafkasim/cli"
	"kafkasim/scenarios"
)

func main() {
	args := os.Args[1:]
	if len(args) == 0 || args[0] == "play" {
		os.Exit(play(args))
	}
	os.Exit(cli.Main(args, os.Stdout, os.Stderr))
}

// play starts the interactive simulator, on a scenario when one is named.
//
// TODO(lead): switch to the TUI once package ui is ready:
//
//	ui.Run(ui.Options{Scenario: name, Seed: seed})
//
// Until then it runs the scenario headless and prints its narrated events
// (the first built-in scenario when none is named); flags after the name
// are those of 'kafkasim run'.
func play(args []string) int {
	if len(args) > 1 {
		return cli.Run(args[1:], os.Stdout, os.Stderr)
	}
	return cli.Run([]string{scenarios.Names()[0]}, os.Stdout, os.Stderr)
}
