package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadCorpus parses every file in testdata/bad. Each starts with one or
// more "# want: TEXT" lines; each TEXT must appear in the error, so the
// file name, line, key and message are all pinned down.
func TestBadCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad corpus: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			wants := wantLines(string(data))
			if len(wants) == 0 {
				t.Fatal("no # want: line")
			}
			_, err = Parse(filepath.Base(f), data)
			if err == nil {
				t.Fatal("parsed without error")
			}
			var probs Problems
			if !errors.As(err, &probs) {
				t.Fatalf("error is %T, not Problems", err)
			}
			for _, w := range wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not contain %q:\n%s", w, err)
				}
			}
		})
	}
}

func wantLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		w, ok := strings.CutPrefix(line, "# want: ")
		if !ok {
			break
		}
		out = append(out, w)
	}
	return out
}
