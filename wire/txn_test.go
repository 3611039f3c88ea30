package wire

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/sim"
)

func createTopic(t *testing.T, ctx context.Context, srv *Server, parts int32, names ...string) {
	t.Helper()
	admin, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := kadm.NewClient(admin).CreateTopics(ctx, parts, 3, nil, names...); err != nil {
		t.Fatal(err)
	}
}

// readUntil reads topic from the start with the given isolation level
// until a record with key last arrives, and returns the keys read.
func readUntil(t *testing.T, ctx context.Context, srv *Server, topic string, iso kgo.IsolationLevel, last string) []string {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ConsumeTopics(topic),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()), kgo.FetchIsolationLevel(iso))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	var keys []string
	for ctx.Err() == nil {
		for _, r := range cl.PollFetches(ctx).Records() {
			keys = append(keys, string(r.Key))
			if string(r.Key) == last {
				return keys
			}
		}
	}
	t.Fatalf("%s never reached %s: read %d records", topic, last, len(keys))
	return nil
}

func countPrefix(keys []string, prefix string) int {
	n := 0
	for _, k := range keys {
		if strings.HasPrefix(k, prefix) {
			n++
		}
	}
	return n
}

// transact runs one transaction of n records keyed prefix-i and ends it.
func transact(t *testing.T, ctx context.Context, cl *kgo.Client, prefix string, n int, commit kgo.TransactionEndTry) {
	t.Helper()
	if err := cl.BeginTransaction(); err != nil {
		t.Fatal(err)
	}
	recs := make([]*kgo.Record, n)
	for i := range recs {
		recs[i] = &kgo.Record{Key: []byte(fmt.Sprintf("%s-%d", prefix, i)), Value: []byte("v")}
	}
	if err := cl.ProduceSync(ctx, recs...).FirstErr(); err != nil {
		t.Fatal(err)
	}
	if err := cl.EndTransaction(ctx, commit); err != nil {
		t.Fatal(err)
	}
}

// TestLiveTransactionCommitAndAbort: a kgo transactional producer commits
// one transaction and aborts another. Kafka's rules checked (KIP-98;
// TransactionCoordinator.handleEndTransaction writes the markers): a
// read_committed consumer sees the committed records and none of the
// aborted ones, a read_uncommitted consumer sees both.
func TestLiveTransactionCommitAndAbort(t *testing.T) {
	srv := startLive(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	createTopic(t, ctx, srv, 1, "payments")
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID("payer"), kgo.TransactionalID("payer-tx"),
		kgo.DefaultProduceTopic("payments"), kgo.ProducerBatchCompression(kgo.NoCompression()))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	const committed, aborted = 200, 50
	transact(t, ctx, cl, "paid", committed, kgo.TryCommit)
	transact(t, ctx, cl, "void", aborted, kgo.TryAbort)
	transact(t, ctx, cl, "end", 1, kgo.TryCommit) // a committed record after the aborted ones

	rc := readUntil(t, ctx, srv, "payments", kgo.ReadCommitted(), "end-0")
	if got := countPrefix(rc, "paid-"); got != committed {
		t.Errorf("read_committed saw %d committed records, want %d", got, committed)
	}
	if got := countPrefix(rc, "void-"); got != 0 {
		t.Errorf("read_committed saw %d records of the aborted transaction, want 0", got)
	}
	ru := readUntil(t, ctx, srv, "payments", kgo.ReadUncommitted(), "end-0")
	if got := countPrefix(ru, "paid-") + countPrefix(ru, "void-"); got != committed+aborted {
		t.Errorf("read_uncommitted saw %d records, want %d (aborted ones included)", got, committed+aborted)
	}
}

