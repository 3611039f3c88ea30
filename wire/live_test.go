package wire

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/sim"
)

// liveSpeed runs the virtual clock twice as fast as the wall clock, so
// the timeouts a failover waits for pass in seconds.
const liveSpeed = 2

// startLive serves an empty cluster of n brokers on loopback ports.
func startLive(t *testing.T, n int) *Server { return startNarrated(t, n, nil) }

// startNarrated is startLive with the narration written to w.
func startNarrated(t *testing.T, n int, w io.Writer) *Server {
	t.Helper()
	cl := sim.DefaultCluster(n)
	// group.initial.rebalance.delay.ms: Kafka's default of 3s only slows a test down.
	cl.GroupInitialRebalanceDelayMs = 300
	// broker.session.timeout.ms: the controller fences a crashed broker and
	// moves its leaderships after 3s instead of Kafka's default 9s.
	cl.BrokerSessionTimeoutMs = 3000
	s, err := sim.New(sim.Config{Seed: 7, Cluster: cl})
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Speed: liveSpeed, Narrate: w}
	if os.Getenv("KAFKASIM_WIRE_NARRATE") != "" {
		cfg.Narrate = os.Stderr // narrate the run while debugging
	}
	srv, err := Start(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

// cuttable is a client's network: cut closes its connections and refuses
// new ones, so the client dies as a crashed process would (no LeaveGroup,
// no commit).
type cuttable struct {
	mu    sync.Mutex
	conns []net.Conn
	cut   bool
}

func (c *cuttable) dial(ctx context.Context, network, host string) (net.Conn, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cut {
		return nil, errors.New("crashed")
	}
	var d net.Dialer
	nc, err := d.DialContext(ctx, network, host)
	if err == nil {
		c.conns = append(c.conns, nc)
	}
	return nc, err
}

func (c *cuttable) crash() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cut = true
	for _, nc := range c.conns {
		nc.Close()
	}
}

// consumed is what the consumers' application saw: per key, how often.
type consumed struct {
	mu     sync.Mutex
	seen   map[string]int
	byPart map[string]map[int32]int // client -> partition -> records
}

func (c *consumed) add(client string, r *kgo.Record) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[string(r.Key)]++
	if c.byPart[client] == nil {
		c.byPart[client] = map[int32]int{}
	}
	c.byPart[client][r.Partition]++
}

func (c *consumed) distinct() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.seen)
}

func (c *consumed) repeats() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, k := range c.seen {
		n += k - 1
	}
	return n
}

func waitFor(t *testing.T, what string, within time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func leaderOf(srv *Server, topic string, part int) int {
	leader := 0
	srv.Do(func(s *sim.Sim) {
		mt, _ := s.MetaTopics([]string{topic})
		leader = mt[0].Partitions[part].Leader
	})
	return leader
}

func consumerClient(t *testing.T, srv *Server, id string, net *cuttable, assigned *atomic.Int64) *kgo.Client {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID(id), kgo.ConsumerGroup("billing"),
		kgo.ConsumeTopics("orders"), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()), kgo.DisableAutoCommit(),
		kgo.SessionTimeout(6*time.Second), kgo.HeartbeatInterval(300*time.Millisecond), kgo.Dialer(net.dial),
		kgo.RetryTimeout(time.Minute), kgo.MetadataMinAge(200*time.Millisecond), kgo.OnPartitionsAssigned(func(context.Context, *kgo.Client, map[string][]int32) {
			assigned.Add(1)
		}))
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

// consume polls, processes (records what it saw) and then commits what it
// processed, until ctx ends. crashAt, when it returns true after a batch
// is processed, crashes the client before that batch's commit.
func consume(ctx context.Context, cl *kgo.Client, id string, seen *consumed, crashAt func() bool, crash func()) {
	for ctx.Err() == nil {
		fs := cl.PollFetches(ctx)
		recs := fs.Records()
		for _, r := range recs {
			seen.add(id, r)
		}
		if len(recs) > 0 && crashAt != nil && crashAt() {
			crash()
			return
		}
		if len(recs) > 0 {
			_ = cl.CommitRecords(ctx, recs...)
		}
	}
}

