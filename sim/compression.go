package sim

// Compression (compression.type): the producer compresses each batch, the
// broker stores it as it came (topic compression.type=producer) or
// recompresses it to the topic's codec, and everything downstream — the
// log's segments, retention.bytes, a consumer's fetch.min.bytes — counts
// the compressed bytes, as Kafka keeps batches compressed on disk.
//
// The codecs' ratios are a model, not a compressor: one fixed ratio per
// codec, taken from a published benchmark of the codecs at the levels
// Kafka 3.9 uses by default (lzbench 1.7.1 on the Silesia corpus, the
// compressed size as a share of the original):
//
//	gzip   322‰  zlib -6 (compression.gzip.level=-1 is Deflater's level 6): 32.19%
//	snappy 482‰  snappy 1.1.4: 48.19%
//	lz4    476‰  lz4 1.7.5, the fast compressor Kafka uses at its default
//	             compression.lz4.level=9 (Lz4BlockOutputStream): 47.60%
//	zstd   323‰  compression.zstd.level=3, between zstd -2 (33.10%) and -5 (30.67%)
//
// Real records compress as well as they repeat themselves: JSON with
// repeated field names does better, random bytes do not compress at all.
// The CPU cost is not modelled: at these codecs' speeds (20 MB/s for
// zlib -6, 150-450 MB/s for the others) a 16 KB batch takes under a
// millisecond, below the engine's clock.

// Codec names: the producer's compression.type values, and the topic's.
const (
	CodecNone   = "none"
	CodecGzip   = "gzip"
	CodecSnappy = "snappy"
	CodecLz4    = "lz4"
	CodecZstd   = "zstd"
	// TopicCodecProducer keeps whatever codec the producer used.
	TopicCodecProducer = "producer"
	// TopicCodecUncompressed is the topic's name for no compression.
	TopicCodecUncompressed = "uncompressed"
)

// ProducerCodecs are the producer's compression.type values
// (CompressionType in Kafka 3.9).
var ProducerCodecs = []string{CodecNone, CodecGzip, CodecSnappy, CodecLz4, CodecZstd}

// TopicCodecs are the topic's compression.type values
// (BrokerCompressionType in Kafka 3.9).
var TopicCodecs = []string{TopicCodecUncompressed, CodecZstd, CodecLz4, CodecSnappy, CodecGzip, TopicCodecProducer}

// CodecRatioPermille is the model's compressed size per 1000 bytes of
// records, for each codec (see the table above).
func CodecRatioPermille(codec string) int {
	switch codec {
	case CodecGzip:
		return 322
	case CodecSnappy:
		return 482
	case CodecLz4:
		return 476
	case CodecZstd:
		return 323
	}
	return 1000
}

// compressedBytes is n bytes of records after codec, rounded up.
func compressedBytes(n int, codec string) int {
	r := CodecRatioPermille(codec)
	if r == 1000 {
		return n
	}
	return (n*r + 999) / 1000
}

// storedCodec is the codec a record of producer pi is kept in on topic t:
// the topic's own, or the producer's when the topic says "producer"
// (BrokerCompressionType.targetCompression; LogValidator recompresses
// when the two differ).
func (s *Sim) storedCodec(topicIdx, pi int32) string {
	if int(topicIdx) < len(s.topics) {
		switch c := s.topics[topicIdx].cfg.CompressionType; c {
		case TopicCodecUncompressed:
			return CodecNone
		case "", TopicCodecProducer:
		default:
			return c
		}
	}
	if int(pi) < len(s.producers) {
		return s.producers[pi].codec()
	}
	return CodecNone
}

// codec is the producer's compression.type, "none" when unset.
func (p *producer) codec() string {
	if p.cfg.CompressionType == "" {
		return CodecNone
	}
	return p.cfg.CompressionType
}

// storedBytes is a record's size in the log: compressed as it is stored.
// It runs for every append on every replica, so the common case (a
// topic that keeps the producer's codec, a producer that compresses
// nothing) returns at once.
func (s *Sim) storedBytes(rec int32) int64 {
	o := s.ledger.origin(rec)
	return s.storedBytesFor(int(o.topicIdx), int(o.producer), s.ledger.size(rec))
}

// storedBytesFor is storedBytes of a record of size bytes from producer
// pi in topic ti.
func (s *Sim) storedBytesFor(ti, pi, size int) int64 {
	if s.storesPlain(ti, pi) {
		return int64(size)
	}
	return int64(compressedBytes(size, s.storedCodec(int32(ti), int32(pi))))
}

