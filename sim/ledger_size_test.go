package sim

import (
	"strconv"
	"testing"
	"unsafe"
)

// The ledger keeps an entry per send() of a run, up to millions: with its
// fate it must stay within 20 bytes (see recordInfo). At 40 bytes, writing
// them was a third of a ten-million-record run. The fate, which later
// writes copy from checkpoints, stays within 8.
func TestRecordInfoSize(t *testing.T) {
	info, fate := unsafe.Sizeof(recordInfo{}), unsafe.Sizeof(recordFate{})
	if info+fate > 20 || fate > 8 {
		t.Fatalf("recordInfo is %d bytes and recordFate %d, want at most 20 together and 8 for the fate", info, fate)
	}
}

// A fate keeps its sequence number and its state apart: writing one leaves
// the other as it was.
func TestRecordFateKeepsSeqAndState(t *testing.T) {
	var f recordFate
	if f.seq() != -1 || f.state() != recPending {
		t.Fatalf("a new fate has seq %d and state %d, want -1 and pending", f.seq(), f.state())
	}
	f.setState(recFailed)
	f.setSeq(seqMask - 1)
	if f.seq() != seqMask-1 || f.state() != recFailed {
		t.Fatalf("seq %d state %d, want %d and failed", f.seq(), f.state(), seqMask-1)
	}
	f.setSeq(0)
	f.setState(recSent)
	if f.seq() != 0 || f.state() != recSent {
		t.Fatalf("seq %d state %d, want 0 and sent", f.seq(), f.state())
	}
}

// decimalDigits counts decimal digits, as the generated value
// "<producer>#<n>" and the canonical form's numbers are sized.
func TestDecimalDigits(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 99999, 123456, 1000000, 99999999, 100000000, 2147483647} {
		if got, want := decimalDigits(uint64(n)), len(strconv.Itoa(n)); got != want {
			t.Errorf("decimalDigits(%d) = %d, want %d", n, got, want)
		}
	}
}
