package sandbox

// Kafka's tools print several tables by iterating a java.util.HashMap, so
// their rows come out in hash-bucket order, not sorted: kafka-topics
// --describe lists topics that way, and kafka-consumer-groups lists
// partitions that way. To print the same order a learner sees on a real
// cluster, javaMap replays HashMap's bucket layout: the table size, the
// spread hash, resizes that keep each bucket's insertion order, and
// iteration bucket by bucket. (Tree bins, used past 8 keys in one bucket,
// are left out: the tables here are far smaller.)

// javaMap holds keys (with their Java hashCode) in HashMap's layout.
type javaMap struct {
	table     [][]javaKey
	size      int
	threshold int
}

type javaKey struct {
	key  string
	hash int32
}

const javaMaxCapacity = 1 << 30

// newJavaMap is `new HashMap<>()`: 16 buckets once the first key arrives.
func newJavaMap() *javaMap { return &javaMap{} }

// newJavaMapCap is `new HashMap<>(initialCapacity)`.
func newJavaMapCap(initialCapacity int) *javaMap {
	return &javaMap{threshold: tableSizeFor(initialCapacity)}
}

// newJavaMapCopy is `new HashMap<>(other)`: sized for other, then filled in
// other's iteration order.
func newJavaMapCopy(other *javaMap) *javaMap {
	m := &javaMap{}
	if s := other.size; s > 0 {
		// putMapEntries: float arithmetic, as Java does it.
		ft := float32(s)/0.75 + 1.0
		t := javaMaxCapacity
		if ft < float32(javaMaxCapacity) {
			t = int(ft)
		}
		if t > m.threshold {
			m.threshold = tableSizeFor(t)
		}
	}
	for _, k := range other.keys() {
		m.put(k.key, k.hash)
	}
	return m
}

// tableSizeFor is the smallest power of two at least c (1 for c <= 1).
func tableSizeFor(c int) int {
	n := 1
	for n < c && n < javaMaxCapacity {
		n <<= 1
	}
	return n
}

// spread is HashMap.hash(): the high half folded into the low half.
func spread(h int32) int32 { return h ^ int32(uint32(h)>>16) }

// put adds a key unless present; hash is the key's Java hashCode.
func (m *javaMap) put(key string, hash int32) {
	if m.table == nil {
		m.resize()
	}
	idx := int(spread(hash)) & (len(m.table) - 1)
	for _, k := range m.table[idx] {
		if k.key == key {
			return
		}
	}
	m.table[idx] = append(m.table[idx], javaKey{key, hash})
	m.size++
	if m.size > m.threshold {
		m.resize()
	}
}

// resize is HashMap.resize(): the first allocation or a doubling. Each
// bucket splits into a low and a high bucket, both keeping their order.
func (m *javaMap) resize() {
	oldCap := len(m.table)
	var newCap int
	switch {
	case oldCap > 0:
		newCap = oldCap << 1
	case m.threshold > 0:
		newCap = m.threshold
	default:
		newCap = 16
	}
	m.threshold = int(float32(newCap) * 0.75)
	table := make([][]javaKey, newCap)
	for i, bucket := range m.table {
		for _, k := range bucket {
			if int(spread(k.hash))&oldCap == 0 {
				table[i] = append(table[i], k)
			} else {
				table[i+oldCap] = append(table[i+oldCap], k)
			}
		}
	}
	m.table = table
}

// keys lists the keys in iteration order.
func (m *javaMap) keys() []javaKey {
	out := make([]javaKey, 0, m.size)
	for _, b := range m.table {
		out = append(out, b...)
	}
	return out
}

// javaStringHash is String.hashCode() over UTF-16 code units.
func javaStringHash(s string) int32 {
	var h int32
	for _, r := range s {
		if r >= 0x10000 {
			// A supplementary character is two UTF-16 code units.
			r -= 0x10000
			h = 31*h + int32(0xD800+(r>>10))
			h = 31*h + int32(0xDC00+(r&0x3FF))
			continue
		}
		h = 31*h + int32(r)
	}
	return h
}

// topicPartitionHash is TopicPartition.hashCode().
func topicPartitionHash(topic string, partition int) int32 {
	const prime int32 = 31
	result := prime + int32(partition)
	return prime*result + javaStringHash(topic)
}
