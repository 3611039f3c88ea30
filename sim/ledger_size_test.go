package sim

import (
	"testing"
	"unsafe"
)

// The ledger keeps an entry per send() of a run, up to millions: it must
// stay within 40 bytes (see recordInfo).
func TestRecordInfoSize(t *testing.T) {
	if n := unsafe.Sizeof(recordInfo{}); n > 40 {
		t.Fatalf("recordInfo is %d bytes, want at most 40", n)
	}
}
