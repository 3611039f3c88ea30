package sim

// recordFate is what becomes of a record after its send, in 8 bytes: where
// its first copy landed, its sequence number and its producer's verdict.
// These change well after the send (as the record lands and is
// acknowledged), so they are kept apart from recordInfo, in a list of
// their own: a checkpoint taken meanwhile shares the records' infos for
// good, and the writes copy only the fates' smaller chunks (8 bytes a
// record, not 20).
type recordFate struct {
	offset int32 // where its first copy landed, -1 if nowhere yet
	// seqState is the idempotence sequence + 1 (0 = none) in the low
	// seqBits bits and the recState above them.
	seqState uint32
}

// seqBits holds a sequence number below 2^30 - 1: a producer would have
// to send a billion records to one partition in one epoch to reach it.
const seqBits = 30

const seqMask = 1<<seqBits - 1

// firstOffset is where its first copy landed, -1 if nowhere yet.
func (f *recordFate) firstOffset() int64 { return int64(f.offset) }

// seq is its idempotence sequence, -1 = none.
func (f *recordFate) seq() int32 { return int32(f.seqState&seqMask) - 1 }

// state is what its producer knows of it.
func (f *recordFate) state() recState { return recState(f.seqState >> seqBits) }

func (f *recordFate) setSeq(seq int32) {
	if seq+1 > seqMask {
		panic("sim: a sequence number past 2^30 - 2")
	}
	f.seqState = f.seqState&^seqMask | uint32(seq+1)
}

func (f *recordFate) setState(st recState) {
	f.seqState = f.seqState&seqMask | uint32(st)<<seqBits
}

// fate is rec's fate; the pointer must not be written through.
func (l *ledger) fate(rec int32) *recordFate { return l.fates.At(int(rec)) }
