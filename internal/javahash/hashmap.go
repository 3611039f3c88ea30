package javahash

// Kafka's tools print several tables by iterating a java.util.HashMap, so
// their rows come out in hash-bucket order, not sorted: kafka-topics
// --describe lists topics that way, kafka-consumer-groups lists partitions
// that way, and the sticky assignors visit members that way. To give the
// same order a learner sees on a real cluster, Map replays HashMap's bucket layout: the table size, the
// spread hash, resizes that keep each bucket's insertion order, and
// iteration bucket by bucket. (Tree bins, used past 8 keys in one bucket,
// are left out: the tables here are far smaller.)

// Map holds keys (with their Java hashCode) in HashMap's layout.
type Map struct {
	table     [][]Key
	size      int
	threshold int
}

// Key is one key of a Map and its Java hashCode.
type Key struct {
	Key  string
	Hash int32
}

const javaMaxCapacity = 1 << 30

// NewMap is `new HashMap<>()`: 16 buckets once the first key arrives.
func NewMap() *Map { return &Map{} }

// NewMapCap is `new HashMap<>(initialCapacity)`.
func NewMapCap(initialCapacity int) *Map {
	return &Map{threshold: tableSizeFor(initialCapacity)}
}

// NewMapCopy is `new HashMap<>(other)`: sized for other, then filled in
// other's iteration order.
func NewMapCopy(other *Map) *Map {
	m := &Map{}
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
	for _, k := range other.Keys() {
		m.Put(k.Key, k.Hash)
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

// Put adds a key unless present; hash is the key's Java hashCode.
func (m *Map) Put(key string, hash int32) {
	if m.table == nil {
		m.resize()
	}
	idx := int(spread(hash)) & (len(m.table) - 1)
	for _, k := range m.table[idx] {
		if k.Key == key {
			return
		}
	}
	m.table[idx] = append(m.table[idx], Key{key, hash})
	m.size++
	if m.size > m.threshold {
		m.resize()
	}
}

// resize is HashMap.resize(): the first allocation or a doubling. Each
// bucket splits into a low and a high bucket, both keeping their order.
func (m *Map) resize() {
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
	table := make([][]Key, newCap)
	for i, bucket := range m.table {
		for _, k := range bucket {
			if int(spread(k.Hash))&oldCap == 0 {
				table[i] = append(table[i], k)
			} else {
				table[i+oldCap] = append(table[i+oldCap], k)
			}
		}
	}
	m.table = table
}

// Keys lists the keys in iteration order.
func (m *Map) Keys() []Key {
	out := make([]Key, 0, m.size)
	for _, b := range m.table {
		out = append(out, b...)
	}
	return out
}

// Len is the number of keys.
func (m *Map) Len() int { return m.size }
