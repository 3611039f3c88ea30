package lessons

import (
	"strings"
	"testing"
)

func TestKeyLines(t *testing.T) {
	src := `number = 1
[[stop]]
at = "1s"
text = """
a = not a key
"""
[[stop]]
  at = "2s"
  [stop.predict]
  metric = "x"
[challenge]
  [[challenge.expect]]
  lost = "== 0"
  [[challenge.expect]]
  lost = "> 0"
`
	f := newLineFinder(src)
	tests := []struct {
		path []string
		want int
	}{
		{[]string{"number"}, 1},
		{[]string{"stop", "0"}, 2},
		{[]string{"stop", "0", "text"}, 4},
		{[]string{"stop", "0", "a"}, 2}, // inside a multi-line string: falls back to the table
		{[]string{"stop", "1", "at"}, 8},
		{[]string{"stop", "1", "predict", "metric"}, 10},
		{[]string{"challenge", "expect", "1", "lost"}, 15},
		{[]string{"nowhere"}, 0},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.path, "."), func(t *testing.T) {
			if got := f.line(tt.path...); got != tt.want {
				t.Errorf("line = %d, want %d", got, tt.want)
			}
		})
	}
	// Plain paths (as toml reports undecoded keys) go through occurrences in turn.
	if a, b := f.plainLine([]string{"challenge", "expect", "lost"}), f.plainLine([]string{"challenge", "expect", "lost"}); a != 13 || b != 15 {
		t.Errorf("plainLine = %d, %d; want 13, 15", a, b)
	}
}
