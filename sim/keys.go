package sim

// keyRef is what send() needs of one of a producer's configured keys: its
// index in the ledger's keys and the partition murmur2 gives it among
// parts partitions (0 = not yet known).
type keyRef struct {
	idx   int32
	part  int32
	parts int32
}

// configuredKey takes the producer's next configured key and returns its
// ledger index and partition among n, worked out once per key (and again
// when the producer learns of more partitions) rather than once per record.
func (s *Sim) configuredKey(p *producer, n int) (int32, int) {
	i := p.keyCursor % len(p.cfg.Keys)
	p.keyCursor++
	if len(p.keyRefs) != len(p.cfg.Keys) {
		p.keyRefs = make([]keyRef, len(p.cfg.Keys))
	}
	ref := &p.keyRefs[i]
	if ref.parts == 0 {
		ref.idx = s.ledger.internKey(p.cfg.Keys[i])
	}
	if int(ref.parts) != n {
		ref.part, ref.parts = int32(PartitionForKey([]byte(p.cfg.Keys[i]), n)), int32(n)
	}
	return ref.idx, int(ref.part)
}
