package scenarios

import "testing"

func TestSanitize(t *testing.T) {
	cases := []struct{ in, text, line string }{
		{"plain text", "plain text", "plain text"},
		{"two\nlines\tand tab", "two\nlines\tand tab", `two\nlines\tand tab`},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`, `\x1b[31mred\x1b[0m`},
		{"bell\x07 del\x7f cr\r", `bell\x07 del\x7f cr\r`, `bell\x07 del\x7f cr\r`},
		{"csi\u009b2J", `csi\u009b2J`, `csi\u009b2J`},
		{"evil\u202egnp.exe", `evil\u202egnp.exe`, `evil\u202egnp.exe`},
		{"bad \xff utf8", `bad \xff utf8`, `bad \xff utf8`},
		{"héllo wörld ✓", "héllo wörld ✓", "héllo wörld ✓"},
		{"", "", ""},
	}
	for _, c := range cases {
		if got := Sanitize(c.in); got != c.text {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.text)
		}
		if got := SanitizeLine(c.in); got != c.line {
			t.Errorf("SanitizeLine(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	f.Add("\x1b]0;title\x07")
	f.Add("a\u202eb\xc0")
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range SanitizeLine(s) {
			if r < 0x20 || r == 0x7f || invisibleControl(r) || r == 0xfffd && !containsRune(s, 0xfffd) {
				t.Fatalf("SanitizeLine(%q) keeps %U", s, r)
			}
		}
	})
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}
