package sim

import (
	"strconv"
	"testing"
	"unsafe"
)

// The ledger keeps an entry per send() of a run, up to millions: it must
// stay within 20 bytes (see recordInfo). At 40 bytes, writing them was a
// third of a ten-million-record run.
func TestRecordInfoSize(t *testing.T) {
	if n := unsafe.Sizeof(recordInfo{}); n > 20 {
		t.Fatalf("recordInfo is %d bytes, want at most 20", n)
	}
}

// digits counts decimal digits, as the generated value "<producer>#<n>"
// is sized.
func TestDigits(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 99999, 123456, 1000000, 99999999, 100000000, 2147483647} {
		if got, want := digits(n), len(strconv.Itoa(n)); got != want {
			t.Errorf("digits(%d) = %d, want %d", n, got, want)
		}
	}
}
