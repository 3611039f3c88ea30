package lessons

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kafkasim/scenarios"
)

// FuzzParse feeds the front-matter parser arbitrary files. It must never
// panic, every error must carry a file name and a non-negative line, and a
// lesson it accepts must keep its own invariants.
func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte("+++\n+++\n"))
	f.Add([]byte("+++\nnumber = 1\n[[stop]]\nat = \"1s\"\n[stop.predict]\n+++\n"))
	f.Add([]byte("+++\ntitle = " + strings.Repeat("{a=", 100) + "1" + strings.Repeat("}", 100) + "\n+++\n"))
	f.Add([]byte("+++\n[stop\nx = \"\x1b]52;c;x\x07\u202e\"\n+++\n"))
	seeds, _ := fs.Glob(contentFS, "content/*.md")
	for _, s := range seeds {
		data, _ := fs.ReadFile(contentFS, s)
		f.Add(data)
	}
	bad, _ := filepath.Glob("testdata/bad/*.md")
	for _, s := range bad {
		data, _ := os.ReadFile(s)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse("01-fuzz.md", data)
		if err != nil {
			es, ok := err.(Errors)
			if !ok || len(es) == 0 {
				t.Fatalf("error is %T %v, want non-empty Errors", err, err)
			}
			for _, e := range es {
				if e.File != "01-fuzz.md" || e.Line < 0 || e.Key == "" {
					t.Fatalf("bad error %#v", e)
				}
			}
			// What reaches the terminal is bounded and holds no raw escape.
			msg := err.Error()
			if strings.ContainsAny(msg, "\x1b\x07\u202e") || strings.Count(msg, "\n") > 3*scenarios.MaxProblemsShown+1 {
				t.Fatalf("unsafe or unbounded message: %q", msg)
			}
			return
		}
		last := int64(-1)
		for _, s := range l.Stops {
			if s.AtMs <= last {
				t.Fatalf("stops out of order: %+v", l.Stops)
			}
			last = s.AtMs
			if s.Predict != nil {
				if s.Predict.RevealMs < s.AtMs {
					t.Fatalf("reveal before stop: %+v", s)
				}
				if s.Predict.RevealMs > last {
					last = s.Predict.RevealMs
				}
			}
		}
		if len(l.Challenge.Expect) == 0 || len(l.Challenge.Solution) == 0 {
			t.Fatalf("accepted a lesson without a checkable challenge")
		}
	})
}
