package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"time"

	"kafkasim/scenarios"
	"kafkasim/sim"
	"kafkasim/ui"
	"kafkasim/wire"
)

const serveUsage = `Usage: kafkasim serve [SCENARIO] [--brokers N] [--listen HOST:PORT] [--speed X] [--headless] [--seed N] [--for DURATION] [--export FILE]

Runs a simulated cluster that real Kafka clients connect to over the Kafka
protocol: kcat, franz-go, the Java client, your own service. Every request
is decided by the simulation, at its virtual time, with the rules the
scenarios use (acks, ISR, high watermark, idempotence, rebalances).

Each simulated broker listens on its own port, consecutive from --listen:
broker 1 on the port given, broker 2 on the next, and so on; Metadata
answers advertise them, so clients reach the right broker. The virtual
clock follows the wall clock times --speed. A scenario brings its
cluster, topics, producers, groups and timeline; without one the cluster
is empty, with --brokers brokers (create topics with your admin client, or
let a producer auto-create them).

The simulator screen opens on the live run: the clients' records, groups,
rebalances and commits as they happen; f injects a fault (crash the broker
under your client) at the current virtual time. Time follows the wall
clock, so the screen cannot pause or step back. With --headless the events
are narrated on stdout instead. Stop with q (or Ctrl-C, or --for): the
delivery ledger (what each live producer got acknowledged, what each group
read once or twice) is printed then.

Served: ApiVersions, Metadata, Produce (acks 0/1/all, idempotent; gzip,
snappy, lz4, zstd; headers), Fetch, ListOffsets, OffsetsForLeaderEpoch,
FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit,
OffsetFetch, InitProducerId, CreateTopics, DeleteTopics, CreatePartitions,
DescribeConfigs, IncrementalAlterConfigs, DescribeGroups, ListGroups. Anything else is answered
UNSUPPORTED_VERSION where Kafka's answer has a place for it. Static
members (group.instance.id) keep their partitions across a restart.

Flags:
  --brokers N        brokers of an empty cluster (default 3)
  --listen HOST:PORT broker 1's address (default 127.0.0.1:9092); the host
                     is loopback unless you name another
  --speed X          virtual seconds per wall second (default 1)
  --headless         narrate the events on stdout instead of the screen
  --seed N           the simulation's seed (default the scenario's, or 1)
  --for DURATION     stop after this much wall time (e.g. 5m) instead of
                     at Ctrl-C
  --export FILE      when it stops, write the session as a scenario file
                     that replays it (x on the screen does it any time);
                     FILE must not exist yet
  -h, --help         show this help

Examples:
  kafkasim serve
  kafkasim serve --headless
  kafkasim serve at-least-once --speed 2 --headless
  kafkasim serve --brokers 5 --listen 127.0.0.1:19092 --headless
  kcat -b 127.0.0.1:9092 -L
`

// Serve runs "kafkasim serve" until Ctrl-C.
func Serve(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return serveUntil(ctx, args, stdout, stderr, nil)
}

