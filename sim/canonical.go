package sim

import "strconv"

// appendCanonical writes the event's facts in a fixed order, the form the
// run digest hashes. The why text is left out: it is derived from the facts.
func (e *Event) appendCanonical(b []byte) []byte {
	b = strconv.AppendInt(b, e.AtMs, 10)
	b = append(b, '|')
	b = append(b, e.Type...)
	d := e.digestSlots()
	for _, n := range [...]int64{int64(e.Broker), int64(e.Broker2), int64(e.Partition), d.offset, d.endOffset,
		d.count, d.epoch, int64(e.Gen)} {
		if uint64(n) < 10 { // most are 0 or a broker id: one digit, strconv's bytes
			b = append(b, '|', byte('0'+n))
			continue
		}
		b = append(b, '|')
		b = strconv.AppendInt(b, n, 10)
	}
	for _, s := range [...]string{e.Topic, e.Producer, e.Group, e.Member, e.Err, string(d.reason), e.Text} {
		b = append(b, '|')
		b = append(b, s...)
	}
	if e.Unaware {
		b = append(b, "|unaware"...) // only when set: older runs keep their digests
	}
	return append(b, '\n')
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
	for _, flag := range [...]bool{e.StillMember, e.NewInstance, e.CrashedInstance, e.MemberRemoved, e.NoResetPolicy} {
		d.count += int64(boolInt(flag))
	}
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
