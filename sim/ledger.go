package sim

// The delivery ledger: every send() is a record with an id, whatever
// happens to it afterwards (retried, written twice, truncated, deleted).

const (
	valueGenerated int32 = -1 // the producer made up the value: "<producer>#<n>"
	valueNull      int32 = -2 // a tombstone
)

// recState is what the producer knows of a record.
type recState uint8

const (
	recPending recState = iota // in the accumulator or on the wire
	recAcked                   // acknowledged (acks=0: sent)
	recFailed                  // given up on, or lost with a crashed producer
	recSent                    // acks=0: sent, its request not yet at the broker
)

// markerBytes is the size of a transaction marker in the log.
const markerBytes = 20

// recordOverheadBytes approximates the framing a record costs in a batch.
const recordOverheadBytes = 10

// recordInfo is one send() call. It is kept for every record of a run, so
// it is packed into 40 bytes: the limits (MaxProducers, MaxPartitions, a
// 30-day MaxDurationMs, memory for far fewer than 2^31 records) bound each
// field, and a producer epoch is 16 bits in Kafka too (RecordBatch's
// producerEpoch is an int16). The size is kept: a generated value
// (values.go) can cost a string to measure, and every replica's append asks
// for it.
type recordInfo struct {
	createdMs uint32 // virtual ms; a run lasts at most 30 days
	offset    int32  // where its first copy landed, -1 if nowhere yet
	sendN     int32  // the n-th send() of its producer, from 1
	key       int32  // index into keys, -1 = null key
	value     int32  // index into values, or valueGenerated / valueNull
	seq       int32  // idempotence sequence, -1 = none
	txn       int32  // transaction id, -1 = none
	// size is key + value + framing bytes (computeSize), or sizeLarge for
	// records of that size or more, which are measured again when asked.
	size     uint16
	epoch    int16 // producer epoch of that sequence
	producer uint16
	topicIdx uint16
	part     uint16
	state    recState
}

// sizeLarge marks a record too large for recordInfo.size.
const sizeLarge = 1<<16 - 1

// sentMs is when the record was sent.
func (r *recordInfo) sentMs() int64 { return int64(r.createdMs) }

// firstOffset is where its first copy landed, -1 if nowhere yet.
func (r *recordInfo) firstOffset() int64 { return int64(r.offset) }

type ledger struct {
	recs   chunks[recordInfo] // shared between checkpoints, copied when written
	keys   []string
	keyIdx map[string]int32
	values []string
	// extra holds the offsets of second and later copies of a record.
	extra map[int32][]int64
	// names caches producer ids for generated values.
	names []string
	// specs are the producers' value generators (values.go).
	specs valueSpecs
}

func (l *ledger) internKey(k string) int32 {
	if l.keyIdx == nil {
		l.keyIdx = map[string]int32{}
	}
	if i, ok := l.keyIdx[k]; ok {
		return i
	}
	l.keys = append(l.keys, k)
	l.keyIdx[k] = int32(len(l.keys) - 1)
	return int32(len(l.keys) - 1)
}

func (l *ledger) value(v *string) int32 {
	if v == nil {
		return valueNull
	}
	l.values = append(l.values, *v)
	return int32(len(l.values) - 1)
}

func (l *ledger) add(r recordInfo) int32 {
	r.offset = -1
	r.seq = -1
	r.size = uint16(min(l.computeSize(&r), sizeLarge))
	return int32(l.recs.Append(r))
}

func (l *ledger) computeSize(r *recordInfo) int {
	n := recordOverheadBytes
	if r.key >= 0 {
		n += len(l.keys[r.key])
	}
	switch {
	case r.value >= 0:
		n += len(l.values[r.value])
	case r.value == valueGenerated:
		n += l.specs.of(int32(r.producer)).generatedLen(l.names[r.producer], int32(r.producer), r.sendN)
	}
	return n
}

func digits(n int) int {
	d := 1
	for n >= 10000 {
		n /= 10000
		d += 4
	}
	switch {
	case n >= 1000:
		return d + 3
	case n >= 100:
		return d + 2
	case n >= 10:
		return d + 1
	}
	return d
}

func (l *ledger) size(rec int32) int { return l.sizeOf(l.recs.At(int(rec))) }

// sizeOf is r's key + value + framing bytes.
func (l *ledger) sizeOf(r *recordInfo) int {
	if r.size == sizeLarge {
		return l.computeSize(r)
	}
	return int(r.size)
}

// sent marks an acks=0 record as on its way: counted as delivered by its
// producer, settled when the request reaches the broker.
func (l *ledger) sent(rec int32) {
	if r := l.recs.Mut(int(rec)); r.state == recPending {
		r.state = recSent
	}
}

// landed notes that a copy of the record was appended at off.
func (l *ledger) landed(rec int32, off int64) {
	r := l.recs.Mut(int(rec))
	if r.offset < 0 {
		r.offset = int32(off)
		return
	}
	if r.firstOffset() == off || containsOffsetIn(l.extra[rec], off) {
		return // rewritten where a truncated copy was: still one offset
	}
	if l.extra == nil {
		l.extra = map[int32][]int64{}
	}
	l.extra[rec] = append(l.extra[rec], off)
}

// settle records the producer's verdict; the first verdict stands.
func (l *ledger) settle(rec int32, ok bool) {
	r := l.recs.Mut(int(rec))
	if r.state != recPending && r.state != recSent {
		return
	}
	if ok {
		r.state = recAcked
	} else {
		r.state = recFailed
	}
}

// keyOf and valueOf render a record's key and value.
func (l *ledger) keyOf(rec int32) (string, bool) {
	k := l.recs.At(int(rec)).key
	if k < 0 {
		return "", true
	}
	return l.keys[k], false
}

func (l *ledger) valueOf(rec int32) (string, bool) {
	r := l.recs.At(int(rec))
	switch {
	case r.value == valueNull:
		return "", true
	case r.value == valueGenerated:
		return l.specs.of(int32(r.producer)).generatedValue(l.names[r.producer], int32(r.producer), r.sendN), false
	default:
		return l.values[r.value], false
	}
}

func (l *ledger) clone() ledger {
	c := *l
	c.recs = l.recs.share()
	c.keys = l.keys[:len(l.keys):len(l.keys)]
	c.values = l.values[:len(l.values):len(l.values)]
	c.names = l.names[:len(l.names):len(l.names)]
	c.specs = l.specs[:len(l.specs):len(l.specs)]
	c.keyIdx = make(map[string]int32, len(l.keyIdx))
	for k, v := range l.keyIdx {
		c.keyIdx[k] = v
	}
	if l.extra != nil {
		c.extra = make(map[int32][]int64, len(l.extra))
		for k, v := range l.extra {
			c.extra[k] = append([]int64(nil), v...)
		}
	}
	return c
}

func containsOffsetIn(offs []int64, off int64) bool {
	for _, o := range offs {
		if o == off {
			return true
		}
	}
	return false
}
