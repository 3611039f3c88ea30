package scenarios

import (
	"math/rand/v2"
	"testing"
)

// The in-place checks the writers use answer as the string checks do, for
// every byte at every position of a word: printable ASCII on both sides of
// each boundary (0x1f/0x20, 0x7e/0x7f, 0x7f/0x80), quotes, backslashes,
// tabs, newlines, runes a terminal shows and runes it acts on, and invalid
// UTF-8.
func TestPlainBytesAgreesWithStrings(t *testing.T) {
	pieces := []string{"a", "Z", " ", "~", "\x1f", "\x7f", "\x80", "\xff", "\"", "\\", "\t", "\n", "\r", "\x00",
		"→", "—", "é", "\u202e", "\u009b", "\u200f", "\xe2\x86"}
	rng := rand.New(rand.NewPCG(1, 2))
	check := func(s string) {
		if got, want := isPlainBytes([]byte(s)), isPlain(s, true); got != want {
			t.Fatalf("isPlainBytes(%q) = %t, isPlain says %t", s, got, want)
		}
		if got, want := jsonPlainBytes([]byte(s)), jsonPlain(s); got != want {
			t.Fatalf("jsonPlainBytes(%q) = %t, jsonPlain says %t", s, got, want)
		}
	}
	for _, p := range pieces {
		for pos := 0; pos < 20; pos++ {
			pad := "abcdefghijklmnopqrstuvwxyz"[:pos]
			check(pad + p + "0123456789abcdef")
			check(pad + p)
		}
	}
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 16; pos++ {
			b := []byte("0123456789abcdef0123")
			b[pos] = byte(c)
			check(string(b))
		}
	}
	for i := 0; i < 20000; i++ {
		var s string
		for n := rng.IntN(30); n > 0; n-- {
			if rng.IntN(4) == 0 {
				s += pieces[rng.IntN(len(pieces))]
			} else {
				s += "x"
			}
		}
		check(s)
	}
}

func FuzzPlainBytes(f *testing.F) {
	f.Add("a\u202eb\xc0 \"quoted\" → fine")
	f.Fuzz(func(t *testing.T, s string) {
		if isPlainBytes([]byte(s)) != isPlain(s, true) || jsonPlainBytes([]byte(s)) != jsonPlain(s) {
			t.Fatalf("the in-place checks disagree with the string ones on %q", s)
		}
	})
}
