package lazyregexp

import (
	"slices"
	"testing"
)

// The pattern compiles on first use and answers as regexp does; a bad one
// panics then, not before.
func TestCompilesOnFirstUse(t *testing.T) {
	r := New(`^(\d+)-([a-z]+)$`)
	if r.rx != nil {
		t.Fatal("compiled before use")
	}
	if got := r.FindStringSubmatch("12-ab"); !slices.Equal(got, []string{"12-ab", "12", "ab"}) {
		t.Errorf("FindStringSubmatch: %q", got)
	}
	if !r.MatchString("1-x") || r.MatchString("x-1") {
		t.Error("MatchString disagrees with the pattern")
	}
	bad := New(`(`)
	defer func() {
		if recover() == nil {
			t.Error("a bad pattern should panic on first use")
		}
	}()
	bad.MatchString("x")
}
