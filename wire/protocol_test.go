package wire

import (
	"bufio"
	"context"
	"encoding/binary"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// rawRoundTrip sends one request encoded by kmsg on a fresh connection and
// returns the response body after the correlation id.
func rawRoundTrip(t *testing.T, addr string, req kmsg.Request) []byte {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.SetDeadline(time.Now().Add(20 * time.Second))
	f := kmsg.NewRequestFormatter(kmsg.FormatterClientID("raw"))
	if _, err := nc.Write(f.AppendRequest(nil, req, 42)); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(nc)
	var sz [4]byte
	if _, err := io.ReadFull(r, sz[:]); err != nil {
		t.Fatalf("no answer: %v", err)
	}
	body := make([]byte, binary.BigEndian.Uint32(sz[:]))
	if _, err := io.ReadFull(r, body); err != nil {
		t.Fatal(err)
	}
	if corr := int32(binary.BigEndian.Uint32(body)); corr != 42 {
		t.Fatalf("correlation id %d, want 42", corr)
	}
	return body[4:]
}

// An ApiVersions request newer than the broker serves is answered in v0
// with UNSUPPORTED_VERSION and the versions it has, so the client can ask
// again (KIP-511; Kafka's ApiVersionsRequest.getErrorResponse).
func TestApiVersionsTooNewGetsUnsupportedVersionWithTheList(t *testing.T) {
	srv := startLive(t, 1)
	req := kmsg.NewPtrApiVersionsRequest()
	req.Version = 3
	req.ClientSoftwareName, req.ClientSoftwareVersion = "raw", "1"
	// Ask in version 3, but claim a version above any the broker has.
	raw := kmsg.NewRequestFormatter(kmsg.FormatterClientID("raw")).AppendRequest(nil, req, 42)
	binary.BigEndian.PutUint16(raw[6:], 99)
	nc, err := net.Dial("tcp", srv.Addrs()[0])
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.SetDeadline(time.Now().Add(20 * time.Second))
	nc.Write(raw)
	var sz [4]byte
	io.ReadFull(nc, sz[:])
	body := make([]byte, binary.BigEndian.Uint32(sz[:]))
	if _, err := io.ReadFull(nc, body); err != nil {
		t.Fatal(err)
	}
	resp := kmsg.NewPtrApiVersionsResponse()
	resp.Version = 0
	if err := resp.ReadFrom(body[4:]); err != nil {
		t.Fatal(err)
	}
	if resp.ErrorCode != 35 || len(resp.ApiKeys) == 0 {
		t.Fatalf("error %d with %d api keys; want UNSUPPORTED_VERSION (35) and the list", resp.ErrorCode, len(resp.ApiKeys))
	}
}

// A request kind the brokers do not serve is answered UNSUPPORTED_VERSION
// in its own response's error code, not by closing the connection, and
// the narration says so.
func TestUnservedRequestIsAnsweredAndNarrated(t *testing.T) {
	var said syncBuffer
	srv := startNarrated(t, 1, &said)
	req := kmsg.NewPtrDescribeClusterRequest() // key 60: not served
	body := rawRoundTrip(t, srv.Addrs()[0], req)
	resp := kmsg.NewPtrDescribeClusterResponse()
	resp.Version = req.Version
	if err := resp.ReadFrom(body[1:]); err != nil { // a flexible response: skip its header's tag byte
		t.Fatal(err)
	}
	if resp.ErrorCode != 35 {
		t.Fatalf("error %d, want UNSUPPORTED_VERSION (35)", resp.ErrorCode)
	}
	srv.Do(func(*sim.Sim) {}) // the narration of that request is written by now
	if !strings.Contains(said.String(), "DescribeCluster v0, which the simulated brokers do not serve") {
		t.Errorf("the unserved request was not narrated: %q", said.String())
	}
}

// A follower refuses a fetch with NOT_LEADER_OR_FOLLOWER, and a fetch past
// the leader's log end gets OFFSET_OUT_OF_RANGE, as Kafka's
// ReplicaManager.readFromLog answers.
func TestFetchFromFollowerAndPastTheEndAreRefused(t *testing.T) {
	srv := startLive(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ProducerBatchCompression(kgo.NoCompression()),
		kgo.AllowAutoTopicCreation(), kgo.DefaultProduceTopic("events"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	for range 5 {
		if err := cl.ProduceSync(ctx, &kgo.Record{Value: []byte("x")}).FirstErr(); err != nil {
			t.Fatal(err)
		}
	}
	leader := leaderOf(srv, "events", 0)
	follower := leader%3 + 1
	fetch := func(broker int, offset int64) kmsg.FetchResponseTopicPartition {
		req := kmsg.NewPtrFetchRequest()
		req.ReplicaID, req.MaxBytes, req.MaxWaitMillis = -1, 1<<20, 100
		rt := kmsg.NewFetchRequestTopic()
		rt.Topic = "events"
		rp := kmsg.NewFetchRequestTopicPartition()
		rp.FetchOffset, rp.PartitionMaxBytes, rp.CurrentLeaderEpoch = offset, 1<<20, -1
		rt.Partitions = append(rt.Partitions, rp)
		req.Topics = append(req.Topics, rt)
		resp, err := req.RequestWith(ctx, cl.Broker(broker))
		if err != nil {
			t.Fatal(err)
		}
		return resp.Topics[0].Partitions[0]
	}
	if p := fetch(follower, 0); p.ErrorCode != 6 {
		t.Errorf("fetch from follower %d: error %d, want NOT_LEADER_OR_FOLLOWER (6)", follower, p.ErrorCode)
	}
	if p := fetch(leader, 99); p.ErrorCode != 1 {
		t.Errorf("fetch at 99 of a 5-record log: error %d, want OFFSET_OUT_OF_RANGE (1)", p.ErrorCode)
	}
	if p := fetch(leader, 0); p.ErrorCode != 0 || p.HighWatermark != 5 || len(p.RecordBatches) == 0 {
		t.Errorf("fetch from the leader: error %d, HW %d, %d bytes; want 0, 5 and records", p.ErrorCode, p.HighWatermark,
			len(p.RecordBatches))
	}
}

// acks=0 gets no answer from the broker and counts as sent at once; the
// ledger follows a non-idempotent producer's records by send order.
func TestAcksZeroProducerIsCountedAsSent(t *testing.T) {
	srv := startLive(t, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID("fire-and-forget"),
		kgo.ProducerBatchCompression(kgo.NoCompression()), kgo.RequiredAcks(kgo.NoAck()), kgo.DisableIdempotentWrite(),
		kgo.AllowAutoTopicCreation(), kgo.DefaultProduceTopic("metrics"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	for range 20 {
		if err := cl.ProduceSync(ctx, &kgo.Record{Value: []byte("m")}).FirstErr(); err != nil {
			t.Fatal(err)
		}
	}
	var hw int64
	waitFor(t, "20 records in metrics-0", 20*time.Second, func() bool {
		srv.Do(func(s *sim.Sim) { hw, _, _ = s.ListOffsets("metrics", 0, 1, -1, -1, false) })
		return hw == 20
	})
	var lg sim.LedgerSummary
	srv.Do(func(s *sim.Sim) { lg = s.Ledger() })
	p := producerLedger(t, lg, "fire-and-forget")
	if p.Sent != 20 || p.Acked != 20 {
		t.Errorf("producer sent %d, counted %d; want 20 and 20", p.Sent, p.Acked)
	}
}

// syncBuffer is a narration sink the driver writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// A crashed broker closes its clients' connections and accepts no new
// ones, as a dead process would; its listener stays so it can come back.
func TestCrashedBrokerClosesItsConnections(t *testing.T) {
	srv := startLive(t, 3)
	nc, err := net.Dial("tcp", srv.Addrs()[1])
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	rawRoundTrip(t, srv.Addrs()[1], kmsg.NewPtrApiVersionsRequest()) // broker 2 answers while up
	srv.Do(func(s *sim.Sim) {
		if err := s.Apply(sim.Command{Kind: sim.CmdCrashBroker, Broker: 2}); err != nil {
			t.Fatal(err)
		}
	})
	nc.SetReadDeadline(time.Now().Add(20 * time.Second))
	if _, err := nc.Read(make([]byte, 1)); err == nil {
		t.Fatal("the connection to the crashed broker is still open")
	}
	again, err := net.Dial("tcp", srv.Addrs()[1])
	if err == nil {
		defer again.Close()
		again.SetReadDeadline(time.Now().Add(20 * time.Second))
		if _, err := again.Read(make([]byte, 1)); err == nil {
			t.Fatal("the crashed broker accepted a new connection")
		}
	}
}
