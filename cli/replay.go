package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"kafkasim/replay"
	"kafkasim/scenarios"
	"kafkasim/sim"
)

const replayUsage = `Usage: kafkasim replay SCENARIO --bootstrap-server HOST:PORT [--speed X] [--on KIND=COMMAND]... [--drain DURATION]

Plays a scenario's producers and consumer groups as real Kafka clients
(franz-go) against a real cluster, then prints the delivery ledger built
from what the cluster answered beside the simulator's prediction for the
same scenario, with the differences and what explains them.

The scenario's topics are created if missing (same partitions, the
replication factor capped to the brokers the cluster has). Producers send
the same keys at the same rates with the nearest client configs; groups
commit as the scenario says. Client faults happen at the scenario's times:
a crashed consumer is abandoned without committing or leaving, a crashed
producer never hears about its batches in flight. A broker fault runs the
command given for its kind with --on, %d standing for the broker id; with
none it is skipped, and the summary says so.

Flags:
  --bootstrap-server HOST:PORT  the cluster, e.g. localhost:9092 (a comma-separated list works)
  --speed X          play X times faster than the scenario's clock (default 1);
                     client timeouts scale too, so a real broker's
                     group.min.session.timeout.ms may refuse a high X
  --on KIND=COMMAND  run COMMAND for each fault of KIND (crash-broker,
                     restart-broker, slow-broker, drop-acks, crash-controller,
                     restart-controller); repeat for several kinds
  --drain DURATION   after the scenario's end, let the groups read what is
                     still pending for up to this long (default 30s)
  -h, --help         show this help

Exit status: 0 when the replay ran, 1 when the real cluster lost an
acknowledged record the simulator did not, 2 on bad input or no cluster,
130 when stopped with Ctrl-C.

Examples:
  kafkasim replay at-least-once --bootstrap-server localhost:9092
  kafkasim replay at-most-once --bootstrap-server localhost:9092 --speed 5
  kafkasim replay replication --bootstrap-server localhost:9092 \
      --on crash-broker='docker stop kafka-%d' --on restart-broker='docker start kafka-%d'
`

// Replay runs "kafkasim replay": one scenario on a real cluster.
func Replay(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("replay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	bootstrap := fs.String("bootstrap-server", "", "HOST:PORT")
	speed := fs.Float64("speed", 1, "speed")
	drain := fs.Duration("drain", 30*time.Second, "drain")
	on := map[sim.CommandKind]string{}
	fs.Func("on", "KIND=COMMAND", func(s string) error { return replay.ParseOn(s, on) })
	pos, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		io.WriteString(stdout, replayUsage)
		return 0
	case err != nil:
		return printUsageHint(stderr, "replay", "")
	case len(pos) != 1:
		return printUsageHint(stderr, "replay", "give one scenario: a built-in name or a file")
	case *bootstrap == "":
		return printUsageHint(stderr, "replay", "--bootstrap-server HOST:PORT: which cluster?")
	case *speed <= 0 || *speed > 1000:
		return printUsageHint(stderr, "replay", "--speed: "+strconv.FormatFloat(*speed, 'g', -1, 64)+" is not between 0 and 1000")
	case *drain < 0:
		return printUsageHint(stderr, "replay", "--drain: must not be negative")
	}
	sc, err := scenarios.Load(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	fmt.Fprintf(stdout, "replaying %s on %s at x%g\n\n", sc.Name, *bootstrap, *speed)
	res, err := replay.Run(ctx, sc, replay.Options{Bootstrap: strings.Split(*bootstrap, ","), Speed: *speed,
		OnFault: on, Drain: *drain, Log: stdout})
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "kafkasim replay: stopped")
		return 130
	}
	if err != nil {
		fmt.Fprintf(stderr, "kafkasim replay: %s\n", scenarios.Sanitize(err.Error()))
		return 2
	}
	res.Print(stdout)
	if res.LostUnpredicted() {
		return 1
	}
	return 0
}
