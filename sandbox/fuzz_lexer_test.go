package sandbox

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLexer feeds the shell-like word splitter and the script reader
// arbitrary text: no panic, words never longer than the line, and a script
// of any shape (continuations, long lines, records) reads in bounded time
// with transcripts that keep no raw escape.
// Run: go test ./sandbox -fuzz FuzzLexer
func FuzzLexer(f *testing.F) {
	for _, s := range []string{
		`kafka-topics --topic 'a b' --x "c\"d" e\ f`,
		`'unclosed`, `"unclosed \"`, `\`, `a\\b`,
		"list \\\n  --x \\\n\n",
		"kafka-console-producer --topic t" + bs + "\nk\x1b]52;c;x\x07\u202e\n^D\n# \x1b[2J\n",
		strings.Repeat("x \\\n", 50),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words, err := splitWords(text)
		// Counted in runes: invalid bytes come back as U+FFFD, three bytes.
		total := 0
		for _, w := range words {
			total += utf8.RuneCountInString(w)
		}
		if err == nil && total > utf8.RuneCountInString(text) {
			t.Fatalf("words of %d runes from a line of %d", total, utf8.RuneCountInString(text))
		}
		s := newSession(t, 1)
		var out strings.Builder
		if _, err := s.RunScript(strings.NewReader(text), &out, false); err != nil && !strings.Contains(err.Error(), "line ") {
			t.Fatalf("script error without a line: %v", err)
		}
		got := out.String()
		if strings.ContainsAny(got, "\x1b\x07\u202e\u2066") {
			t.Fatalf("raw escape in the transcript: %q", got)
		}
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Fatalf("transcript is not UTF-8: %q", got)
		}
	})
}
