package wire

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/sim"
)

// TestLiveTransactionSurvivesCoordinatorCrash: a kgo consume-transform-
// produce session (read_committed, offsets committed in the transaction)
// is mid-transaction, outputs sent but not committed, when the broker that
// is its transaction coordinator (and leads some partitions) crashes. The
// transaction state lives in the replicated __transaction_state log, so
// the coordinator that takes over (TransactionCoordinator.onElection loads
// it) ends the transaction the client asks for, or the client aborts and
// rewinds to its last committed offsets. Either way read_committed sees
// every input's output exactly once and no committed offset is lost.
func TestLiveTransactionSurvivesCoordinatorCrash(t *testing.T) {
	srv := startLive(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	createTopic(t, ctx, srv, 3, "orders", "receipts")
	const n = 600
	in, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.DefaultProduceTopic("orders"),
		kgo.ProducerBatchCompression(kgo.NoCompression()))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	for i := range n {
		in.Produce(ctx, &kgo.Record{Key: []byte(fmt.Sprintf("order-%d", i))}, nil)
	}
	if err := in.Flush(ctx); err != nil {
		t.Fatal(err)
	}

	sess, err := kgo.NewGroupTransactSession(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID("xform"),
		kgo.TransactionalID("xform-tx"), kgo.ConsumerGroup("xform"), kgo.ConsumeTopics("orders"),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()), kgo.FetchIsolationLevel(kgo.ReadCommitted()),
		kgo.DefaultProduceTopic("receipts"), kgo.ProducerBatchCompression(kgo.NoCompression()),
		kgo.HeartbeatInterval(300*time.Millisecond), kgo.FetchMaxPartitionBytes(2000))
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	done, crashed, aborted := 0, 0, 0
	for done < n && ctx.Err() == nil {
		recs := sess.PollFetches(ctx).Records()
		if len(recs) == 0 {
			continue
		}
		if err := sess.Begin(); err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			sess.Produce(ctx, &kgo.Record{Key: r.Key, Value: []byte("receipt")}, nil)
		}
		if crashed == 0 && done >= n/3 {
			srv.Do(func(s *sim.Sim) {
				crashed = s.GroupCoordinator("xform-tx")
				if err := s.Apply(sim.Command{Kind: sim.CmdCrashBroker, Broker: crashed}); err != nil {
					t.Error(err)
				}
			})
		}
		committed, err := sess.End(ctx, kgo.TryCommit)
		switch {
		case err != nil:
			t.Logf("End after the crash: %v", err)
			aborted++
		case committed:
			done += len(recs)
		default:
			aborted++ // aborted: the session rewound to its last committed offsets
		}
	}
	if crashed == 0 {
		t.Fatal("the coordinator was never crashed")
	}
	t.Logf("crashed broker %d mid-transaction; %d transactions aborted", crashed, aborted)
	// The broker comes back (its port listens again) before the checks,
	// whose clients bootstrap from every broker.
	srv.Do(func(s *sim.Sim) {
		if err := s.Apply(sim.Command{Kind: sim.CmdRestartBroker, Broker: crashed}); err != nil {
			t.Error(err)
		}
	})

	checkTransformedOnce(t, ctx, srv, n)
}
