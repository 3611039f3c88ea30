package quiz

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoadFile feeds arbitrary bytes to the bank decoder. It must never
// panic; what it accepts must be valid questions, and what it rejects must
// come with located, hinted errors.
// Run: go test ./quiz -fuzz FuzzLoadFile
func FuzzLoadFile(f *testing.F) {
	bank, _ := fs.Glob(bankFS, "bank/*.toml")
	for _, name := range bank {
		data, err := fs.ReadFile(bankFS, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	bad, _ := filepath.Glob("testdata/bad/*.toml")
	for _, name := range bad {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(goodFile))
	f.Add([]byte("[[question]]\nprompt = '''\nkind = 1\n'''\n[question.x]\n[[question.y]]\n"))
	f.Add([]byte("[[question]]\nchoices = " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n"))
	f.Add([]byte("[[question]]\nid = \"\x1b]52;c;x\x07\u202e\"\n[[question\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		qs, err := LoadFile("fuzz.toml", data)
		lines := strings.Count(string(data), "\n") + 1
		var errs Errors
		if err != nil && !errors.As(err, &errs) {
			t.Fatalf("error of type %T: %v", err, err)
		}
		for _, e := range errs {
			if e.File != "fuzz.toml" || e.Line < 0 || e.Line > lines || e.Key == "" || e.Msg == "" || e.Error() == "" {
				t.Errorf("badly formed error %+v", e)
			}
		}
		if err != nil && strings.ContainsAny(err.Error(), "\x1b\x07\u202e") {
			t.Fatalf("raw escape in %q", err.Error())
		}
		for _, q := range qs {
			if err := q.Validate(); err != nil {
				t.Errorf("accepted an invalid question: %v", err)
			}
			if !q.Check(Response{Picks: q.Correct, Truth: q.Truth, Number: q.Number}) {
				t.Errorf("%s: its own answer does not check", q.ID)
			}
			q.AnswerText()
		}
	})
}

// FuzzParseResponse: typed answers never panic, and a parsed answer
// renders without panicking either.
func FuzzParseResponse(f *testing.F) {
	for _, s := range []string{"A", "a, c", "D C B A", "true", "no", "42", "-7", "", "ZZ", "é"} {
		f.Add(s)
	}
	qs := []Question{qSingle, qMulti, qOrder, qTF, qNum}
	f.Fuzz(func(t *testing.T, in string) {
		for _, q := range qs {
			r, err := q.ParseResponse(in)
			if err != nil {
				continue
			}
			for _, p := range r.Picks {
				if p < 0 || p >= len(q.Choices) {
					t.Fatalf("%s: pick %d out of range from %q", q.Kind, p, in)
				}
			}
			q.Check(r)
			q.ResponseText(r)
		}
	})
}
