package quiz

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// want is one error a broken bank file must produce.
type want struct {
	line int
	key  string
	msg  string // a part of the message
}

// badFiles lists every file in testdata/bad and exactly the errors it must
// give, by line and key.
var badFiles = map[string][]want{
	"syntax.toml":               {{11, "prompt", "strings cannot contain newlines"}},
	"unknown-key.toml":          {{2, "explanation", "missing"}, {7, "explanaton", "unknown key"}},
	"wrong-type.toml":           {{5, "prompt", "want a string, got an integer"}},
	"duplicate-id.toml":         {{10, "id", `duplicate id "dup-one"`}},
	"single-bad-answer.toml":    {{7, "answer", "choice E does not exist"}},
	"single-one-choice.toml":    {{2, "choices", "1 choice"}},
	"multi-empty-answer.toml":   {{2, "answer", "needs one or more valid choices"}},
	"order-two-steps.toml":      {{2, "steps", "2 steps; want at least 3"}},
	"order-with-answer.toml":    {{7, "answer", "not used by kind order"}},
	"numeric-float.toml":        {{6, "answer", "want an integer, got a float"}},
	"truefalse-string.toml":     {{6, "answer", "want a boolean, got a string"}},
	"unknown-topic.toml":        {{2, "topic", `unknown topic "consumers"`}},
	"unknown-kind.toml":         {{2, "kind", `unknown kind "essay"`}},
	"empty-explanation.toml":    {{2, "explanation", "empty"}},
	"control-char.toml":         {{2, "prompt", "control character U+001B"}},
	"bidi-choice.toml":          {{2, "choices", "invisible formatting character U+202E"}},
	"bad-id.toml":               {{2, "id", "not kebab-case"}},
	"unknown-scenario.toml":     {{2, "scenario", `unknown scenario "kraft-magic"`}},
	"missing-fields.toml":       {{3, "id", "missing"}, {3, "kind", "missing"}},
	"top-level-key.toml":        {{1, "title", "unknown key"}},
	"wrong-case.toml":           {{5, "Prompt", "unknown key"}},
	"not-a-table.toml":          {{1, "question", "incompatible types"}},
	"choices-on-truefalse.toml": {{6, "choices", "not used by kind truefalse"}},
	"no-questions.toml":         {{1, "question", "no questions"}},
	"reserved-prefix.toml":      {{2, "id", `prefix "gen-"`}},
	"duplicate-choice.toml":     {{2, "choices", `"same" appears twice`}},
	"subtable.toml":             {{9, "meta", "unknown key"}},
	"multiline.toml":            {{19, "colour", "unknown key"}},
	"many-errors.toml": {
		{4, "topic", `unknown topic "nope"`},
		{8, "answer", "want a boolean, got an integer"},
		{17, "answer", "choice C does not exist"},
		{19, "hint", "unknown key"},
		{22, "answer", "missing"},
	},
}

func TestBadBankFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	for name := range badFiles {
		if !slices.Contains(names, name) {
			t.Errorf("badFiles lists %s, which is not in testdata/bad", name)
		}
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			wants, ok := badFiles[name]
			if !ok {
				t.Fatalf("testdata/bad/%s has no expected errors in badFiles", name)
			}
			data, err := os.ReadFile(filepath.Join("testdata/bad", name))
			if err != nil {
				t.Fatal(err)
			}
			_, err = LoadFile(name, data)
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("LoadFile = %v, want Errors", err)
			}
			if len(errs) != len(wants) {
				t.Errorf("got %d errors, want %d:\n%v", len(errs), len(wants), errs)
			}
			for _, w := range wants {
				found := slices.ContainsFunc(errs, func(e *Error) bool {
					return e.File == name && e.Line == w.line && e.Key == w.key && strings.Contains(e.Msg, w.msg)
				})
				if !found {
					t.Errorf("missing %s:%d: %s: ...%s...\ngot:\n%v", name, w.line, w.key, w.msg, errs)
				}
			}
			for _, e := range errs {
				if e.Hint == "" {
					t.Errorf("%v: every error needs a hint", e)
				}
			}
		})
	}
}

