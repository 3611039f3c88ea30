package sim

// The explanations of a consumer's routine: records fetched, processed
// and their offsets committed. Each appends exactly what Why() returns.

// records-fetched: a poll() returned records.
func (e *Event) appendFetchedWhy(b []byte) []byte {
	b = appendMemberIn(b, e)
	b = appendPlural(append(b, "'s poll() returned "...), e.Count, "record", "records")
	return append(append(b, ": "...), e.Text...)
}

// records-processed: the application handled records, some perhaps for
// the second time. A live client's reads are counted by the broker and
// explained where they are made.
func (e *Event) appendProcessedWhy(b []byte) []byte {
	switch e.Reason {
	case ReasonLiveRead:
		return append(b, liveReadWhy(*e)...)
	case ReasonLiveTxnRead:
		return append(b, liveTxnReadWhy(*e)...)
	}
	b = appendMemberIn(b, e)
	b = appendPlural(append(b, " processed "...), e.Count, "record", "records")
	b = append(append(append(b, " ("...), e.Text...), ')')
	if e.Duplicates > 0 {
		b = appendInt(append(b, "; "...), int64(e.Duplicates))
		b = append(b, " of them had been processed before: duplicates"...)
	}
	return b
}

// offsets-committed: a member's commit, or an operator's offset reset.
func (e *Event) appendCommittedWhy(b []byte) []byte {
	if e.Reason == ReasonManual {
		b = append(append(b, "kafka-consumer-groups --reset-offsets set "...), e.Group...)
		return append(append(b, "'s committed offset "...), e.Text...)
	}
	if e.Member == "" {
		b = append(append(b, "group "...), e.Group...)
	} else {
		b = appendMemberIn(b, e)
	}
	b = append(append(b, " committed "...), e.Text...)
	b = append(b, ": after a restart the group resumes from there"...)
	switch e.Reason {
	case Reason(CommitBeforeProcessing):
		b = append(b, " (committed before processing: a crash now loses these records)"...)
	case Reason(CommitAuto):
		b = append(b, " (enable.auto.commit, during poll())"...)
	}
	return b
}
