package sim

import "strconv"

// The explanations of the events a big run is made of (records written,
// copied, acknowledged, fetched, processed and committed) are built by
// appending to a byte buffer, so a writer printing tens of thousands of
// them allocates nothing per event. These functions are the only source of
// those sentences: Why() returns the same bytes as a string.

// AppendWhy appends the event's explanation, the bytes of Why(), to b.
func (e *Event) AppendWhy(b []byte) []byte {
	if out, ok := e.appendHotWhy(b); ok {
		return out
	}
	return append(b, e.Why()...)
}

// appendHotWhy writes the explanation of the frequent types; ok is false
// for the others, which Why() builds.
func (e *Event) appendHotWhy(b []byte) (out []byte, ok bool) {
	switch e.Type {
	case EvAppended:
		return e.appendAppendedWhy(b), true
	case EvReplicated:
		return e.appendReplicatedWhy(b), true
	case EvHWAdvanced:
		return e.appendHWWhy(b), true
	case EvProduceRequest:
		return e.appendProduceRequestWhy(b), true
	case EvAcked:
		return e.appendAckedWhy(b), true
	case EvFetched:
		return e.appendFetchedWhy(b), true
	case EvProcessed:
		return e.appendProcessedWhy(b), true
	case EvCommitted:
		return e.appendCommittedWhy(b), true
	}
	return b, false
}

// AppendFormatMs appends a virtual duration the way a learner reads it:
// 250ms, 9s, 1.5s, 1m30s, 2h5m.
func AppendFormatMs(b []byte, ms int64) []byte {
	switch {
	case ms < 1000:
		return append(strconv.AppendInt(b, ms, 10), "ms"...)
	case ms%1000 != 0 && ms < 10000:
		return append(strconv.AppendFloat(b, float64(ms)/1000, 'f', 1, 64), 's')
	case ms < 60000:
		return append(strconv.AppendInt(b, ms/1000, 10), 's')
	case ms < 3600000:
		b = append(strconv.AppendInt(b, ms/60000, 10), 'm')
		if s := (ms % 60000) / 1000; s != 0 {
			b = append(strconv.AppendInt(b, s, 10), 's')
		}
		return b
	default:
		b = append(strconv.AppendInt(b, ms/3600000, 10), 'h')
		return append(strconv.AppendInt(b, (ms%3600000)/60000, 10), 'm')
	}
}

// appendTP appends the event's partition as "orders-2".
func appendTP(b []byte, e *Event) []byte {
	b = append(b, e.Topic...)
	b = append(b, '-')
	return strconv.AppendInt(b, int64(e.Partition), 10)
}

// appendOffsets appends the range [from, to) as "offset 4" or "offsets 4-9".
func appendOffsets(b []byte, from, to int64) []byte {
	if to-from <= 1 {
		return strconv.AppendInt(append(b, "offset "...), from, 10)
	}
	b = strconv.AppendInt(append(b, "offsets "...), from, 10)
	return strconv.AppendInt(append(b, '-'), to-1, 10)
}

// appendPlural appends "1 record" or "3 records".
func appendPlural(b []byte, n int, one, many string) []byte {
	b = append(strconv.AppendInt(b, int64(n), 10), ' ')
	if n == 1 {
		return append(b, one...)
	}
	return append(b, many...)
}

// appendMemberIn names a member with its group: members are c1..cN in
// every group, so "c1" alone is ambiguous when two groups read the same
// topic.
func appendMemberIn(b []byte, e *Event) []byte {
	b = append(b, e.Member...)
	if e.Member == "" || e.Group == "" {
		return b
	}
	b = append(b, " of "...)
	return append(b, e.Group...)
}

// appendInt appends a decimal integer.
func appendInt(b []byte, n int64) []byte { return strconv.AppendInt(b, n, 10) }