// TestLiveTransactionFencesOldInstance: a second producer with the same
// transactional.id bumps the epoch (TransactionCoordinator
// .handleInitProducerId), so the first one's transaction is refused.
func TestLiveTransactionFencesOldInstance(t *testing.T) {
	srv := startLive(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	createTopic(t, ctx, srv, 1, "ledger")
	newProducer := func() *kgo.Client {
		cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.TransactionalID("bank-tx"),
			kgo.DefaultProduceTopic("ledger"), kgo.ProducerBatchCompression(kgo.NoCompression()))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(cl.Close)
		return cl
	}
	old := newProducer()
	transact(t, ctx, old, "old", 5, kgo.TryCommit)
	transact(t, ctx, newProducer(), "new", 5, kgo.TryCommit)
	if err := old.BeginTransaction(); err != nil {
		t.Fatal(err)
	}
	err := old.ProduceSync(ctx, &kgo.Record{Key: []byte("zombie")}).FirstErr()
	if err == nil {
		err = old.EndTransaction(ctx, kgo.TryCommit)
	}
	if err == nil {
		t.Fatal("the fenced producer's transaction committed")
	}
	rc := readUntil(t, ctx, srv, "ledger", kgo.ReadCommitted(), "new-4")
	if countPrefix(rc, "zombie") != 0 || len(rc) != 10 {
		t.Errorf("read_committed saw %v, want old-0..4 and new-0..4", rc)
	}
}

// TestLiveConsumeTransformProduce: kgo's GroupTransactSession reads
// "orders", writes one record per input to "receipts" and commits its
// offsets inside the same transaction (TxnOffsetCommit, KIP-447). Each
// input must appear in the committed output exactly once, the group's
// committed offsets must be the end of the input, and the ledger must
// count each input processed once.
func TestLiveConsumeTransformProduce(t *testing.T) {
	srv := startLive(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	createTopic(t, ctx, srv, 3, "orders", "receipts")
	const n = 300
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
		kgo.HeartbeatInterval(300*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	done := 0
	for done < n && ctx.Err() == nil {
		fs := sess.PollFetches(ctx)
		recs := fs.Records()
		if len(recs) == 0 {
			continue
		}
		if err := sess.Begin(); err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			sess.Produce(ctx, &kgo.Record{Key: r.Key, Value: []byte("receipt")}, nil)
		}
		committed, err := sess.End(ctx, kgo.TryCommit)
		if err != nil {
			t.Fatal(err)
		}
		if committed {
			done += len(recs)
		}
	}

	checkTransformedOnce(t, ctx, srv, n)
}

// readUntilCount reads topic with read_committed until n records arrived.
func readUntilCount(t *testing.T, ctx context.Context, srv *Server, topic string, n int) []string {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ConsumeTopics(topic),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()), kgo.FetchIsolationLevel(kgo.ReadCommitted()))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	var keys []string
	for len(keys) < n && ctx.Err() == nil {
		for _, r := range cl.PollFetches(ctx).Records() {
			keys = append(keys, string(r.Key))
		}
	}
	return keys
}

// checkTransformedOnce: every order-i of the n inputs is in the committed
// receipts exactly once, group xform's committed offsets reach the end of
// the input, and the ledger counts each input processed exactly once.
func checkTransformedOnce(t *testing.T, ctx context.Context, srv *Server, n int) {
	t.Helper()
	out := readUntilCount(t, ctx, srv, "receipts", n)
	seen := map[string]int{}
	for _, k := range out {
		seen[k]++
	}
	for i := range n {
		if k := fmt.Sprintf("order-%d", i); seen[k] != 1 {
			t.Errorf("%s is in the committed output %d times, want once", k, seen[k])
		}
	}
	admin, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	offs, err := kadm.NewClient(admin).FetchOffsets(ctx, "xform")
	if err != nil {
		t.Fatal(err)
	}
	total := int64(0)
	offs.Each(func(o kadm.OffsetResponse) { total += o.At })
	if total != int64(n) {
		t.Errorf("the group's committed offsets add up to %d, want %d (the end of the input)", total, n)
	}
	var lg sim.LedgerSummary
	srv.Do(func(s *sim.Sim) { lg = s.Ledger() })
	if g := groupLedger(t, lg, "xform"); g.ExactlyOnce != n || g.Lost != 0 || g.Duplicated != 0 {
		t.Errorf("ledger of group xform: %+v, want %d processed exactly once", g, n)
	}
}
