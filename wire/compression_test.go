package wire

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// Each codec a Kafka producer may use (compression.type: gzip, snappy,
// lz4, zstd) goes through: a kgo producer compresses its batches, the
// broker reads them (DefaultRecordBatch attributes bits 0-2 name the
// codec), the engine counts the producer as compressing with it, and a
// kgo consumer reads every record back with its headers (KIP-82).
func TestLiveCompressionCodecsAndHeadersRoundTrip(t *testing.T) {
	srv := startLive(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	codecs := map[string]kgo.CompressionCodec{sim.CodecGzip: kgo.GzipCompression(), sim.CodecSnappy: kgo.SnappyCompression(),
		sim.CodecLz4: kgo.Lz4Compression(), sim.CodecZstd: kgo.ZstdCompression()}
	for _, name := range []string{sim.CodecGzip, sim.CodecSnappy, sim.CodecLz4, sim.CodecZstd} {
		topic := "c-" + name
		createTopic(t, ctx, srv, 1, topic)
		prod, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ClientID("p-"+name),
			kgo.ProducerBatchCompression(codecs[name]), kgo.DefaultProduceTopic(topic), kgo.ProducerLinger(20*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		var recs []*kgo.Record
		for i := range 40 {
			recs = append(recs, &kgo.Record{Key: fmt.Appendf(nil, "k%d", i), Value: fmt.Appendf(nil, "value %d of a compressible record", i),
				Headers: []kgo.RecordHeader{{Key: "trace", Value: fmt.Appendf(nil, "t%d", i)}, {Key: "empty"}}})
		}
		if err := prod.ProduceSync(ctx, recs...).FirstErr(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		prod.Close()
		got := readAll(t, ctx, srv, topic, len(recs))
		for i, r := range got {
			if string(r.Key) != fmt.Sprintf("k%d", i) || len(r.Headers) != 2 || r.Headers[0].Key != "trace" ||
				string(r.Headers[0].Value) != fmt.Sprintf("t%d", i) || r.Headers[1].Key != "empty" || r.Headers[1].Value != nil {
				t.Fatalf("%s: record %d came back as key %q headers %+v", name, i, r.Key, r.Headers)
			}
		}
		var codec string
		srv.Do(func(s *sim.Sim) {
			for _, p := range s.Snapshot().Producers {
				if p.ID == "p-"+name {
					codec = p.Config.CompressionType
				}
			}
		})
		if codec != name {
			t.Errorf("the engine counts producer p-%s as compressing with %q", name, codec)
		}
		if h := firstRecordHeaders(srv, topic); len(h) != 2 || h[0].Key != "trace" || string(h[0].Value) != "t0" {
			t.Errorf("%s: the record inspector's story of %s-0@0 has headers %+v", name, topic, h)
		}
	}
}

func readAll(t *testing.T, ctx context.Context, srv *Server, topic string, n int) []*kgo.Record {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ConsumeTopics(topic),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	var out []*kgo.Record
	for len(out) < n {
		fs := cl.PollFetches(ctx)
		if ctx.Err() != nil {
			t.Fatalf("%s: read %d of %d records", topic, len(out), n)
		}
		out = append(out, fs.Records()...)
	}
	return out
}

// A topic's compression.type other than producer is how the broker stores
// batches: LogValidator recompresses an lz4 batch to the topic's zstd, and
// a Fetch returns it so. zstd came with Produce v7 and Fetch v10 (KIP-110):
// ProduceRequest.validateRecords refuses a zstd batch in an older Produce,
// and KafkaApis.maybeConvertFetchedData an older Fetch of a zstd topic,
// both with UNSUPPORTED_COMPRESSION_TYPE (76).
func TestTopicCodecAndZstdVersionLimits(t *testing.T) {
	srv := startLive(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := kadm.NewClient(admin).CreateTopics(ctx, 1, 3, map[string]*string{"compression.type": strp("zstd")}, "packed"); err != nil {
		t.Fatal(err)
	}
	prod, err := kgo.NewClient(kgo.SeedBrokers(srv.Addrs()...), kgo.ProducerBatchCompression(kgo.Lz4Compression()),
		kgo.DefaultProduceTopic("packed"))
	if err != nil {
		t.Fatal(err)
	}
	defer prod.Close()
	if err := prod.ProduceSync(ctx, &kgo.Record{Value: []byte("squeezed")}).FirstErr(); err != nil {
		t.Fatal(err)
	}
	leader := srv.Addrs()[leaderOf(srv, "packed", 0)-1]
	fetch := func(version int16) kmsg.FetchResponseTopicPartition {
		req := kmsg.NewPtrFetchRequest()
		req.SetVersion(version)
		req.ReplicaID, req.MaxBytes, req.MaxWaitMillis = -1, 1<<20, 0
		rt := kmsg.NewFetchRequestTopic()
		rt.Topic = "packed"
		rp := kmsg.NewFetchRequestTopicPartition()
		rp.PartitionMaxBytes, rp.CurrentLeaderEpoch = 1<<20, -1
		rt.Partitions = append(rt.Partitions, rp)
		req.Topics = append(req.Topics, rt)
		resp := kmsg.NewPtrFetchResponse()
		resp.SetVersion(version)
		if err := resp.ReadFrom(rawRoundTrip(t, leader, req)); err != nil {
			t.Fatal(err)
		}
		return resp.Topics[0].Partitions[0]
	}
	if p := fetch(9); p.ErrorCode != 76 || len(p.RecordBatches) != 0 {
		t.Errorf("Fetch v9 of a zstd topic: error %d with %d bytes, want 76 and none", p.ErrorCode, len(p.RecordBatches))
	}
	p := fetch(11)
	var b kmsg.RecordBatch
	if err := b.ReadFrom(p.RecordBatches); err != nil || p.ErrorCode != 0 {
		t.Fatalf("Fetch v11: error %d, batch %v", p.ErrorCode, err)
	}
	if codec := b.Attributes & 0x07; codec != 4 {
		t.Errorf("the lz4 batch came back with codec %d, want 4 (zstd, the topic's)", codec)
	}

	// A zstd batch in Produce v6.
	raw, err := appendBatch(nil, []sim.FetchedRecord{{Value: []byte("old"), ProducerID: -1, ProducerEpoch: -1, Sequence: -1,
		Codec: sim.CodecZstd}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	req := kmsg.NewPtrProduceRequest()
	req.SetVersion(6)
	req.Acks, req.TimeoutMillis = 1, 5000
	rt := kmsg.NewProduceRequestTopic()
	rt.Topic = "packed"
	rp := kmsg.NewProduceRequestTopicPartition()
	rp.Records = raw
	rt.Partitions = append(rt.Partitions, rp)
	req.Topics = append(req.Topics, rt)
	resp := kmsg.NewPtrProduceResponse()
	resp.SetVersion(6)
	if err := resp.ReadFrom(rawRoundTrip(t, leader, req)); err != nil {
		t.Fatal(err)
	}
	if code := resp.Topics[0].Partitions[0].ErrorCode; code != 76 {
		t.Errorf("Produce v6 with a zstd batch: error %d, want UNSUPPORTED_COMPRESSION_TYPE (76)", code)
	}
}

// firstRecordHeaders is the headers the engine's story of topic-0@0 tells
// (what the record inspector shows).
func firstRecordHeaders(srv *Server, topic string) []sim.RecordHeader {
	var heads []sim.RecordHeader
	srv.Do(func(s *sim.Sim) {
		for _, tv := range s.Snapshot().Topics {
			for _, p := range tv.Partitions {
				for _, r := range p.Records {
					if tv.Name == topic && p.Partition == 0 && r.Offset == 0 {
						if st, ok := s.Record(r.RecordID); ok {
							heads = st.Headers
						}
					}
				}
			}
		}
	})
	return heads
}
