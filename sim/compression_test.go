package sim

import "testing"

// compressionConfig is one producer sending 1000-byte payloads at 1000
// records a second with linger.ms=50, so batch.size decides how full a
// batch gets, and no consumer.
func compressionConfig(codec string) Config {
	c := Config{Seed: 1, Cluster: DefaultCluster(3)}
	c.Topics = []TopicConfig{DefaultTopic("metrics", 1, 3)}
	p := DefaultProducer("meter", "metrics")
	p.RatePerSec, p.Count, p.LingerMs = 1000, 3000, 50
	p.Values = &ValueSpec{Kind: ValuesPayload, Bytes: 1000}
	p.CompressionType = codec
	c.Producers = []ProducerConfig{p}
	return c
}

// batchSizes lists the records per produce batch of producer id, in order.
func batchSizes(s *Sim, id string) []int {
	var out []int
	for _, e := range s.Events() {
		if e.Type == EvProduceRequest && e.Producer == id {
			out = append(out, e.Count)
		}
	}
	return out
}

// Rule: with compression the accumulator fills a batch up to batch.size
// of *estimated compressed* bytes: uncompressed bytes x the topic's ratio
// estimate x 1.05, plus the next record uncompressed
// (MemoryRecordsBuilder.hasRoomFor / estimatedBytesWritten). The estimate
// starts at 1.0 and falls by 0.005 per batch towards the ratio seen
// (CompressionRatioEstimator.updateEstimation, at ProducerBatch.close), so
// the first batches hold fewer records than uncompressed ones and later
// ones many more.
func TestCompressedBatchesGrowAsTheEstimateLearns(t *testing.T) {
	plain := mustNew(t, compressionConfig(CodecNone))
	plain.RunUntil(10000)
	plainSizes := batchSizes(plain, "meter")
	for i, n := range plainSizes {
		if n != 16 && i < len(plainSizes)-1 {
			t.Fatalf("uncompressed: batch %d has %d records; 16 x 1010 bytes fill 16384", i, n)
		}
	}
	c := compressionConfig(CodecZstd)
	c.Producers[0].Count = 8000
	z := mustNew(t, c)
	z.RunUntil(12000)
	sizes := batchSizes(z, "meter")
	if sizes[0] != 15 {
		t.Fatalf("first zstd batch: %d records, want 15 (estimate 1.0 x 1.05 margin)", sizes[0])
	}
	last := sizes[len(sizes)-2] // the final batch may be cut short by the count
	if last != 45 {
		t.Fatalf("settled zstd batches: %d records, want 45 (16384 / (1010 x 0.323 x 1.05) less one record)", last)
	}
	for i := 1; i < len(sizes)-1; i++ {
		if sizes[i] < sizes[i-1] {
			t.Fatalf("batch %d has %d records after %d: the estimate only improves here (%v)", i, sizes[i], sizes[i-1], sizes[:i+1])
		}
	}
	if est := z.producers[0].ratioEstimate; est != 323 {
		t.Fatalf("estimate settled at %d permille, want the observed 323", est)
	}
}

// Rule: the broker stores a batch as the producer compressed it when the
// topic's compression.type is "producer" (the default), and recompresses
// to the topic's codec otherwise (BrokerCompressionType.targetCompression,
// LogValidator: inPlaceAssignment only when source and target codecs
// match). The log's size, and so retention.bytes, counts stored bytes.
func TestTopicCompressionTypeDecidesStoredBytes(t *testing.T) {
	sizeOf := func(producerCodec, topicCodec string) (wire, disk int64) {
		c := compressionConfig(producerCodec)
		c.Producers[0].Count = 100
		c.Topics[0].CompressionType = topicCodec
		s := mustNew(t, c)
		s.RunUntil(5000)
		snap := s.Snapshot()
		return snap.Producers[0].Flow.BytesSent, snap.Topics[0].Partitions[0].SizeBytes
	}
	const records, size = 100, 1010
	cases := []struct {
		producer, topic string
		wire, disk      int64
	}{
		{CodecNone, TopicCodecProducer, records * size, records * size},
		{CodecGzip, TopicCodecProducer, records * 326, records * 326},      // ceil(1010 x 0.322)
		{CodecGzip, TopicCodecUncompressed, records * 326, records * size}, // decompressed on the broker
		{CodecNone, CodecLz4, records * size, records * 481},               // ceil(1010 x 0.476)
		{CodecSnappy, CodecZstd, records * 487, records * 327},
	}
	for _, tc := range cases {
		wire, disk := sizeOf(tc.producer, tc.topic)
		if wire != tc.wire || disk != tc.disk {
			t.Errorf("producer %s, topic %s: wire %d disk %d, want %d and %d", tc.producer, tc.topic, wire, disk, tc.wire, tc.disk)
		}
	}
}

// Rule: retention.bytes compares the log's stored (compressed) size: the
// same records under zstd keep about three times as many segments' worth
// before the oldest is deleted (UnifiedLog.deleteRetentionSizeBreachedSegments
// sums segment sizes on disk).
func TestRetentionBytesSeesCompressedSegments(t *testing.T) {
	logStart := func(codec string) int64 {
		c := compressionConfig(codec)
		c.Producers[0].Count = 2000
		c.Topics[0].SegmentBytes = 50_000
		c.Topics[0].RetentionBytes = 200_000
		c.Cluster.LogRetentionCheckIntervalMs = 1000
		s := mustNew(t, c)
		s.RunUntil(8000)
		return s.Snapshot().Topics[0].Partitions[0].LogStart
	}
	plain, zstd := logStart(CodecNone), logStart(CodecZstd)
	if plain == 0 || zstd != 0 && zstd >= plain {
		t.Fatalf("log start after retention.bytes: uncompressed %d, zstd %d; compressed segments should keep more records", plain, zstd)
	}
	// 2000 records x 1010 bytes = 2.02 MB uncompressed, 654 KB in zstd:
	// both breach 200 KB, the compressed log keeps ~3x the records.
	kept := func(start int64) int64 { return 2000 - start }
	if kept(zstd) < 2*kept(plain) {
		t.Fatalf("records kept: uncompressed %d, zstd %d", kept(plain), kept(zstd))
	}
}
