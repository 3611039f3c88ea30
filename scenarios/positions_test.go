package scenarios

import "testing"

func TestPositions(t *testing.T) {
	src := `title = "x" # comment [not] a = table
description = """
[[topic]]
name = "inside a multi-line string"
"""
[cluster]
config = { "replica.lag.time.max.ms" = 5000, nested = { a = 1 } }

[[topic]]
name = "a"
[topic.config]
"retention.ms" = 1

[[topic]]
  name = 'b'
  keys = [
    "x",
    { inline = "table" },
  ]
[[topic]]
dotted.key = 1
"quoted.key" = 2
`
	pos := scanPositions(src)
	cases := []struct {
		path []string
		line int
	}{
		{[]string{"title"}, 1},
		{[]string{"description"}, 2},
		{[]string{"cluster"}, 6},
		{[]string{"cluster", "config", "replica.lag.time.max.ms"}, 7},
		{[]string{"cluster", "config", "nested", "a"}, 7},
		{[]string{"topic", "#0"}, 9},
		{[]string{"topic", "#0", "name"}, 10},
		{[]string{"topic", "#0", "config"}, 11},
		{[]string{"topic", "#0", "config", "retention.ms"}, 12},
		{[]string{"topic", "#1", "name"}, 15},
		{[]string{"topic", "#1", "keys", "#0"}, 17},
		{[]string{"topic", "#1", "keys", "#1", "inline"}, 18},
		{[]string{"topic", "#2", "dotted", "key"}, 21},
		{[]string{"topic", "#2", "quoted.key"}, 22},
		// Missing keys fall back to the nearest ancestor.
		{[]string{"topic", "#1", "partitions"}, 14},
		{[]string{"nowhere"}, 1},
	}
	for _, c := range cases {
		if got := pos.line(c.path...); got != c.line {
			t.Errorf("line(%q) = %d, want %d", c.path, got, c.line)
		}
	}
	if pos.has("topic", "#0", "name", "x") || !pos.has("topic", "#2") {
		t.Errorf("has() is wrong")
	}
}
