package fuzzy

import "testing"

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"acks", "acks", 0}, {"ack", "acks", 1}, {"akcs", "acks", 2},
		{"kitten", "sitting", 3}, {"", "abc", 3},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestNearest(t *testing.T) {
	known := []string{"retention.ms", "retention.bytes", "cleanup.policy"}
	if w, d := Nearest("retention.msx", known); w != "retention.ms" || d != 1 {
		t.Errorf("got %q %d", w, d)
	}
	if w, d := Nearest("x", nil); w != "" || d != -1 {
		t.Errorf("no known words: %q %d", w, d)
	}
}
