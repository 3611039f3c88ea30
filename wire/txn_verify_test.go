package wire

import (
	"context"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// rawTxn drives the transaction protocol by hand with kmsg requests, so a
// test can send what a well-behaved client never would. kgo routes the
// coordinator requests to the transaction coordinator.
type rawTxn struct {
	t     *testing.T
	ctx   context.Context
	cl    *kgo.Client
	srv   *Server
	id    string
	pid   int64
	epoch int16
	seq   map[int32]int32
}

func newRawTxn(t *testing.T, ctx context.Context, srv *Server, id string, timeoutMs int32) (*rawTxn, int16) {
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cl.Close)
	req := kmsg.NewPtrInitProducerIDRequest()
	req.TransactionalID, req.TransactionTimeoutMillis = &id, timeoutMs
	resp, err := req.RequestWith(ctx, cl)
	if err != nil {
		t.Fatal(err)
	}
	return &rawTxn{t: t, ctx: ctx, cl: cl, srv: srv, id: id, pid: resp.ProducerID, epoch: resp.ProducerEpoch,
		seq: map[int32]int32{}}, resp.ErrorCode
}

func (x *rawTxn) addPartition(topic string, part int32) int16 {
	req := kmsg.NewPtrAddPartitionsToTxnRequest()
	req.TransactionalID, req.ProducerID, req.ProducerEpoch = x.id, x.pid, x.epoch
	rt := kmsg.NewAddPartitionsToTxnRequestTopic()
	rt.Topic, rt.Partitions = topic, []int32{part}
	req.Topics = append(req.Topics, rt)
	resp, err := req.RequestWith(x.ctx, x.cl)
	if err != nil {
		x.t.Fatal(err)
	}
	return resp.Topics[0].Partitions[0].ErrorCode
}

// produce sends one transactional record, acks=all, to the partition's leader.
func (x *rawTxn) produce(topic string, part int32, key string) int16 {
	batch, err := appendBatch(nil, []sim.FetchedRecord{{ProducerID: x.pid, ProducerEpoch: x.epoch, Sequence: x.seq[part],
		Transactional: true, Key: []byte(key), Value: []byte("v")}}, time.Now().UnixMilli())
	if err != nil {
		x.t.Fatal(err)
	}
	req := kmsg.NewPtrProduceRequest()
	req.TransactionID, req.Acks, req.TimeoutMillis = &x.id, -1, 5000
	rt := kmsg.NewProduceRequestTopic()
	rt.Topic = topic
	rp := kmsg.NewProduceRequestTopicPartition()
	rp.Partition, rp.Records = part, batch
	rt.Partitions = append(rt.Partitions, rp)
	req.Topics = append(req.Topics, rt)
	resp, err := req.RequestWith(x.ctx, x.cl.Broker(leaderOf(x.srv, topic, int(part))))
	if err != nil {
		x.t.Fatal(err)
	}
	c := resp.Topics[0].Partitions[0].ErrorCode
	if c == 0 {
		x.seq[part]++
	}
	return c
}

func (x *rawTxn) end(commit bool) int16 {
	req := kmsg.NewPtrEndTxnRequest()
	req.TransactionalID, req.ProducerID, req.ProducerEpoch, req.Commit = x.id, x.pid, x.epoch, commit
	resp, err := req.RequestWith(x.ctx, x.cl)
	if err != nil {
		x.t.Fatal(err)
	}
	return resp.ErrorCode
}

// endOffsets is ListOffsets latest for one partition: the log end offset
// (read_uncommitted) and the last stable offset (read_committed).
func endOffsets(t *testing.T, ctx context.Context, x *rawTxn, topic string, part int32) (leo, lso int64) {
	ask := func(iso int8) int64 {
		req := kmsg.NewPtrListOffsetsRequest()
		req.ReplicaID, req.IsolationLevel = -1, iso
		rt := kmsg.NewListOffsetsRequestTopic()
		rt.Topic = topic
		rp := kmsg.NewListOffsetsRequestTopicPartition()
		rp.Partition, rp.Timestamp, rp.CurrentLeaderEpoch = part, -1, -1
		rt.Partitions = append(rt.Partitions, rp)
		req.Topics = append(req.Topics, rt)
		resp, err := req.RequestWith(ctx, x.cl.Broker(leaderOf(x.srv, topic, int(part))))
		if err != nil {
			t.Fatal(err)
		}
		return resp.Topics[0].Partitions[0].Offset
	}
	return ask(0), ask(1)
}

