package sim

// appendCanonical writes the event's facts in a fixed order, the form the
// run digest hashes. The why text is left out: it is derived from the facts.
// Every event is written once, so the numbers are formatted here rather
// than by strconv: the bytes are strconv's (canonical_test.go).
func (e *Event) appendCanonical(b []byte) []byte {
	d := e.digestSlots()
	b = appendDecimal(b, e.AtMs)
	b = append(b, '|')
	b = append(b, e.Type...)
	b = appendNumberField(b, int64(e.Broker))
	b = appendNumberField(b, int64(e.Broker2))
	b = appendNumberField(b, int64(e.Partition))
	b = appendNumberField(b, d.offset)
	b = appendNumberField(b, d.endOffset)
	b = appendNumberField(b, d.count)
	b = appendNumberField(b, d.epoch)
	b = appendNumberField(b, int64(e.Gen))
	b = appendTextField(b, e.Topic)
	b = appendTextField(b, e.Producer)
	b = appendTextField(b, e.Group)
	b = appendTextField(b, e.Member)
	b = appendTextField(b, e.Err)
	b = appendTextField(b, string(d.reason))
	b = appendTextField(b, e.Text)
	if e.Unaware {
		b = append(b, "|unaware"...) // only when set: older runs keep their digests
	}
	return append(b, '\n')
}

// appendTextField writes '|' and s. Most fields are empty, and an empty
// append still calls memmove.
func appendTextField(b []byte, s string) []byte {
	b = append(b, '|')
	if s == "" {
		return b
	}
	return append(b, s...)
}

// appendNumberField writes '|' and n. Most numbers are 0 or a broker id:
// one digit.
func appendNumberField(b []byte, n int64) []byte {
	if uint64(n) < 10 {
		return append(b, '|', byte('0'+n))
	}
	b = append(b, '|')
	return appendDecimal(b, n)
}

// slots are the numeric positions and the reason of the canonical form
// that named facts share.
type slots struct {
	offset, endOffset, count, epoch int64
	reason                          Reason
}

// digestSlots places the named facts where the canonical form has always
// hashed them. Before events had named facts they shared the generic
// Offset, EndOffset, Count and Epoch fields; writing them in those positions keeps
// every digest recorded since (golden traces, saved runs) valid. Each type
// sets at most one fact per position, so the sums below pick that one.
func (e *Event) digestSlots() slots {
	d := slots{offset: e.Offset, endOffset: e.EndOffset, count: int64(e.Count), epoch: int64(e.Epoch), reason: e.Reason}
	// The flags were 1 in Count.
	d.count += int64(boolInt(e.StillMember) + boolInt(e.NewInstance) + boolInt(e.CrashedInstance) +
		boolInt(e.MemberRemoved) + boolInt(e.NoResetPolicy))
	d.offset += int64(e.FirstVoter) + int64(e.PrevPartitions) + int64(e.FirstSeq) + int64(e.RecordsBehind) +
		int64(e.RecordsSkipped) + int64(e.PartitionsAdded) + int64(e.OffsetsPartition)
	d.endOffset += int64(e.MinISR) + int64(e.Voters) + int64(e.OutputRecords) + int64(e.Duplicates) +
		int64(e.Tombstones) + int64(e.Partitions) + int64(e.LastSeq)
	d.epoch += int64(e.Attempt) + int64(e.Acks) + int64(e.ReplicationFactor) + e.ProducerID + int64(e.Txn) + int64(e.GroupGen)
	// The durations sat in EndOffset, except in these two types, which had
	// a second one there and the first in Offset.
	switch e.Type {
	case EvPollTimeout: // since the last poll, then max.poll.interval.ms
		d.offset += e.DurationMs
		d.endOffset += e.TimeoutMs + e.DelayMs
	case EvBrokerFenced, EvBrokerRestarted: // timeout or time to registration, then downtime
		d.offset += e.TimeoutMs + e.DelayMs
		d.endOffset += e.DurationMs
	default:
		d.endOffset += e.DurationMs + e.TimeoutMs + e.DelayMs
	}
	if e.Reason == ReasonBrokerRefused {
		d.reason = ReasonManual // the name this cause had then
	}
	return d
}
