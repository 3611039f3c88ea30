package sandbox

import (
	"strings"
	"testing"
)

func TestHistoryBrowsing(t *testing.T) {
	h := NewHistory(3)
	for _, l := range []string{"one", "two", "two", "", "three", "four"} {
		h.Add(l)
	}
	if got := strings.Join(h.Lines(), ","); got != "two,three,four" {
		t.Fatalf("lines %s, want two,three,four (repeats and blanks dropped, oldest trimmed)", got)
	}
	steps := []struct {
		prev bool
		want string
		ok   bool
	}{
		{true, "four", true}, {true, "three", true}, {true, "two", true}, {true, "draft", false}, // at the oldest the input stays as it is
		{false, "three", true}, {false, "four", true}, {false, "draft", true}, {false, "draft", false},
	}
	for i, st := range steps {
		var got string
		var ok bool
		if st.prev {
			got, ok = h.Prev("draft")
		} else {
			got, ok = h.Next()
		}
		if got != st.want || ok != st.ok {
			t.Fatalf("step %d: got %q %v, want %q %v", i, got, ok, st.want, st.ok)
		}
	}
	h.Add("five")
	if got, _ := h.Prev(""); got != "five" {
		t.Fatalf("after Add, Prev = %q", got)
	}
}

func TestHistoryZeroValue(t *testing.T) {
	var h History
	if _, ok := h.Prev("x"); ok {
		t.Fatal("empty history went back")
	}
	for i := 0; i < DefaultHistoryMax+10; i++ {
		h.Add(strings.Repeat("x", i%7+1) + string(rune('a'+i%26)))
	}
	if n := len(h.Lines()); n != DefaultHistoryMax {
		t.Fatalf("kept %d lines, want %d", n, DefaultHistoryMax)
	}
}
