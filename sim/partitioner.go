package sim

import "encoding/binary"

// Murmur2 hashes data with the 32-bit MurmurHash2 variant that Kafka's Java
// client uses to pick a partition for a keyed record (seed 0x9747b28c,
// m 0x5bd1e995, r 24, little-endian 4-byte blocks). The result is the
// signed Java int the client computes, so it can be compared with the
// values Kafka's own tests and tools print.
func Murmur2(data []byte) int32 {
	const (
		seed uint32 = 0x9747b28c
		m    uint32 = 0x5bd1e995
		r           = 24
	)
	// Java works on signed ints with >>> shifts; uint32 arithmetic wraps
	// and shifts the same way, and the final conversion restores the sign.
	n := len(data)
	h := seed ^ uint32(n)
	blocks := n &^ 3
	for i := 0; i < blocks; i += 4 {
		k := binary.LittleEndian.Uint32(data[i:])
		k *= m
		k ^= k >> r
		k *= m
		h *= m
		h ^= k
	}
	tail := data[blocks:]
	switch len(tail) {
	case 3:
		h ^= uint32(tail[2]) << 16
		fallthrough
	case 2:
		h ^= uint32(tail[1]) << 8
		fallthrough
	case 1:
		h ^= uint32(tail[0])
		h *= m
	}
	h ^= h >> 13
	h *= m
	h ^= h >> 15
	return int32(h)
}

// ToPositive clears the sign bit, as Kafka's Utils.toPositive does. It is
// not an absolute value: ToPositive(-1) is 2147483647, and MinInt32 maps to 0.
func ToPositive(n int32) int32 {
	return n & 0x7fffffff
}

// PartitionForKey returns the partition the Java client's default
// partitioner picks for a non-null key: toPositive(murmur2(key)) % n.
// Records with a null key do not come here: since Kafka 2.4 they stick to
// one partition per batch instead. numPartitions must be at least 1.
func PartitionForKey(key []byte, numPartitions int) int {
	if numPartitions < 1 {
		panic("sim.PartitionForKey: numPartitions must be at least 1")
	}
	return int(ToPositive(Murmur2(key))) % numPartitions
}
