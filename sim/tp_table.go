package sim

// Consumer and group state per partition (positions, fetch epochs,
// committed offsets) is looked up several times per record. Keyed by
// TopicPartition, each lookup hashes the topic name; here each partition
// gets a dense id once and the state lives in slices indexed by it.

// tpIndex gives every partition name ever used a dense id. Ids stand for
// names, as the maps they replace were keyed by names: a deleted topic
// created again keeps its ids, so state kept for the old one carries over
// exactly as before. Entries are only ever appended, never changed, so a
// clone shares the arrays with their capacity cut (see clone).
type tpIndex struct {
	names []string         // topic names in first-use order
	parts [][]int32        // parts[name][partition] is the id, no gaps
	tps   []TopicPartition // tps[id] is the partition the id stands for
}

// lookup is tp's id, or -1 when no state was ever kept for it.
func (x *tpIndex) lookup(tp TopicPartition) int32 {
	for i, n := range x.names {
		if n == tp.Topic {
			if tp.Partition >= 0 && tp.Partition < len(x.parts[i]) {
				return x.parts[i][tp.Partition]
			}
			return -1
		}
	}
	return -1
}

// add is tp's id, given one now if it has none: the partitions below it get
// theirs first, so a name's ids have no gaps.
func (x *tpIndex) add(tp TopicPartition) int32 {
	if id := x.lookup(tp); id >= 0 {
		return id
	}
	if tp.Partition < 0 {
		panic("sim: negative partition " + tp.String())
	}
	i := 0
	for i < len(x.names) && x.names[i] != tp.Topic {
		i++
	}
	if i == len(x.names) {
		x.names = append(x.names, tp.Topic)
		x.parts = append(x.parts, nil)
	}
	for p := len(x.parts[i]); p <= tp.Partition; p++ {
		x.parts[i] = append(x.parts[i], int32(len(x.tps)))
		x.tps = append(x.tps, TopicPartition{Topic: tp.Topic, Partition: p})
	}
	return x.parts[i][tp.Partition]
}

// tp is the partition id stands for.
func (x *tpIndex) tp(id int32) TopicPartition { return x.tps[id] }

// clone shares the appended-only arrays: with their capacity cut, an
// append on either side copies rather than writing into the other's view.
func (x *tpIndex) clone() tpIndex {
	parts := make([][]int32, len(x.parts))
	for i, p := range x.parts {
		parts[i] = capped(p)
	}
	return tpIndex{names: capped(x.names), parts: parts, tps: capped(x.tps)}
}

// tpid is tp's id, -1 when no state was ever kept for it.
func (s *Sim) tpid(tp TopicPartition) int32 { return s.tpIDs.lookup(tp) }

// tpidAdd is tp's id, given one now if it has none.
func (s *Sim) tpidAdd(tp TopicPartition) int32 { return s.tpIDs.add(tp) }

// tpTable holds a value per partition id: a slice, no hashing.
type tpTable[V any] struct {
	slots []tpSlot[V]
	n     int // how many are set
}

type tpSlot[V any] struct {
	v  V
	ok bool
}

// get is the value for id and whether there is one.
func (t *tpTable[V]) get(id int32) (V, bool) {
	if id >= 0 && int(id) < len(t.slots) {
		sl := &t.slots[id]
		return sl.v, sl.ok
	}
	var zero V
	return zero, false
}

// at is the value for id, the zero value when there is none.
func (t *tpTable[V]) at(id int32) V {
	v, _ := t.get(id)
	return v
}

func (t *tpTable[V]) set(id int32, v V) {
	if int(id) >= len(t.slots) {
		t.slots = append(t.slots, make([]tpSlot[V], int(id)+1-len(t.slots))...)
	}
	sl := &t.slots[id]
	if !sl.ok {
		t.n++
	}
	sl.v, sl.ok = v, true
}

func (t *tpTable[V]) del(id int32) {
	if id >= 0 && int(id) < len(t.slots) && t.slots[id].ok {
		t.slots[id] = tpSlot[V]{}
		t.n--
	}
}

// size is how many partitions have a value.
func (t *tpTable[V]) size() int { return t.n }

// ids lists the ids that have a value, in id order (not partition order:
// callers that show them sort).
func (t *tpTable[V]) ids() []int32 {
	out := make([]int32, 0, t.n)
	for i := range t.slots {
		if t.slots[i].ok {
			out = append(out, int32(i))
		}
	}
	return out
}

// clone is an independent copy.
func (t *tpTable[V]) clone() tpTable[V] {
	return tpTable[V]{slots: append([]tpSlot[V](nil), t.slots...), n: t.n}
}
