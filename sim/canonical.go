package sim

import "strconv"

// appendCanonical writes the event's facts in a fixed order, the form the
// run digest hashes. The why text is left out: it is derived from the facts.
func (e *Event) appendCanonical(b []byte) []byte {
	b = strconv.AppendInt(b, e.AtMs, 10)
	b = append(b, '|')
	b = append(b, e.Type...)
	for _, n := range [...]int64{int64(e.Broker), int64(e.Broker2), int64(e.Partition), e.Offset, e.EndOffset,
		int64(e.Count), int64(e.Epoch), int64(e.Gen)} {
		b = append(b, '|')
		b = strconv.AppendInt(b, n, 10)
	}
	for _, s := range [...]string{e.Topic, e.Producer, e.Group, e.Member, e.Err, string(e.Reason), e.Text} {
		b = append(b, '|')
		b = append(b, s...)
	}
	if e.Unaware {
		b = append(b, "|unaware"...) // only when set: older runs keep their digests
	}
	return append(b, '\n')
}
