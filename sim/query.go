package sim

// Cheap questions about topics and brokers, for callers (the sandbox) that ask them
// for every command or record: a Snapshot builds a view of every partition
// and would make a script of n topic creations cost n² partition views.

// TopicNames lists the live topics in creation order.
func (s *Sim) TopicNames() []string {
	names := make([]string, 0, len(s.topics))
	for _, t := range s.topics {
		if !t.deleted {
			names = append(names, t.cfg.Name)
		}
	}
	return names
}

// TopicPartitions reports how many partitions a live topic has.
func (s *Sim) TopicPartitions(name string) (int, bool) {
	_, t := s.topicByName(name)
	if t == nil {
		return 0, false
	}
	return len(t.parts), true
}

// PartitionTotal is the number of partitions over all live topics.
func (s *Sim) PartitionTotal() int {
	n := 0
	for _, t := range s.topics {
		if !t.deleted {
			n += len(t.parts)
		}
	}
	return n
}

// BrokerStatus reports whether broker id (1-based) exists, is running, and
// is fenced (not registered with the controller).
func (s *Sim) BrokerStatus(id int) (exists, up, fenced bool) {
	if id < 1 || id > len(s.brokers) {
		return false, false, false
	}
	b := s.brokers[id-1]
	return true, b.up, b.fenced
}

// RecordStory is one send() as the record inspector shows it: who sent it,
// what it holds, every offset a copy landed at, what its producer was told,
// and its fate for every group that reads its topic.
type RecordStory struct {
	RecordID  int
	Producer  string
	SendN     int
	Topic     string
	Partition int
	Offsets   []int64 // every offset a copy landed at, the first copy first
	Key       string
	NullKey   bool
	Value     string
	NullValue bool // a tombstone
	SentAtMs  int64
	// Outcome is what its producer knows: "acknowledged", "failed",
	// "in flight" or "sent (acks=0)".
	Outcome string
	// Headers are the record headers a live client sent with it (none for
	// a scenario's own producers, which send none).
	Headers []RecordHeader
	// Groups has one fate per group subscribed to the topic, in group
	// order. Fate is "" while the ledger does not count the record for the
	// group yet (not acknowledged and not processed); Reason then says why.
	Groups []GroupRecordFate
}

// GroupRecordFate is a record's fate for one group.
type GroupRecordFate struct {
	Group     string
	Fate      Fate
	Processed int // times the group finished processing it
	Reason    string
}

// Record tells the story of the send() with ledger id id (RecordView's
// RecordID); false for an unknown id or a control marker (-1). It looks at
// one record, not the whole ledger: frontiers are per group, the fate
// checks per record.
func (s *Sim) Record(id int) (RecordStory, bool) {
	if id < 0 || id >= s.ledger.recs.Len() {
		return RecordStory{}, false
	}
	rec := int32(id)
	ri := s.ledger.recs.At(id)
	o := s.ledger.originOf(ri)
	st := RecordStory{RecordID: id, Producer: s.producers[o.producer].cfg.ID, SendN: int(s.ledger.sendN(rec)),
		Topic: s.topics[o.topicIdx].cfg.Name, Partition: int(o.part), SentAtMs: ri.sentMs(),
		Outcome: recOutcome(s.ledger.fate(rec).state())}
	if f := s.ledger.fate(rec); f.offset >= 0 {
		st.Offsets = append([]int64{f.firstOffset()}, s.ledger.extra[rec]...)
	}
	st.Key, st.NullKey = s.ledger.keyOf(rec)
	st.Value, st.NullValue = s.ledger.valueOf(rec)
	if s.live != nil {
		st.Headers = s.live.headers[rec]
	}
	newest := newestByKey{}
	for _, g := range s.groups {
		if !containsString(g.cfg.Topics, st.Topic) {
			continue
		}
		gf := GroupRecordFate{Group: g.cfg.ID}
		if f, m, ok := s.groupFate(g, rec, s.frontiers(g)); ok {
			rf := s.recordFate(g, rec, f, m, newest)
			gf.Fate, gf.Processed, gf.Reason = f, rf.Processed, rf.Reason
		} else {
			gf.Reason = uncountedReason(s.ledger.fate(rec).state(), g.cfg.ID)
		}
		st.Groups = append(st.Groups, gf)
	}
	return st, true
}

// uncountedReason says why the ledger does not count a record for a group:
// it counts what was acknowledged or processed.
func uncountedReason(st recState, group string) string {
	if st == recFailed {
		return "its producer gave up on it and " + group + " never processed it: a failed send is the producer's loss, not the group's"
	}
	return "not counted yet: its producer has not been told it was written, and " + group + " has not processed it"
}

// recOutcome names what a producer knows of a record.
func recOutcome(st recState) string {
	switch st {
	case recAcked:
		return "acknowledged"
	case recFailed:
		return "failed"
	case recSent:
		return "sent (acks=0)"
	}
	return "in flight"
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