func TestErrorFormat(t *testing.T) {
	e := &Error{File: "bank/keys.toml", Line: 12, Key: "answer", Msg: "choice E does not exist", Hint: "there are 4 choices, A to D"}
	if got, want := e.Error(), "bank/keys.toml:12: answer: choice E does not exist (hint: there are 4 choices, A to D)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	e.Hint = ""
	if got := e.Error(); strings.Contains(got, "(") {
		t.Errorf("no hint should give no parentheses: %q", got)
	}
}

const goodFile = `
[[question]]
id = "good-single"
topic = "keys"
kind = "single"
prompt = "  Pick one.  "
choices = ["a", "b", "c"]
answer = "C"
explanation = "Because."
scenario = "keys"

[[question]]
id = "good-multi"
topic = "keys"
kind = "multi"
prompt = "Pick some."
choices = ["a", "b", "c"]
answer = ["C", "A"]
explanation = "Because."

[[question]]
id = "good-order"
topic = "programs"
kind = "order"
prompt = "Order."
steps = ["one", "two", "three"]
explanation = """
Multi-line
explanation."""

[[question]]
id = "good-tf"
topic = "log"
kind = "truefalse"
prompt = "True?"
answer = false
explanation = "No."

[[question]]
id = "good-numeric"
topic = "offsets"
kind = "numeric"
prompt = "How many?"
answer = -3
explanation = "Negative numbers are integers too."
`

func TestLoadGoodFile(t *testing.T) {
	qs, err := LoadFile("good.toml", []byte(goodFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 5 {
		t.Fatalf("got %d questions", len(qs))
	}
	single, multi, order, tf, num := qs[0], qs[1], qs[2], qs[3], qs[4]
	if single.Prompt != "Pick one." || !slices.Equal(single.Correct, []int{2}) || single.Line != 3 || single.Scenario != "keys" {
		t.Errorf("single: %+v", single)
	}
	if !slices.Equal(multi.Correct, []int{0, 2}) {
		t.Errorf("multi answers are sorted indices: %v", multi.Correct)
	}
	if !slices.Equal(order.Choices, []string{"one", "two", "three"}) || !slices.Equal(order.Correct, []int{0, 1, 2}) {
		t.Errorf("order: %+v", order)
	}
	if order.Explanation != "Multi-line\nexplanation." {
		t.Errorf("order explanation %q", order.Explanation)
	}
	if tf.Truth || tf.Kind != TrueFalse {
		t.Errorf("truefalse: %+v", tf)
	}
	if num.Number != -3 {
		t.Errorf("numeric: %+v", num)
	}
}

func TestLoadFSChecksIDsAcrossFiles(t *testing.T) {
	one := "[[question]]\nid = \"shared\"\ntopic = \"log\"\nkind = \"truefalse\"\nprompt = \"A?\"\nanswer = true\nexplanation = \"A.\"\n"
	fsys := fstest.MapFS{
		"bank/a.toml": {Data: []byte(one)},
		"bank/b.toml": {Data: []byte("# second file\n" + one)},
		"bank/c.txt":  {Data: []byte("not a bank file")},
	}
	qs, err := LoadFS(fsys, "bank")
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	e := errs[0]
	if e.File != "bank/b.toml" || e.Line != 3 || e.Key != "id" || !strings.Contains(e.Hint, "bank/a.toml:2") {
		t.Errorf("got %v", e)
	}
	if len(qs) != 1 || qs[0].File != "bank/a.toml" {
		t.Errorf("the first definition stays: %+v", qs)
	}
}

func TestScanKeysSkipsMultilineStrings(t *testing.T) {
	text := "[[question]]\nid = \"x\"\nprompt = '''\nanswer = 1\n'''\nanswer = 2\n[[question]]\nid = \"y\"\n"
	ix := scanKeys(text)
	if got := ix.keyInQuestion(0, "question.answer"); got != 6 {
		t.Errorf("answer of question 0 at line %d, want 6", got)
	}
	if got := ix.keyInQuestion(1, "question.id"); got != 8 {
		t.Errorf("id of question 1 at line %d, want 8", got)
	}
	if got := ix.questionLine(5); got != 0 {
		t.Errorf("no sixth question, got line %d", got)
	}
}