// TestLiveProduceToUnaddedPartitionIsRefused: since Kafka 3.6 (KIP-890
// part 1, transaction.partition.verification.enable=true) the leader asks
// the transaction coordinator before appending a producer's first
// transactional batch; a partition never added with AddPartitionsToTxn is
// refused with INVALID_TXN_STATE for Produce before v11
// (ReplicaManager.appendRecordsWithTransactionVerification,
// AddPartitionsToTxnManager maps TRANSACTION_ABORTABLE to it). Without the
// check the batch would be a hanging transaction pinning the last stable
// offset.
func TestLiveProduceToUnaddedPartitionIsRefused(t *testing.T) {
	srv := startLive(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	createTopic(t, ctx, srv, 2, "events")
	x, c := newRawTxn(t, ctx, srv, "raw-tx", 60000)
	if c != 0 {
		t.Fatalf("InitProducerId: error %d", c)
	}
	if c := x.addPartition("events", 0); c != 0 {
		t.Fatalf("AddPartitionsToTxn events-0: error %d", c)
	}
	if c := x.produce("events", 1, "stray"); c != 48 {
		t.Fatalf("produce to unadded events-1: error %d, want INVALID_TXN_STATE (48)", c)
	}
	if c := x.produce("events", 0, "kept"); c != 0 {
		t.Fatalf("produce to added events-0: error %d", c)
	}
	if c := x.end(true); c != 0 {
		t.Fatalf("EndTxn commit: error %d", c)
	}
	if leo, lso := endOffsets(t, ctx, x, "events", 1); leo != 0 || lso != 0 {
		t.Errorf("events-1: log end %d, last stable %d; want 0 and 0: nothing was appended", leo, lso)
	}
	// The record and its COMMIT marker, once the followers have it:
	// nothing holds the stable offset back.
	waitFor(t, "events-0 to end at 2, stable", 20*time.Second, func() bool {
		leo, lso := endOffsets(t, ctx, x, "events", 0)
		return leo == 2 && lso == 2
	})
}

// startFastTxn serves n brokers at 20x wall speed, with the coordinator's
// timed-out-transaction check every second.
func startFastTxn(t *testing.T, n int) *Server {
	t.Helper()
	cl := sim.DefaultCluster(n)
	cl.GroupInitialRebalanceDelayMs, cl.TxnAbortCheckIntervalMs = 300, 1000
	s, err := sim.New(sim.Config{Seed: 7, Cluster: cl})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := Start(s, Config{Speed: 20})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

// TestLiveTransactionTimeoutFencesTheProducer: a transaction left open past
// the TransactionTimeoutMillis its InitProducerId asked for is aborted by
// the coordinator with the epoch bumped (TransactionCoordinator
// .abortTimedOutTransactions): the producer's EndTxn gets PRODUCER_FENCED,
// its next produce INVALID_PRODUCER_EPOCH, and a read_committed reader never
// sees the record. A timeout above transaction.max.timeout.ms is refused
// with INVALID_TRANSACTION_TIMEOUT.
func TestLiveTransactionTimeoutFencesTheProducer(t *testing.T) {
	srv := startFastTxn(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	createTopic(t, ctx, srv, 1, "slow")
	if _, c := newRawTxn(t, ctx, srv, "greedy-tx", 900001); c != 50 {
		t.Fatalf("InitProducerId with 900001 ms: error %d, want INVALID_TRANSACTION_TIMEOUT (50)", c)
	}
	x, c := newRawTxn(t, ctx, srv, "slow-tx", 2000)
	if c != 0 {
		t.Fatalf("InitProducerId: error %d", c)
	}
	if c := x.addPartition("slow", 0); c != 0 {
		t.Fatalf("AddPartitionsToTxn: error %d", c)
	}
	if c := x.produce("slow", 0, "stale-0"); c != 0 {
		t.Fatalf("produce: error %d", c)
	}
	var now int64
	start := time.Now()
	for now < 5000 && time.Since(start) < 20*time.Second {
		time.Sleep(50 * time.Millisecond)
		srv.Do(func(s *sim.Sim) { now = s.Now() })
	}
	if c := x.end(true); c != 90 {
		t.Fatalf("EndTxn after the timeout: error %d, want PRODUCER_FENCED (90)", c)
	}
	if c := x.produce("slow", 0, "stale-1"); c != 47 {
		t.Fatalf("produce with the fenced epoch: error %d, want INVALID_PRODUCER_EPOCH (47)", c)
	}
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.TransactionalID("next-tx"),
		kgo.DefaultProduceTopic("slow"), kgo.ProducerBatchCompression(kgo.NoCompression()))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	transact(t, ctx, cl, "after", 1, kgo.TryCommit)
	if got := countPrefix(readUntil(t, ctx, srv, "slow", kgo.ReadCommitted(), "after-0"), "stale-"); got != 0 {
		t.Errorf("read_committed saw %d records of the timed-out transaction", got)
	}
}
