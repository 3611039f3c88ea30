package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"kafkasim/sim"
)

const partitionUsage = `Usage: kafkasim partition --partitions N [--json] KEY...

Shows which partition each key is written to, as the Java producer's
default partitioner decides for a record with a non-null key:

    partition = toPositive(murmur2(key)) % N      toPositive(n) = n & 0x7fffffff

murmur2 is Kafka's 32-bit MurmurHash2 of the key's bytes. Records with a
null key are not hashed: they stay on one partition until a batch is sent.
Adding partitions changes N, so existing keys can move to another partition.

Flags:
  --partitions N   the topic's partition count (required, at least 1)
  --json           print JSON instead of a table
  -h, --help       show this help

Flags may come before or after the keys; put -- before a key that starts
with a dash.

Examples:
  kafkasim partition --partitions 6 order-1 order-2 order-3
  kafkasim partition user-42 --partitions 12 --json
  kafkasim partition --partitions 3 -- -negative-looking-key
`

// Partition runs "kafkasim partition": for each key it prints the murmur2
// hash and the partition the Java client picks. It returns the exit code:
// 0, or 2 for bad input.
func Partition(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("partition", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // --help goes to stdout, below
	numPartitions := fs.Int("partitions", 0, "the topic's partition count")
	asJSON := fs.Bool("json", false, "print JSON")
	keys, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, partitionUsage)
		return 0
	case err != nil: // the flag package has printed it
		return printUsageHint(stderr, "partition", "")
	case !flagWasSet(fs, "partitions"):
		return printUsageHint(stderr, "partition", "--partitions N is required: the topic's partition count")
	case *numPartitions < 1:
		return printUsageHint(stderr, "partition", fmt.Sprintf("--partitions must be at least 1, got %d", *numPartitions))
	case len(keys) == 0:
		return printUsageHint(stderr, "partition", "no keys given")
	}

	out := partitionReport{Partitions: *numPartitions, Results: []partitionResult{}}
	for _, key := range keys {
		out.Results = append(out.Results, partitionResult{
			Key:       key,
			Murmur2:   sim.Murmur2([]byte(key)),
			Partition: sim.PartitionForKey([]byte(key), *numPartitions),
		})
	}
	if *asJSON {
		return encodeJSONIndented(stdout, stderr, out)
	}
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tMURMUR2\tPARTITION")
	for _, r := range out.Results {
		fmt.Fprintf(tw, "%s\t%d\t%d\n", visibleText(r.Key), r.Murmur2, r.Partition)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "\npartition = (murmur2 & 0x7fffffff) %% %d\n", out.Partitions)
	return 0
}

// partitionReport is the --json output of Partition.
type partitionReport struct {
	Partitions int               `json:"partitions"`
	Results    []partitionResult `json:"results"`
}

type partitionResult struct {
	Key       string `json:"key"`
	Murmur2   int32  `json:"murmur2"`
	Partition int    `json:"partition"`
}

// parseInterspersed parses fs from args, letting flags come after
// positional arguments too (the flag package stops at the first one).
// Everything after a "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		// Parse stops at a non-flag, or just after a "--" it consumed.
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// flagWasSet reports whether the flag was given on the command line.
func flagWasSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// printUsageHint prints a one-line error (unless msg is empty: the flag package
// already printed it) and a pointer to the help, and returns exit code 2.
func printUsageHint(stderr io.Writer, cmd, msg string) int {
	if msg != "" {
		fmt.Fprintf(stderr, "kafkasim %s: %s\n", cmd, msg)
	}
	fmt.Fprintf(stderr, "Run 'kafkasim %s --help' for usage and examples.\n", cmd)
	return 2
}

// encodeJSONIndented prints v indented. encoding/json escapes control characters,
// so untrusted strings are safe in it.
func encodeJSONIndented(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(stderr, "kafkasim: writing JSON: %v\n", err)
		return 1
	}
	return 0
}

// visibleText renders untrusted text for a terminal. Plain text is shown
// as is; text that is empty, has spaces, control or format characters,
// invalid UTF-8, or starts with a quote is shown Go-quoted, so nothing
// raw reaches the terminal and no two keys look alike.
func visibleText(s string) string {
	if s == "" || strings.HasPrefix(s, `"`) {
		return strconv.Quote(s)
	}
	for _, r := range s {
		if r == unicode.ReplacementChar || r == ' ' || !unicode.IsPrint(r) {
			return strconv.Quote(s)
		}
	}
	return s
}
