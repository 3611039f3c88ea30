package wire

import (
	"encoding/binary"
	"errors"
	"hash/crc32"

	"github.com/twmb/franz-go/pkg/kmsg"

	"kafkasim/sim"
)

// Record batch attributes (DefaultRecordBatch in Kafka): bits 0-2 the
// compression codec (compression.go), bit 4 transactional, bit 5 control.
const (
	attrCompression   = 0x07
	attrTransactional = 0x10
	attrControl       = 0x20
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// producedBatch is what a produce request's record batch says.
type producedBatch struct {
	producerID    int64
	producerEpoch int16
	firstSequence int32
	transactional bool
	codec         string
	records       []sim.ExternalRecord
}

// decodeBatch reads the one record batch (magic 2) a partition of a
// produce request of the given version carries.
func decodeBatch(raw []byte, version int16) (producedBatch, error) {
	var b kmsg.RecordBatch
	if err := b.ReadFrom(raw); err != nil {
		return producedBatch{}, err
	}
	if b.Magic != 2 {
		return producedBatch{}, errors.New("CORRUPT_MESSAGE")
	}
	if crc32.Checksum(raw[21:12+int(b.Length)], castagnoli) != uint32(b.CRC) {
		return producedBatch{}, errors.New("CORRUPT_MESSAGE")
	}
	codec := int8(b.Attributes & attrCompression)
	recs, err := decompress(b.Records, codec, version)
	if err != nil {
		return producedBatch{}, err
	}
	pb := producedBatch{producerID: b.ProducerID, producerEpoch: b.ProducerEpoch, firstSequence: b.FirstSequence,
		transactional: b.Attributes&attrTransactional != 0, codec: codecNames[codec]}
	for range b.NumRecords {
		n, k := binary.Varint(recs)
		if k <= 0 || int64(len(recs)-k) < n {
			return producedBatch{}, errors.New("CORRUPT_MESSAGE")
		}
		var r kmsg.Record
		if err := r.ReadFrom(recs[:k+int(n)]); err != nil {
			return producedBatch{}, errors.New("CORRUPT_MESSAGE")
		}
		er := sim.ExternalRecord{Key: r.Key, Value: r.Value}
		for _, h := range r.Headers {
			er.Headers = append(er.Headers, sim.RecordHeader{Key: h.Key, Value: h.Value})
		}
		pb.records = append(pb.records, er)
		recs = recs[k+int(n):]
	}
	return pb, nil
}

// maxBatchRecords caps the records per batch a fetch answer writes.
const maxBatchRecords = 500

// encodeBatches writes fetched log entries as record batches: a run of
// records from one producer epoch with consecutive sequence numbers shares
// a batch; a transaction marker is a control batch of its own.
func encodeBatches(recs []sim.FetchedRecord, wallBaseMs int64) ([]byte, error) {
	var out []byte
	for i := 0; i < len(recs); {
		j := i + 1
		for j < len(recs) && j-i < maxBatchRecords && sameBatch(recs[j-1], recs[j]) {
			j++
		}
		var err error
		if out, err = appendBatch(out, recs[i:j], wallBaseMs); err != nil {
			return nil, err
		}
		i = j
	}
	return out, nil
}

func sameBatch(a, b sim.FetchedRecord) bool {
	if a.Control || b.Control || a.ProducerID != b.ProducerID || a.ProducerEpoch != b.ProducerEpoch ||
		a.Transactional != b.Transactional || a.LeaderEpoch != b.LeaderEpoch || b.Offset != a.Offset+1 || a.Codec != b.Codec {
		return false
	}
	return a.ProducerID < 0 || b.Sequence == a.Sequence+1
}

// appendBatch writes one batch, compressed as its records are stored; a
// transaction marker never is (Kafka writes markers uncompressed).
func appendBatch(dst []byte, recs []sim.FetchedRecord, wallBaseMs int64) ([]byte, error) {
	first, last := recs[0], recs[len(recs)-1]
	b := kmsg.RecordBatch{FirstOffset: first.Offset, PartitionLeaderEpoch: first.LeaderEpoch, Magic: 2,
		LastOffsetDelta: int32(last.Offset - first.Offset), FirstTimestamp: first.TimestampMs + wallBaseMs,
		ProducerID: first.ProducerID, ProducerEpoch: first.ProducerEpoch, FirstSequence: first.Sequence,
		NumRecords: int32(len(recs))}
	if first.Transactional {
		b.Attributes |= attrTransactional
	}
	if first.Control {
		b.Attributes |= attrControl
	}
	maxTs := b.FirstTimestamp
	var body, rec []byte
	for _, fr := range recs {
		ts := fr.TimestampMs + wallBaseMs
		maxTs = max(maxTs, ts)
		r := kmsg.Record{TimestampDelta64: ts - b.FirstTimestamp, OffsetDelta: int32(fr.Offset - first.Offset),
			Key: fr.Key, Value: fr.Value}
		for _, h := range fr.Headers {
			r.Headers = append(r.Headers, kmsg.Header{Key: h.Key, Value: h.Value})
		}
		if fr.Control {
			r.Key, r.Value = controlKey(fr.Commit), []byte{0, 0, 0, 0, 0, 0}
		}
		rec = r.AppendTo(rec[:0])
		// Record.AppendTo writes the Length it is given first: with 0 that
		// is one byte, and the rest is the body whose length it must be.
		body = binary.AppendVarint(body, int64(len(rec)-1))
		body = append(body, rec[1:]...)
	}
	b.MaxTimestamp = maxTs
	b.Records = body
	if !first.Control {
		id, packed, err := compress(body, first.Codec)
		if err != nil {
			return nil, err
		}
		b.Attributes |= int16(id)
		b.Records = packed
	}
	start := len(dst)
	dst = b.AppendTo(dst)
	batch := dst[start:]
	binary.BigEndian.PutUint32(batch[8:], uint32(len(batch)-12))
	binary.BigEndian.PutUint32(batch[17:], crc32.Checksum(batch[21:], castagnoli))
	return dst, nil
}

// controlKey is a transaction marker's key: version 0, type 0 (abort) or
// 1 (commit) (ControlRecordType in Kafka).
func controlKey(commit bool) []byte {
	if commit {
		return []byte{0, 0, 0, 1}
	}
	return []byte{0, 0, 0, 0}
}
