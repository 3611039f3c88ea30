package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestParseLine: SGR sequences split a line into runs at the right
// columns, with 24-bit and 256 colours, bold, reverse and reset.
func TestParseLine(t *testing.T) {
	runs, end := parseLine("ab\x1b[1;38;2;95;215;255mcd\x1b[0m e\x1b[7;38;5;196mf", attrs{})
	want := []run{
		{col: 0, text: "ab"},
		{col: 2, text: "cd", a: attrs{fg: "#5fd7ff", bold: true}},
		{col: 4, text: " e"},
		{col: 6, text: "f", a: attrs{fg: "#ff0000", reverse: true}},
	}
	if len(runs) != len(want) {
		t.Fatalf("got %+v", runs)
	}
	for i := range want {
		if runs[i] != want[i] {
			t.Errorf("run %d: got %+v, want %+v", i, runs[i], want[i])
		}
	}
	if fg, bg := end.colours(); fg != defaultBg || bg != "#ff0000" {
		t.Errorf("reverse: fg %s bg %s", fg, bg)
	}
}

// TestSVGEscapesAndSizes: the image is as wide as the widest line, and
// markup in the text is escaped.
func TestSVGEscapesAndSizes(t *testing.T) {
	lines, err := readLines(strings.NewReader("<b>&\n\x1b[48;2;0;0;0mxy\x1b[0m\n"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	writeSVG(&out, "t", lines)
	svg := out.String()
	for _, want := range []string{"&lt;b&gt;&amp;", `fill="#000000"`, `width="58"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("%q missing from:\n%s", want, svg)
		}
	}
}