// serveUntil serves until ctx ends; ready, if set, gets the running server.
func serveUntil(ctx context.Context, args []string, stdout, stderr io.Writer, ready func(*wire.Server)) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	brokers := fs.Int("brokers", 3, "brokers")
	listen := fs.String("listen", "127.0.0.1:9092", "address")
	speed := fs.Float64("speed", 1, "speed")
	headless := fs.Bool("headless", false, "narrate")
	seed := fs.Uint64("seed", 1, "seed")
	forText := fs.String("for", "", "wall duration")
	export := fs.String("export", "", "scenario file")
	pos, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, serveUsage)
		return 0
	case err != nil:
		return printUsageHint(stderr, "serve", "")
	case len(pos) > 1:
		return printUsageHint(stderr, "serve", fmt.Sprintf("one scenario at a time, got %d", len(pos)))
	case *brokers < 1 || *brokers > 64:
		return printUsageHint(stderr, "serve", "--brokers must be between 1 and 64")
	case *speed <= 0 || *speed > 100:
		return printUsageHint(stderr, "serve", "--speed must be above 0 and at most 100")
	case *export != "" && exists(*export):
		return printUsageHint(stderr, "serve", fmt.Sprintf("--export %s: the file exists; name a new one", *export))
	}
	var lasts time.Duration
	if *forText != "" {
		if lasts, err = time.ParseDuration(*forText); err != nil || lasts <= 0 {
			return printUsageHint(stderr, "serve", fmt.Sprintf("--for %q is not a duration like 30s or 5m", *forText))
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lasts)
		defer cancel()
	}
	host, portText, err := net.SplitHostPort(*listen)
	port, perr := strconv.Atoi(portText)
	if err != nil || perr != nil || port < 0 || port > 65535 {
		return printUsageHint(stderr, "serve", fmt.Sprintf("--listen %q is not HOST:PORT", *listen))
	}
	s, base, err := serveSim(pos, *brokers, *seed, flagWasSet(fs, "seed"))
	if err != nil {
		fmt.Fprintln(stderr, "kafkasim serve:", err)
		return 2
	}
	// Recorded for --export, and for x on the screen.
	cfg := wire.Config{Host: host, Port: port, Speed: *speed, Narrate: stdout, Record: *export != "" || !*headless}
	var events *ui.LiveEvents
	if !*headless { // the screen shows the events instead
		events = ui.NewLiveEvents()
		cfg.Narrate, cfg.Events = nil, events.Add
	}
	srv, err := wire.Start(s, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "kafkasim serve:", err)
		return 1
	}
	defer srv.Close()
	printListening(stderr, srv.Addrs(), host, *speed)
	if ready != nil {
		ready(srv)
	}
	if *headless {
		<-ctx.Done()
	} else if err := showLive(ctx, srv, events, *speed, base); err != nil {
		fmt.Fprintln(stderr, "kafkasim serve:", err)
	}
	srv.Close()
	printLiveLedger(stdout, srv)
	if *export != "" {
		if err := srv.ExportFile(base, *export); err != nil {
			fmt.Fprintln(stderr, "kafkasim serve: --export:", err)
			return 1
		}
		fmt.Fprintf(stdout, "\nwrote the session to %s: kafkasim run %s replays it\n", *export, *export)
	}
	return 0
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// serveSim builds the simulation: the scenario's (returned too, for the
// export), or an empty cluster.
func serveSim(pos []string, brokers int, seed uint64, seedSet bool) (*sim.Sim, *scenarios.Scenario, error) {
	if len(pos) == 0 {
		s, err := sim.New(sim.Config{Seed: seed, Cluster: sim.DefaultCluster(brokers)})
		return s, nil, err
	}
	sc, err := scenarios.Load(pos[0])
	if err != nil {
		return nil, nil, err
	}
	if !seedSet {
		seed = sc.Seed
	}
	s, err := sc.NewSim(seed)
	return s, sc, err
}

func printListening(w io.Writer, addrs []string, host string, speed float64) {
	for i, a := range addrs {
		fmt.Fprintf(w, "broker %d listening on %s\n", i+1, a)
	}
	if ip := net.ParseIP(host); (ip != nil && ip.IsLoopback()) || host == "localhost" {
		fmt.Fprintln(w, "bound to loopback only: clients on this machine can connect, others cannot (--listen 0.0.0.0:9092 to open it)")
	} else {
		fmt.Fprintf(w, "bound to %s: clients on other machines can connect too\n", host)
	}
	fmt.Fprintf(w, "virtual clock: ×%g the wall clock; try: kcat -b %s -L\n", speed, addrs[0])
}

// printLiveLedger prints the delivery ledger once the server has stopped.
func printLiveLedger(w io.Writer, srv *wire.Server) {
	lg := srv.Sim().Ledger()
	fmt.Fprintln(w, "\nDelivery ledger")
	for _, p := range lg.Producers {
		fmt.Fprintf(w, "  producer %s: sent %d, acked %d, failed %d, in flight %d\n", p.ID, p.Sent, p.Acked, p.Failed, p.InFlight)
	}
	for _, g := range lg.Groups {
		fmt.Fprintf(w, "  group %s: exactly once %d, duplicated %d, lost %d, skipped %d, pending %d\n",
			g.ID, g.ExactlyOnce, g.Duplicated, g.Lost, g.Skipped, g.Pending)
	}
}

// showLive opens the simulator screen on the live run until the learner
// quits or ctx ends (--for).
func showLive(ctx context.Context, srv *wire.Server, events *ui.LiveEvents, speed float64, base *scenarios.Scenario) error {
	export := func() ([]byte, error) { return srv.Export(base) }
	return ui.Run(ui.Options{Live: &ui.Live{Cluster: srv, Events: events, Addrs: srv.Addrs(), Speed: speed, Done: ctx.Done(),
		Export: export}})
}
