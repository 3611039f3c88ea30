package wire

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// eventLog collects a live run's events as the server hands them out.
type eventLog struct {
	mu     sync.Mutex
	events []sim.Event
}

func (l *eventLog) add(batch []sim.Event) {
	l.mu.Lock()
	l.events = append(l.events, batch...)
	l.mu.Unlock()
}

// startRecorded serves an empty cluster of n brokers and records the session.
func startRecorded(t *testing.T, n int, events *eventLog) *Server {
	t.Helper()
	cl := sim.DefaultCluster(n)
	cl.GroupInitialRebalanceDelayMs = 300
	cl.BrokerSessionTimeoutMs = 3000
	s, err := sim.New(sim.Config{Seed: 11, Cluster: cl})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := Start(s, Config{Speed: liveSpeed, Record: true, Events: events.add})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

// TestExportedSessionReplaysTheSameRun records a session of franz-go
// clients (an admin creating a topic, an idempotent acks=all producer, a
// group of three consumers committing after processing, one of which
// dies before a commit, a broker crashed under them from outside, one
// consumer leaving), exports it as a
// scenario, and runs the file headless: the engine must take the same
// decisions, so the ledger and every event (time and narration) match the
// live run's.
func TestExportedSessionReplaysTheSameRun(t *testing.T) {
	events := &eventLog{}
	srv := startRecorded(t, 3, events)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	admin, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := kadm.NewClient(admin).CreateTopics(ctx, 3, 3, map[string]*string{"min.insync.replicas": strp("2")}, "orders"); err != nil {
		t.Fatal(err)
	}
	prod, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID("checkout"),
		kgo.RequiredAcks(kgo.AllISRAcks()), kgo.ProducerLinger(5*time.Millisecond), kgo.MetadataMinAge(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer prod.Close()
	const total = 300
	sendAll := func(from, to int) {
		for i := from; i < to; i++ {
			r := &kgo.Record{Topic: "orders", Key: fmt.Appendf(nil, "k%03d", i), Value: fmt.Appendf(nil, "v%d", i)}
			if err := prod.ProduceSync(ctx, r).FirstErr(); err != nil {
				t.Fatal(err)
			}
		}
	}
	seen := &consumed{seen: map[string]int{}, byPart: map[string]map[int32]int{}}
	var net3 cuttable
	newConsumer := func(id string) *kgo.Client {
		dial := (&cuttable{}).dial
		if id == "c3" {
			dial = net3.dial
		}
		cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID(id), kgo.ConsumerGroup("billing"), kgo.Dialer(dial),
			kgo.ConsumeTopics("orders"), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()), kgo.DisableAutoCommit(),
			kgo.SessionTimeout(6*time.Second), kgo.HeartbeatInterval(300*time.Millisecond),
			kgo.FetchMaxWait(300*time.Millisecond), kgo.MetadataMinAge(200*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		return cl
	}
	c1, c2, c3 := newConsumer("c1"), newConsumer("c2"), newConsumer("c3")
	defer func() { go c3.Close() }() // its network is cut: do not wait for it
	cctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for _, c := range []struct {
		cl *kgo.Client
		id string
	}{{c1, "c1"}, {c2, "c2"}, {c3, "c3"}} {
		wg.Add(1)
		crashAt := func() bool { return c.id == "c3" } // c3 dies after its first batch, before committing it
		go func() { defer wg.Done(); consume(cctx, c.cl, c.id, seen, crashAt, net3.crash) }()
	}
	sendAll(0, total/2)
	victim := victimPartition(srv, "orders", "billing")
	crashed := leaderOf(srv, "orders", victim)
	srv.Do(func(s *sim.Sim) {
		if err := s.Apply(sim.Command{Kind: sim.CmdCrashBroker, Broker: crashed}); err != nil {
			t.Error(err)
		}
	})
	sendAll(total/2, total)
	// c3's partition goes to c1 or c2 after its session timeout, and they
	// read again what c3 had not committed.
	waitFor(t, "the group to read every record, some twice", 40*time.Second, func() bool {
		return seen.distinct() == total && seen.repeats() > 0
	})
	stop()
	wg.Wait()
	c1.Close() // leaves the group (LeaveGroup): c2 is alone
	srv.Close()

	data, err := srv.Export(nil)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("KAFKASIM_EXPORT_DUMP") != "" {
		_ = os.WriteFile(os.Getenv("KAFKASIM_EXPORT_DUMP"), data, 0o644)
	}
	live := srv.Sim().Ledger()
	liveNow := srv.Sim().Now()
	t.Logf("live ledger at %dms: %+v; file %d bytes", liveNow, live, len(data))

	for _, want := range []string{`do = "crash-broker"` + fmt.Sprintf("\nbroker = %d\nlate = true", crashed),
		`do = "answer-fetch"`, `request = "CreateTopics v`, `request = "JoinGroup v`, `request = "LeaveGroup v`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the exported file has no %q", want)
		}
	}
	sc, err := scenarios.Parse("live-seed11.toml", data)
	if err != nil {
		t.Fatalf("the exported file does not load: %v", err)
	}
	s, err := sc.NewSim(sc.Seed)
	if err != nil {
		t.Fatal(err)
	}
	s.RunUntil(sc.DurationMs)
	replayed := s.Ledger()
	if !reflect.DeepEqual(live, replayed) {
		t.Fatalf("replayed ledger differs:\n live %+v\n file %+v", live, replayed)
	}
	if p := producerLedger(t, replayed, "checkout"); p.Acked != total {
		t.Errorf("producer checkout: acked %d, want %d", p.Acked, total)
	}
	if g := groupLedger(t, replayed, "billing"); g.ExactlyOnce+g.Duplicated != total || g.Lost != 0 || g.Duplicated == 0 {
		t.Errorf("group billing: %+v; want all %d read, none lost, c3's uncommitted batch twice", g, total)
	}
	compareEvents(t, events.events, s.Events())
	playWithSeeks(t, sc, replayed)
}

// playWithSeeks plays the file as kafkasim play does (sim.Run, with its
// checkpoints): stepping back to the middle and forward again, and a
// what-if fork from the middle, both end with the same ledger, so the
// live state is copied with each checkpoint and never shared.
func playWithSeeks(t *testing.T, sc *scenarios.Scenario, want sim.LedgerSummary) {
	t.Helper()
	cfg := sc.Config
	cfg.Seed = sc.Seed
	run, err := sim.NewRun(cfg, sc.Timeline)
	if err != nil {
		t.Fatal(err)
	}
	run.RunUntil(sc.DurationMs)
	end := run.Sim().StepCount()
	if got := run.Sim().Ledger(); !reflect.DeepEqual(got, want) {
		t.Fatalf("played ledger differs:\n play %+v\n run  %+v", got, want)
	}
	run.Seek(end / 2)
	fork := run.Fork()
	run.RunUntil(sc.DurationMs)
	fork.RunUntil(sc.DurationMs)
	for name, r := range map[string]*sim.Run{"after a step back": run, "a fork from the middle": fork} {
		if got := r.Sim().Ledger(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s the ledger differs:\n got  %+v\n want %+v", name, got, want)
		}
	}
}

// compareEvents checks the replay told the same story at the same times.
func compareEvents(t *testing.T, live, replayed []sim.Event) {
	t.Helper()
	if len(live) != len(replayed) {
		t.Errorf("live run had %d events, the replay %d", len(live), len(replayed))
	}
	for i := range min(len(live), len(replayed)) {
		a, b := live[i], replayed[i]
		if a.AtMs != b.AtMs || a.Type != b.Type || a.Why() != b.Why() {
			t.Fatalf("event %d differs:\n live   %s %s\n replay %s %s", i, sim.FormatMs(a.AtMs), a.Why(), sim.FormatMs(b.AtMs), b.Why())
		}
	}
}
