package quiz

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"kafkasim/internal/fuzzy"
	"kafkasim/internal/lazyregexp"
	"kafkasim/scenarios"
)

// questionKeys are the keys a [[question]] table may hold.
var questionKeys = []string{
	"id", "topic", "kind", "prompt", "choices", "steps", "answer",
	"explanation", "scenario",
}

// rawFile is a bank file as TOML sees it.
type rawFile struct {
	Question []rawQuestion `toml:"question"`
}

// rawQuestion takes every value untyped, so the loader can say which key
// has the wrong type instead of stopping at the decoder's first complaint.
type rawQuestion struct {
	ID          tomlValue `toml:"id"`
	Topic       tomlValue `toml:"topic"`
	Kind        tomlValue `toml:"kind"`
	Prompt      tomlValue `toml:"prompt"`
	Choices     tomlValue `toml:"choices"`
	Steps       tomlValue `toml:"steps"`
	Answer      tomlValue `toml:"answer"`
	Explanation tomlValue `toml:"explanation"`
	Scenario    tomlValue `toml:"scenario"`
}

// tomlValue holds one value as decoded: string, int64, float64, bool,
// []any, map[string]any or a date. set is false when the key was absent.
type tomlValue struct {
	v   any
	set bool
}

// UnmarshalTOML keeps the value for the loader to check.
func (t *tomlValue) UnmarshalTOML(v any) error {
	t.v, t.set = v, v != nil
	return nil
}

// values pairs each key with what the file gave it, in questionKeys order.
func (rq *rawQuestion) values() map[string]tomlValue {
	return map[string]tomlValue{
		"id": rq.ID, "topic": rq.Topic, "kind": rq.Kind, "prompt": rq.Prompt,
		"choices": rq.Choices, "steps": rq.Steps, "answer": rq.Answer,
		"explanation": rq.Explanation, "scenario": rq.Scenario,
	}
}

// decodeFile decodes and checks one bank file. It returns the questions
// that are sound and every problem found, not just the first.
func decodeFile(name string, data []byte) ([]Question, Errors) {
	if len(data) > scenarios.MaxFileBytes {
		return nil, Errors{{File: name, Line: 1, Key: "file",
			Msg: fmt.Sprintf("the file is %d bytes, more than the limit of %d", len(data), scenarios.MaxFileBytes)}}
	}
	text := string(data)
	var raw rawFile
	if deep := scenarios.NestingProblem(name, text, 1); deep != nil {
		return nil, Errors{deep}
	}
	md, err := toml.Decode(text, &raw)
	if err != nil {
		return nil, Errors{decodeError(name, text, err)}
	}
	ix := scanKeys(text)
	var qs []Question
	var errs Errors
	if len(raw.Question) == 0 {
		errs = append(errs, &Error{File: name, Line: 1, Key: "question",
			Msg: "no questions in this file", Hint: "add [[question]] tables"})
	}
	for i := range raw.Question {
		idLine := ix.keyInQuestion(i, "question.id")
		if idLine == 0 {
			idLine = ix.questionLine(i)
		}
		q, issues := build(raw.Question[i].values())
		q.File, q.Line = name, idLine
		issues = mergeIssues(issues, q.problems())
		if strings.HasPrefix(q.ID, generatedPrefix) {
			issues = append(issues, issue{key: "id", msg: fmt.Sprintf("%q uses the prefix %q", q.ID, generatedPrefix), hint: "that prefix is kept for generated questions"})
		}
		for _, is := range issues {
			line := idLine
			if is.atKey {
				if l := ix.keyInQuestion(i, "question."+is.key); l != 0 {
					line = l
				}
			}
			errs = append(errs, &Error{File: name, Line: line, Key: is.key, Msg: is.msg, Hint: is.hint})
		}
		if len(issues) == 0 {
			qs = append(qs, q)
		}
	}
	errs = append(errs, strictKeys(name, &md, ix)...)
	slices.SortStableFunc(errs, func(a, b *Error) int { return a.Line - b.Line })
	return qs, errs
}