// storedPermille is the share of its size, permille, a record of producer
// pi takes in topic ti (1000: kept as sent); scaleStored applies it as
// storedBytesFor does. A loop over one producer's records asks once.
func (s *Sim) storedPermille(ti, pi int) int {
	if s.storesPlain(ti, pi) {
		return 1000
	}
	return CodecRatioPermille(s.storedCodec(int32(ti), int32(pi)))
}

func scaleStored(size, permille int) int64 {
	if permille == 1000 {
		return int64(size)
	}
	return int64((size*permille + 999) / 1000)
}

// storesPlain reports whether topic ti keeps producer pi's records as
// they were sent: the topic takes the producer's codec, and that is none.
func (s *Sim) storesPlain(ti, pi int) bool {
	tc := s.topics[ti].cfg.CompressionType
	if tc != "" && tc != TopicCodecProducer {
		return false
	}
	pc := s.producers[pi].cfg.CompressionType
	return pc == "" || pc == CodecNone
}

// The accumulator's estimate of how well its batches compress
// (CompressionRatioEstimator): it starts at 1.0, so the first batches fill
// no further than uncompressed ones; each batch drained nudges it down by
// 0.005 towards the ratio seen, or up by at least 0.05 when a batch did
// worse. Integers here: permille.
const (
	estimateStartPermille     = 1000
	estimateImprovingPermille = 5
	estimateWorseningPermille = 50
	// estimateFactorPercent is MemoryRecordsBuilder's
	// COMPRESSION_RATE_ESTIMATION_FACTOR, 1.05: a margin on the estimate.
	estimateFactorPercent = 105
)

// estimatedBatchBytes is MemoryRecordsBuilder.estimatedBytesWritten
// without the batch header: the records' bytes as written, guessed from
// the estimate the batch was created with.
func estimatedBatchBytes(uncompressed int, codec string, estimatePermille int32) int {
	if codec == CodecNone {
		return uncompressed
	}
	return int(int64(uncompressed) * int64(estimatePermille) * estimateFactorPercent / 100_000)
}

// batchEstimate is the ratio estimate a new batch of p starts with.
func (p *producer) batchEstimate() int32 {
	if p.ratioEstimate == 0 {
		return estimateStartPermille
	}
	return p.ratioEstimate
}

// noteBatchCompressed is ProducerBatch.close at drain: the batch is
// compressed, its bytes counted, and the estimate moves towards what it
// achieved (CompressionRatioEstimator.updateEstimation).
func (s *Sim) noteBatchCompressed(p *producer, b *batch) {
	if b.wireBytes > 0 {
		return // a retry resends the same compressed batch
	}
	codec := p.codec()
	if codec == CodecNone {
		b.wireBytes = int32(b.bytes)
		return
	}
	// Record by record, as the log stores them (storedBytes), so the
	// bytes on the wire and on disk agree.
	n := 0
	for r := range s.batchRecs(b) {
		n += compressedBytes(s.ledger.size(r), codec)
	}
	b.wireBytes = int32(n)
	if b.bytes == 0 {
		return
	}
	observed := int32(int64(b.wireBytes) * 1000 / int64(b.bytes))
	cur := p.batchEstimate()
	switch {
	case observed > cur:
		p.ratioEstimate = max(cur+estimateWorseningPermille, observed)
	case observed < cur:
		p.ratioEstimate = max(cur-estimateImprovingPermille, observed)
	}
}

// batchBytes is how full the accumulator thinks b is: its records'
// bytes, compressed by the estimate (MemoryRecordsBuilder.hasRoomFor
// compares this plus the next record, uncompressed, with batch.size).
func (p *producer) batchBytes(b *batch) int {
	return estimatedBatchBytes(int(b.bytes), p.codec(), int32(b.estimate))
}

// appendedBytes is what one record of size adds to the estimated batch
// size, which the built-in partitioner counts towards batch.size before
// it switches sticky partitions (RecordAccumulator.tryAppend's
// appendedBytes).
func (p *producer) appendedBytes(size int) int {
	return estimatedBatchBytes(size, p.codec(), p.batchEstimate())
}

// noteBatchSent counts a batch's attempt on the wire: compressed at its
// first drain, its bytes again on each retry; first says it opens a
// produce request.
func (s *Sim) noteBatchSent(p *producer, b *batch, first bool) {
	s.noteBatchCompressed(p, b)
	p.bytesSent += int64(b.wireBytes)
	if first {
		p.requests++
	}
}
