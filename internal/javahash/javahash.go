// Package javahash reproduces the Java behaviour kafkasim must match where
// Kafka's output depends on it: String.hashCode over UTF-16 code units,
// String.compareTo, and java.util.HashMap's iteration order.
package javahash

// StringHash is String.hashCode(): s[0]*31^(n-1) + ... over the UTF-16 code
// units of s, so a character outside the Basic Multilingual Plane (an emoji)
// counts as its two surrogates.
func StringHash(s string) int32 {
	var h int32
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			h = 31*h + int32(0xD800+(r>>10))
			h = 31*h + int32(0xDC00+(r&0x3FF))
			continue
		}
		h = 31*h + int32(r)
	}
	return h
}

// Abs is Kafka's Utils.abs: like Math.abs, except that Integer.MIN_VALUE
// maps to 0 instead of staying negative.
func Abs(n int32) int32 {
	if n == -2147483648 {
		return 0
	}
	if n < 0 {
		return -n
	}
	return n
}

// TopicPartitionHash is Kafka's TopicPartition.hashCode().
func TopicPartitionHash(topic string, partition int) int32 {
	const prime int32 = 31
	result := prime + int32(partition)
	return prime*result + StringHash(topic)
}

// Compare is String.compareTo: it compares UTF-16 code units, so it differs
// from Go's byte order when a supplementary character meets a BMP
// character above U+E000.
func Compare(a, b string) int {
	ua, ub := utf16Units(a), utf16Units(b)
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			return int(ua[i]) - int(ub[i])
		}
	}
	return len(ua) - len(ub)
}

func utf16Units(s string) []uint16 {
	out := make([]uint16, 0, len(s))
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			out = append(out, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
			continue
		}
		out = append(out, uint16(r))
	}
	return out
}