// strictKeys reports keys the bank does not know: Undecoded for unknown
// names, and a case check because the decoder matches field names without
// regard to case.
func strictKeys(name string, md *toml.MetaData, ix *keyIndex) Errors {
	var errs Errors
	seen := map[string]int{}
	undecoded := map[string]bool{}
	for _, k := range md.Undecoded() {
		path := k.String()
		n := seen[path]
		seen[path]++
		undecoded[path] = true
		if len(k) > 1 && undecoded[toml.Key(k[:len(k)-1]).String()] {
			continue // its parent is already reported
		}
		errs = append(errs, unknownKey(name, ix.nth(path, n), k))
	}
	cased := map[string]int{}
	for _, k := range md.Keys() {
		path := k.String()
		if undecoded[path] {
			continue
		}
		var bad bool
		switch {
		case len(k) == 1:
			bad = k[0] != "question"
		case len(k) == 2 && k[0] == "question":
			bad = !slices.Contains(questionKeys, k[1])
		}
		if bad {
			errs = append(errs, unknownKey(name, ix.nth(path, cased[path]), k))
			cased[path]++
		}
	}
	return errs
}

// unknownKey reports a key the bank does not use, suggesting the nearest
// known one.
func unknownKey(name string, line int, k toml.Key) *Error {
	last := k[len(k)-1]
	known := questionKeys
	if len(k) == 1 {
		known = []string{"question"}
	}
	hint := "known keys: " + strings.Join(known, ", ")
	if near := nearest(last, known); near != "" {
		hint = "did you mean " + strconv.Quote(near) + "?"
	}
	return &Error{File: name, Line: line, Key: shortKey(k.String()), Msg: "unknown key", Hint: hint}
}

// shortKey drops the "question." every key inside a question starts with,
// so errors name keys as the author wrote them.
func shortKey(path string) string { return strings.TrimPrefix(path, "question.") }

// nearest returns the known word a typo most likely meant (ignoring case):
// within one edit for short words, two for longer ones.
func nearest(w string, known []string) string {
	best, bestD := "", 2
	if len(w) > 4 {
		bestD = 3
	}
	for _, k := range known {
		if d := fuzzy.Distance(strings.ToLower(w), k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// decoderLine pulls "line 12 (last key "question")" out of the decoder's
// type errors, which are plain errors rather than ParseErrors.
var decoderLine = lazyregexp.New(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// decodeError turns a decoder failure into a located Error.
func decodeError(name, text string, err error) *Error {
	e := &Error{File: name, Key: "toml", Msg: err.Error(), Hint: "fix the TOML syntax; see https://toml.io"}
	if se, ok := scenarios.SyntaxProblem(name, text, 1, err); ok {
		e.Line, e.Msg, e.Context = se.Line, se.Msg, se.Context
		if se.Key != "" {
			e.Key = shortKey(se.Key)
		}
		return e
	}
	if m := decoderLine.FindStringSubmatch(err.Error()); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Key, e.Msg = m[2], m[3]
		if m[2] == "question" {
			e.Hint = "each question is a table: write [[question]] and its keys below it"
		}
	}
	return e
}

// LoadBankFile reads a teacher's question bank from disk, in the format of
// the built-in bank, and checks it as strictly: every problem is reported
// as file:line: key: message. The error, if any, is an [Errors].
func LoadBankFile(file string) ([]Question, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, Errors{{File: scenarios.SanitizeLine(file), Line: 1, Key: "file", Msg: err.Error()}}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, scenarios.MaxFileBytes+1)) // one more, so the size is reported
	if err != nil {
		return nil, Errors{{File: scenarios.SanitizeLine(file), Line: 1, Key: "file", Msg: err.Error()}}
	}
	qs, err := LoadFile(file, data)
	if err != nil {
		return nil, err
	}
	return qs, nil
}