// TestLiveClientsSurviveLeaderAndConsumerCrashes drives the simulated
// cluster with franz-go's own clients: an idempotent acks=all producer
// sends 10,000 records while a leader crashes under it, and a group of two
// consumers commits after processing while one of them crashes.
// Kafka's promises checked: no acknowledged record is lost (acks=all with
// min.insync.replicas=2 and a clean election from the ISR), an idempotent
// producer's retries after the failover write no duplicates
// (ProducerStateManager), and a consumer crash before its commit makes the
// next owner read the uncommitted records again (at-least-once).
func TestLiveClientsSurviveLeaderAndConsumerCrashes(t *testing.T) {
	srv := startLive(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()

	admin, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	adm := kadm.NewClient(admin)
	if _, err := adm.CreateTopics(ctx, 3, 3, map[string]*string{"min.insync.replicas": strp("2")}, "orders"); err != nil {
		t.Fatal(err)
	}

	prod, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID("checkout"),
		kgo.ProducerBatchCompression(kgo.NoCompression()), kgo.RequiredAcks(kgo.AllISRAcks()),
		kgo.ProducerLinger(5*time.Millisecond), kgo.RecordDeliveryTimeout(time.Minute),
		// Look up a new leader soon after a failure (kgo waits 5s by default).
		kgo.MetadataMinAge(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer prod.Close()

	seen := &consumed{seen: map[string]int{}, byPart: map[string]map[int32]int{}}
	var net1, net2 cuttable
	var assigned atomic.Int64
	c1 := consumerClient(t, srv, "c1", &net1, &assigned)
	c2 := consumerClient(t, srv, "c2", &net2, &assigned)
	defer c2.Close()
	defer func() { go c1.Close() }() // its network is cut: do not wait for its LeaveGroup
	cctx, stop := context.WithCancel(ctx)
	defer stop()
	var wg sync.WaitGroup
	c1Crashed := make(chan struct{})
	wg.Add(2)
	go func() {
		defer wg.Done()
		crashAt := func() bool { return seen.distinct() >= 4000 }
		consume(cctx, c1, "c1", seen, crashAt, func() { net1.crash(); close(c1Crashed) })
	}()
	go func() { defer wg.Done(); consume(cctx, c2, "c2", seen, nil, nil) }()

	waitFor(t, "both consumers to get partitions", 30*time.Second, func() bool { return assigned.Load() >= 2 })

	const total = 10000
	var done sync.WaitGroup
	var nAcked atomic.Int64
	var mu sync.Mutex
	var failures []error
	send := func(from, to int) {
		for i := from; i < to; i++ {
			done.Add(1)
			r := &kgo.Record{Topic: "orders", Key: fmt.Appendf(nil, "k%05d", i), Value: fmt.Appendf(nil, "v%d", i)}
			prod.Produce(ctx, r, func(_ *kgo.Record, err error) {
				if err != nil {
					mu.Lock()
					failures = append(failures, err)
					mu.Unlock()
				}
				nAcked.Add(1)
				done.Done()
			})
		}
	}
	send(0, total/2)
	waitFor(t, "3,000 acks", 30*time.Second, func() bool { return nAcked.Load() >= 3000 })
	victim := victimPartition(srv, "orders", "billing")
	crashedLeader := leaderOf(srv, "orders", victim)
	srv.Do(func(s *sim.Sim) {
		if err := s.Apply(sim.Command{Kind: sim.CmdCrashBroker, Broker: crashedLeader}); err != nil {
			t.Error(err)
		}
	})
	send(total/2, total)
	done.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d sends failed, first: %v", len(failures), failures[0])
	}
	if l := leaderOf(srv, "orders", victim); l == crashedLeader || l <= 0 {
		t.Fatalf("orders-%d still led by %d after broker %d crashed", victim, l, crashedLeader)
	}

	select {
	case <-c1Crashed:
	case <-ctx.Done():
		t.Fatal("c1 never got to its crash point")
	}
	// c1 may crash on its last batch: wait for c2 to take its partitions
	// over, which re-reads that uncommitted batch.
	waitFor(t, "the group to read every record, and c2 to own all partitions", 60*time.Second, func() bool {
		seen.mu.Lock()
		c2parts := len(seen.byPart["c2"])
		seen.mu.Unlock()
		return seen.distinct() == total && c2parts == 3
	})
	stop()
	wg.Wait()

	var lg sim.LedgerSummary
	srv.Do(func(s *sim.Sim) { lg = s.Ledger() })
	t.Logf("ledger: %+v; application repeats %d", lg, seen.repeats())
	g := groupLedger(t, lg, "billing")
	if g.Lost != 0 || g.Pending != 0 {
		t.Errorf("group billing: lost %d, pending %d; want 0 and 0", g.Lost, g.Pending)
	}
	if g.ExactlyOnce+g.Duplicated != total {
		t.Errorf("group billing read %d distinct records, want %d", g.ExactlyOnce+g.Duplicated, total)
	}
	// Every record the application saw twice the broker handed out twice;
	// the broker also counts records c1 had fetched but not yet handed to
	// the application.
	if reps := seen.repeats(); reps == 0 || g.Duplicated < reps {
		t.Errorf("application saw %d repeats, ledger %d duplicates; want repeats > 0 and duplicates >= repeats", reps, g.Duplicated)
	}
	if lg.LogDuplicates != 0 {
		t.Errorf("the idempotent producer's retries left %d duplicates in the log", lg.LogDuplicates)
	}
	p := producerLedger(t, lg, "checkout")
	if p.Failed != 0 || p.InFlight != 0 {
		t.Errorf("producer checkout: failed %d, in flight %d; want 0", p.Failed, p.InFlight)
	}
	seen.mu.Lock()
	after := seen.byPart["c2"]
	seen.mu.Unlock()
	if len(after) != 3 {
		t.Errorf("after c1 crashed, c2 read partitions %v; want all three", after)
	}
}

// victimPartition picks a partition whose leader is neither the active
// controller nor the group's coordinator, so the crash tests the
// producer's and consumers' failover to a new partition leader alone.
func victimPartition(srv *Server, topic, group string) int {
	victim := 0
	srv.Do(func(s *sim.Sim) {
		mt, _ := s.MetaTopics([]string{topic})
		for _, p := range mt[0].Partitions {
			if p.Leader != s.ActiveController() && p.Leader != s.GroupCoordinator(group) {
				victim = p.ID
				return
			}
		}
	})
	return victim
}

func strp(s string) *string { return &s }

func groupLedger(t *testing.T, lg sim.LedgerSummary, id string) sim.GroupLedger {
	for _, g := range lg.Groups {
		if g.ID == id {
			return g
		}
	}
	t.Fatalf("no group %s in the ledger", id)
	return sim.GroupLedger{}
}

func producerLedger(t *testing.T, lg sim.LedgerSummary, id string) sim.ProducerLedger {
	for _, p := range lg.Producers {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("no producer %s in the ledger", id)
	return sim.ProducerLedger{}
}
