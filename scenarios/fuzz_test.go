package scenarios

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse feeds the decoder arbitrary files: it must never panic, and
// what it accepts must be within the limits and print safely. Seeded with
// the library, the example, and the corpus of broken files.
// Run: go test ./scenarios -fuzz=FuzzParse
func FuzzParse(f *testing.F) {
	seeds, _ := fs.Glob(library, "library/*.toml")
	for _, s := range seeds {
		data, _ := fs.ReadFile(library, s)
		f.Add(data)
	}
	local, _ := filepath.Glob("testdata/*.toml")
	bad, _ := filepath.Glob("testdata/bad/*.toml")
	for _, s := range append(local, bad...) {
		data, _ := os.ReadFile(s)
		f.Add(data)
	}
	f.Add([]byte("[[timeline]]\nat = \"1s\"\ndo = \"produce\"\nproducer = \"p\"\nkey = \"\\u001b[2J\"\n"))
	f.Add([]byte("topic = [{name = \"a\", config = {\"x\" = [1, [2]]}}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := Parse("fuzz.toml", data)
		if err != nil {
			if strings.Contains(err.Error(), "\x1b") {
				t.Fatalf("raw escape in error: %q", err.Error())
			}
			return
		}
		if sc.recordsFor(sc.DurationMs) > MaxRecords {
			t.Fatalf("accepted a run over the record limit")
		}
		if strings.ContainsAny(sc.Title+sc.Description, "\x1b\x07\r") {
			t.Fatalf("raw control characters kept: %q", sc.Title)
		}
		for _, it := range sc.Timeline {
			if _, err := (TimelineEntry{}).Scheduled(); err == nil {
				t.Fatalf("an empty timeline entry must not be valid")
			}
			if it.AtMs < 0 || it.AtMs > sc.DurationMs {
				t.Fatalf("timeline entry at %d outside the run", it.AtMs)
			}
		}
	})
}
