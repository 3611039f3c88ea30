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

	"kafkasim/scenarios"
	"kafkasim/ui"
)

const frameUsage = `Usage: kafkasim frame SCENARIO --at DURATION [--size WxH] [--focus PANE] [--seed N] [--budget DURATION]

Prints one frame of the simulator screen, as 'kafkasim play SCENARIO'
draws it after playing to DURATION of virtual time: for screenshots, bug
reports and tests. The same scenario, seed, time and size always print the
same bytes. SCENARIO is a built-in name (see 'kafkasim list') or a .toml
file.

The frame is in ANSI colours (24-bit, for a dark background), or plain
text when the NO_COLOR environment variable is set and not empty
(https://no-color.org).

Flags:
  --at DURATION      the virtual time of the frame (e.g. 35s, 1m30s)
  --size WxH         the terminal's size in cells (default 120x36)
  --focus PANE       the focused pane: cluster, logs, producers, groups,
                     ledger or narration (default: the screen's own)
  --seed N           use seed N instead of the scenario's own
  --budget DURATION  play a scenario estimated to take up to this much machine
                     time (default 2m)
  -h, --help         show this help

Exit status: 0 when the frame is printed, 2 on bad input.

Examples:
  kafkasim frame at-least-once --at 35s
  kafkasim frame leader-failover --at 20s --size 80x24 --focus logs
  NO_COLOR=1 kafkasim frame my-scenario.toml --at 1m > frame.txt
`

// frameSizes bound --size: the smallest terminal the screen can draw
// anything on, and a large monitor's.
const (
	minFrameSide  = 10
	maxFrameWidth = 500
	maxFrameRows  = 200
)

// Frame runs "kafkasim frame": one rendered frame of the simulator screen.
func Frame(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("frame", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	at := fs.String("at", "", "virtual time")
	size := fs.String("size", "120x36", "terminal size")
	focus := fs.String("focus", "", "focused pane")
	seed := fs.Uint64("seed", 0, "seed")
	budget := fs.String("budget", "", "machine time")
	pos, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, frameUsage)
		return 0
	case err != nil:
		return printUsageHint(stderr, "frame", "")
	case len(pos) == 0:
		return printUsageHint(stderr, "frame", "which scenario? give a built-in name or a file")
	case len(pos) > 1:
		return printUsageHint(stderr, "frame", fmt.Sprintf("one scenario at a time, got %d", len(pos)))
	case *at == "":
		return printUsageHint(stderr, "frame", "--at is needed: the virtual time of the frame, e.g. --at 35s")
	}
	opts := ui.FrameOptions{Scenario: pos[0], Focus: *focus, Color: os.Getenv("NO_COLOR") == ""}
	if opts.AtMs, err = parseFrameTime(*at); err != nil {
		return printUsageHint(stderr, "frame", "--at: "+err.Error())
	}
	if opts.Width, opts.Height, err = parseSize(*size); err != nil {
		return printUsageHint(stderr, "frame", "--size: "+err.Error())
	}
	if *focus != "" && !slices.Contains(ui.FramePanes(), *focus) {
		return printUsageHint(stderr, "frame", fmt.Sprintf("--focus: no pane %s: pick from %s",
			visibleText(*focus), strings.Join(ui.FramePanes(), ", ")))
	}
	if flagWasSet(fs, "seed") {
		opts.Seed = seed
	}
	var limit = scenarios.DefaultBudget
	if *budget != "" {
		if limit, err = parseBudget(*budget); err != nil {
			return printUsageHint(stderr, "frame", "--budget: "+err.Error())
		}
	}
	sc, err := scenarios.Load(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if err := sc.CheckBudget(opts.AtMs, limit); err != nil {
		fmt.Fprintf(stderr, "kafkasim frame: %s\n", scenarios.Sanitize(err.Error()))
		return 2
	}
	frame, err := ui.Frame(opts)
	if err != nil {
		fmt.Fprintf(stderr, "kafkasim frame: %s\n", scenarios.Sanitize(err.Error()))
		return 2
	}
	fmt.Fprintln(stdout, frame)
	return 0
}

// parseFrameTime reads --at: a duration of virtual time from 0 up to the
// scenario limit, in whole milliseconds.
func parseFrameTime(s string) (int64, error) {
	if s == "0" || s == "0s" {
		return 0, nil
	}
	return parseVirtualDuration(s)
}

// parseSize reads --size: "120x36" (or with ×).
func parseSize(s string) (w, h int, err error) {
	ws, hs, ok := strings.Cut(strings.ReplaceAll(strings.ToLower(s), "×", "x"), "x")
	if ok {
		w, err = strconv.Atoi(ws)
		if err == nil {
			h, err = strconv.Atoi(hs)
		}
	}
	switch {
	case !ok || err != nil:
		return 0, 0, fmt.Errorf("%s is not a size: write WIDTHxHEIGHT, e.g. 120x36", visibleText(s))
	case w < minFrameSide || h < minFrameSide || w > maxFrameWidth || h > maxFrameRows:
		return 0, 0, fmt.Errorf("%s is out of range: %d to %d columns, %d to %d rows",
			visibleText(s), minFrameSide, maxFrameWidth, minFrameSide, maxFrameRows)
	}
	return w, h, nil
}
