package sim

// The explanations of a record batch's way in: sent, written by the
// leader, copied by followers, committed by the high watermark, and
// acknowledged. Each appends exactly what Why() returns.

// records-appended: the leader wrote a batch.
func (e *Event) appendAppendedWhy(b []byte) []byte {
	b = appendInt(append(b, "leader broker "...), int64(e.Broker))
	b = appendPlural(append(b, " wrote "...), e.Count, "record", "records")
	b = append(append(b, " from "...), e.Producer...)
	b = appendTP(append(b, " to "...), e)
	b = appendOffsets(append(b, " at "...), e.Offset, e.EndOffset)
	if e.Text == "duplicate" {
		b = append(b, ": a retry wrote records the log already had, so they are now there twice"...)
	}
	return b
}

// records-replicated: a follower copied part of the leader's log.
func (e *Event) appendReplicatedWhy(b []byte) []byte {
	b = appendInt(append(b, "follower broker "...), int64(e.Broker))
	b = appendOffsets(append(b, " copied "...), e.Offset, e.EndOffset)
	b = appendTP(append(b, " of "...), e)
	return appendInt(append(b, " from leader broker "...), int64(e.Broker2))
}

// high-watermark-advanced: every in-sync replica has the records now.
func (e *Event) appendHWWhy(b []byte) []byte {
	b = appendTP(b, e)
	b = appendInt(append(b, " high watermark "...), e.Offset)
	b = appendInt(append(b, " → "...), e.EndOffset)
	if e.Count == 1 {
		b = append(b, ": the only in-sync replica, the leader, has"...)
	} else {
		b = appendInt(append(b, ": all "...), int64(e.Count))
		b = append(b, " in-sync replicas have"...)
	}
	return append(b, " those records, so consumers may now read them"...)
}

// produce-request: a producer sent a batch, with its sequence numbers
// when idempotent, and which attempt it is.
func (e *Event) appendProduceRequestWhy(b []byte) []byte {
	b = append(b, e.Producer...)
	b = appendPlural(append(b, " sent a batch of "...), e.Count, "record", "records")
	b = appendTP(append(b, " for "...), e)
	b = appendInt(append(b, " to leader broker "...), int64(e.Broker))
	if e.FirstSeq >= 0 {
		b = appendInt(append(b, " with sequence numbers "...), int64(e.FirstSeq))
		b = appendInt(append(b, '-'), int64(int(e.FirstSeq)+e.Count-1))
	}
	if e.Attempt > 1 {
		b = appendInt(append(b, " (attempt "...), int64(e.Attempt))
		b = append(b, ')')
	}
	return b
}

// produce-acked: the producer learnt its batch is written, as its acks
// setting defines written.
func (e *Event) appendAckedWhy(b []byte) []byte {
	b = append(b, e.Producer...)
	b = appendPlural(append(b, " got the ack for "...), e.Count, "record", "records")
	b = appendTP(append(b, " in "...), e)
	b = appendOffsets(append(b, " ("...), e.Offset, e.EndOffset)
	if e.Acks == AcksLeader {
		return append(b, "): acks=1, only the leader is sure to have them"...)
	}
	return append(b, "): acks=all, every in-sync replica has them"...)
}
