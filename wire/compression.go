package wire

import (
	"bytes"
	"errors"
	"sync"

	"github.com/twmb/franz-go/pkg/kgo"

	"kafkasim/sim"
)

// Record batch compression: bits 0-2 of a batch's attributes name the
// codec (DefaultRecordBatch.compressionType: CompressionType ids 0 none,
// 1 gzip, 2 snappy, 3 lz4, 4 zstd). The codecs are franz-go's own
// (kgo.DefaultCompressor and DefaultDecompressor: klauspost gzip, s2's
// snappy with the Java client's xerial framing, pierrec lz4 frames,
// klauspost zstd), so the bytes are what Kafka's clients read and write.

// codecNames maps a codec id to the engine's compression.type name.
var codecNames = map[int8]string{0: sim.CodecNone, 1: sim.CodecGzip, 2: sim.CodecSnappy, 3: sim.CodecLz4, 4: sim.CodecZstd}

var codecIDs = map[string]int8{sim.CodecNone: 0, "": 0, sim.CodecGzip: 1, sim.CodecSnappy: 2, sim.CodecLz4: 3, sim.CodecZstd: 4}

var (
	errCompression = errors.New("UNSUPPORTED_COMPRESSION_TYPE")
	errCorrupt     = errors.New("CORRUPT_MESSAGE")
)

var (
	decompressor = kgo.DefaultDecompressor()
	compressors  sync.Map // codec name -> kgo.Compressor
)

// decompress unpacks a produced batch's records. A codec id Kafka does
// not know, or zstd in a Produce older than v7, is refused with
// UNSUPPORTED_COMPRESSION_TYPE (ProduceRequest.validateRecords: zstd came
// with Produce v7, KIP-110).
func decompress(recs []byte, codec int8, version int16) ([]byte, error) {
	if _, ok := codecNames[codec]; !ok || (codec == codecIDs[sim.CodecZstd] && version < 7) {
		return nil, errCompression
	}
	if codec == 0 {
		return recs, nil
	}
	out, err := decompressor.Decompress(recs, kgo.CompressionCodecType(codec))
	if err != nil {
		return nil, errCorrupt
	}
	return out, nil
}

// compress packs a fetched batch's records in codec and returns the
// codec id for the attributes.
func compress(recs []byte, codec string) (int8, []byte, error) {
	id, ok := codecIDs[codec]
	if !ok || id == 0 {
		return 0, recs, nil
	}
	c, ok := compressors.Load(codec)
	if !ok {
		kc := map[string]kgo.CompressionCodec{sim.CodecGzip: kgo.GzipCompression(), sim.CodecSnappy: kgo.SnappyCompression(),
			sim.CodecLz4: kgo.Lz4Compression(), sim.CodecZstd: kgo.ZstdCompression()}[codec]
		made, err := kgo.DefaultCompressor(kc)
		if err != nil {
			return 0, nil, err
		}
		c, _ = compressors.LoadOrStore(codec, made)
	}
	var buf bytes.Buffer
	out, used := c.(kgo.Compressor).Compress(&buf, recs)
	if used != kgo.CompressionCodecType(id) {
		return 0, nil, errors.New("cannot compress with " + codec)
	}
	return id, append([]byte(nil), out...), nil
}
