package cli

import (
	"fmt"
	"io"
	"runtime/debug"

	"kafkasim/sim"
)

// Version is kafkasim's version. Release builds set it with
// -ldflags "-X kafkasim/cli.Version=v1.2.3"; otherwise it is the module
// version Go recorded at build time (go install kafkasim@v1.2.3), or "dev".
var Version = ""

const versionUsage = `Usage: kafkasim version

Prints kafkasim's version and the Apache Kafka release it models: the
defaults, rules and tool output follow that release. 'kafkasim --version'
prints the same.

Flags:
  -h, --help   show this help

Examples:
  kafkasim version
  kafkasim --version
`

// version returns Version, or what the build recorded, or "dev".
func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// PrintVersion runs "kafkasim version" and "kafkasim --version".
func PrintVersion(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 1 && isHelpFlag(args[0]):
		fmt.Fprint(stdout, versionUsage)
		return 0
	case len(args) > 0:
		return printUsageHint(stderr, "version", "version takes no arguments")
	}
	fmt.Fprintf(stdout, "kafkasim %s (models Apache Kafka %s)\n", version(), sim.KafkaVersion)
	return 0
}

// isHelpFlag reports the spellings of --help the flag package accepts.
func isHelpFlag(a string) bool {
	return a == "-h" || a == "--help" || a == "-help" || a == "--h"
}
