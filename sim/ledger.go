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

// valueKind is how a record's value is kept.
type valueKind uint8

const (
	valueMadeUp    valueKind = iota // generated: "<producer>#<n>" (values.go)
	valueStored                     // in values, in record order (ledger_origin.go)
	valueTombstone                  // null
)

// recordInfo is one send() call. It is kept for every record of a run, so
// it holds only what differs from record to record, in 12 bytes: the limits
// (a 30-day MaxDurationMs, memory for far fewer than 2^31 records) bound
// each field. What many records share (producer, topic, partition, key,
// transaction, producer epoch) is one recordOrigin they point to; the send
// number and where a stored value is follow from the record's place among
// the others (ledger_origin.go). The size is kept: a generated value
// (values.go) can cost a string to measure, and every replica's append
// asks for it. What happens to the record after the send is its
// recordFate.
type recordInfo struct {
	createdMs uint32 // virtual ms; a run lasts at most 30 days
	origin    int32  // index into ledger.origins
	// size is key + value + framing bytes (computeSize), or sizeLarge for
	// records of that size or more, which are measured again when asked.
	size  uint16
	value valueKind
}

// sizeLarge marks a record too large for recordInfo.size.
const sizeLarge = 1<<16 - 1

// sentMs is when the record was sent.
func (r *recordInfo) sentMs() int64 { return int64(r.createdMs) }

// tombstone: its value is null.
func (r *recordInfo) tombstone() bool { return r.value == valueTombstone }

// newRecord is a send() call as the ledger takes it.
type newRecord struct {
	producer  uint16
	sendN     int32 // the n-th send() of its producer, from 1
	topicIdx  uint16
	part      uint16
	key       int32 // index into keys, -1 = null key
	value     int32 // index into values, or valueGenerated / valueNull
	createdMs uint32
	txn       int32 // transaction id, -1 = none
}

type ledger struct {
	recs chunks[recordInfo] // shared between checkpoints, rarely written
	// fates are the records' fates, shared between checkpoints and copied
	// when written.
	fates chunks[recordFate]
	// origins is what records share; sendNs and valueAt number them
	// (ledger_origin.go). Chunks shared between checkpoints, only ever
	// appended to (chunks.shareTail).
	origins chunks[recordOrigin]
	sendNs  chunks[numberRun]
	valueAt chunks[numberRun]
	// originSlots caches where recent origins are, and originIdx where
	// the first originIndexMax are, to find them again (ledger_origin.go);
	// a clone starts without either.
	originSlots []originSlot
	originIdx   map[recordOrigin]int32

	keys   []string
	keyIdx map[string]int32
	values []string
	// extra holds the offsets of second and later copies of a record.
	extra map[int32][]int64
	// names caches producer ids for generated values.
	names []string
	// specs are the producers' value generators (values.go).
	specs valueSpecs
	// recent caches the facts followers read again (ledger_recent.go); a
	// clone starts without it. recentNext is the next slot to take.
	recent     []recentFact
	recentNext uint32
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

// add notes a send() and returns the record's id.
func (l *ledger) add(r newRecord) int32 {
	rec := int32(l.recs.Len())
	o := recordOrigin{producer: r.producer, topicIdx: r.topicIdx, part: r.part, key: r.key, txn: r.txn}
	noteNumber(&l.sendNs, rec, r.sendN)
	kind := valueMadeUp
	switch {
	case r.value == valueNull:
		kind = valueTombstone
	case r.value >= 0:
		kind = valueStored
		noteNumber(&l.valueAt, rec, r.value)
	}
	size := l.computeSize(&o, r.value, r.sendN)
	l.recs.Append(recordInfo{createdMs: r.createdMs, origin: l.intern(o),
		size: uint16(min(size, sizeLarge)), value: kind})
	l.fates.Append(recordFate{offset: -1})
	return rec
}

// computeSize is the key + value + framing bytes of a record from o with
// value value, its producer's send number sendN.
func (l *ledger) computeSize(o *recordOrigin, value, sendN int32) int {
	n := recordOverheadBytes
	if o.key >= 0 {
		n += len(l.keys[o.key])
	}
	switch {
	case value >= 0:
		n += len(l.values[value])
	case value == valueGenerated:
		n += l.specs.of(int32(o.producer)).generatedLen(l.names[o.producer], int32(o.producer), sendN)
	}
	return n
}

// size is rec's key + value + framing bytes.
func (l *ledger) size(rec int32) int { return l.sizeOf(rec, l.recs.At(int(rec))) }

// sizeOf is size when rec's info r is at hand.
func (l *ledger) sizeOf(rec int32, r *recordInfo) int {
	if r.size == sizeLarge {
		return l.computeSize(l.originOf(r), l.valueIndex(rec), l.sendN(rec))
	}
	return int(r.size)
}

// sent marks an acks=0 record as on its way: counted as delivered by its
// producer, settled when the request reaches the broker.
func (l *ledger) sent(rec int32) {
	if l.fate(rec).state() == recPending {
		l.fates.Mut(int(rec)).setState(recSent)
	}
}

// landed notes that a copy of the record was appended at off.
func (l *ledger) landed(rec int32, off int64) {
	f := l.fate(rec)
	if f.offset < 0 {
		l.fates.Mut(int(rec)).offset = int32(off)
		return
	}
	if f.firstOffset() == off || containsOffsetIn(l.extra[rec], off) {
		return // rewritten where a truncated copy was: still one offset
	}
	if l.extra == nil {
		l.extra = map[int32][]int64{}
	}
	l.extra[rec] = append(l.extra[rec], off)
}

// settle records the producer's verdict; the first verdict stands.
func (l *ledger) settle(rec int32, ok bool) {
	if st := l.fate(rec).state(); st != recPending && st != recSent {
		return
	}
	if ok {
		l.fates.Mut(int(rec)).setState(recAcked)
	} else {
		l.fates.Mut(int(rec)).setState(recFailed)
	}
}

// keyOf and valueOf render a record's key and value.
func (l *ledger) keyOf(rec int32) (string, bool) {
	k := l.origin(rec).key
	if k < 0 {
		return "", true
	}
	return l.keys[k], false
}

func (l *ledger) valueOf(rec int32) (string, bool) {
	switch v := l.valueIndex(rec); v {
	case valueNull:
		return "", true
	case valueGenerated:
		pi := l.origin(rec).producer
		return l.specs.of(int32(pi)).generatedValue(l.names[pi], int32(pi), l.sendN(rec)), false
	default:
		return l.values[v], false
	}
}

func (l *ledger) clone() ledger {
	c := *l
	c.recs = l.recs.share() // a new producer epoch rewrites an origin
	c.fates = l.fates.share()
	c.origins = l.origins.shareTail()
	c.sendNs = l.sendNs.shareTail()
	c.valueAt = l.valueAt.shareTail()
	c.recent, c.originSlots, c.originIdx = nil, nil, nil
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
