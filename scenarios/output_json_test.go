package scenarios

import (
	"encoding/json"
	"testing"
)

// The fast path of appendJSONString writes what the sanitizing path does.
func TestAppendJSONStringFastPath(t *testing.T) {
	for _, s := range []string{
		"", "plain", "high watermark 0 → 1 — all in sync", `say "hi"`, `a\b`, "two\nlines", "tab\there",
		"esc \x1b[31m", "bidi \u202e", "bad \xff utf8", "del \x7f", "ü é 日本",
	} {
		got := string(appendJSONString(nil, s))
		var slow []byte
		slow = append(slow, '"')
		slow = appendJSONEscaped(slow, Sanitize(s))
		slow = append(slow, '"')
		if got != string(slow) {
			t.Errorf("%q: fast %s, slow %s", s, got, slow)
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil || back != Sanitize(s) {
			t.Errorf("%q: %s does not decode to the sanitized text (%q, %v)", s, got, back, err)
		}
	}
}
