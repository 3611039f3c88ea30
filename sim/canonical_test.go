package sim

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"strconv"
	"strings"
	"testing"
)

// The canonical form writes each number as strconv does, whatever its
// size or sign: digests recorded before (golden traces, saved runs) hold.
func TestCanonicalNumbersAsStrconv(t *testing.T) {
	for _, n := range []int{-12, -1, 0, 1, 9, 10, 99, 100, 123456789} {
		e := Event{AtMs: int64(n), Type: EvNote, Broker: n, Broker2: n, Partition: n, Offset: int64(n), Gen: n}
		d := e.digestSlots()
		want := []string{strconv.Itoa(n), string(EvNote)}
		for _, v := range []int64{int64(n), int64(n), int64(n), d.offset, d.endOffset, d.count, d.epoch, int64(n)} {
			want = append(want, strconv.FormatInt(v, 10))
		}
		want = append(want, "", "", "", "", "", "", "")
		if got, w := string(e.appendCanonical(nil)), strings.Join(want, "|")+"\n"; got != w {
			t.Fatalf("%d: canonical %q, want %q", n, got, w)
		}
	}
}

// The digest gathers canonical events and hashes them many at a time; read
// at any point, cloned mid-run or not, it is the sha256 of every event's
// canonical form in order, as hashing each one as it came gave.
func TestDigestIsEveryEventInOrder(t *testing.T) {
	r := busyRun(t)
	r.RunUntil(12_000)
	clone := r.Sim().Clone()
	r.RunUntil(15_000)
	s := r.Sim()
	var all []byte
	for _, e := range s.Events() {
		all = e.appendCanonical(all)
	}
	sum := sha256.Sum256(all)
	if got, want := s.Digest(), hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("digest %s, want the sha256 of the %d events' canonical forms %s", got, s.EventCount(), want)
	}
	var upTo []byte
	for _, e := range clone.Events() {
		upTo = e.appendCanonical(upTo)
	}
	sum = sha256.Sum256(upTo)
	if got, want := clone.Digest(), hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("the clone's digest %s, want %s", got, want)
	}
}

// The canonical form's own number writer gives strconv's bytes for every
// size and sign: each power of ten and its neighbours, and the extremes.
func TestAppendDecimalAsStrconv(t *testing.T) {
	ns := []int64{math.MinInt64, math.MaxInt64, math.MinInt64 + 1}
	for p := int64(1); p > 0 && p <= math.MaxInt64/10; p *= 10 {
		for _, n := range []int64{p - 1, p, p + 1, 5 * p, 10*p - 1} {
			ns = append(ns, n, -n)
		}
	}
	roomy := make([]byte, 1, 64) // written in place, where the short one grows
	for _, n := range ns {
		want := "x" + strconv.FormatInt(n, 10)
		if got := string(appendDecimal([]byte("x"), n)); got != want {
			t.Fatalf("appendDecimal(%d) = %q, want %q", n, got, want)
		}
		roomy[0] = 'x'
		if got := string(appendDecimal(roomy[:1], n)); got != want {
			t.Fatalf("appendDecimal(%d) in place = %q, want %q", n, got, want)
		}
	}
}
