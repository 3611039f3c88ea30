package quiz

import (
	"fmt"
	"slices"
	"strings"
)

// issue is a problem with one key of one question, before it has a line.
type issue struct {
	key, msg, hint string
	// atKey points the error at the key's own line (a type problem) rather
	// than at the question's id line (a problem of meaning).
	atKey bool
}

// builder turns the untyped values of one [[question]] into a Question,
// collecting every problem on the way.
type builder struct {
	vals   map[string]tomlValue
	issues []issue
}

// build checks types and the answer shape of the question's kind.
func build(vals map[string]tomlValue) (Question, []issue) {
	b := &builder{vals: vals}
	q := Question{
		ID:          b.str("id", true),
		Topic:       b.str("topic", true),
		Kind:        Kind(b.str("kind", true)),
		Prompt:      b.str("prompt", true),
		Explanation: b.str("explanation", true),
		Scenario:    b.str("scenario", false),
	}
	switch q.Kind {
	case Single, Multi:
		b.absent("steps", q.Kind, `write the options as "choices"`)
		q.Choices = b.strs("choices", true)
		q.Correct = b.letters(q.Kind, len(q.Choices))
	case Order:
		b.absent("choices", q.Kind, `write the steps, in the right order, as "steps"`)
		b.absent("answer", q.Kind, "the order the steps are written in is the answer")
		q.Choices = b.strs("steps", true)
		for i := range q.Choices {
			q.Correct = append(q.Correct, i)
		}
	case TrueFalse:
		b.absent("choices", q.Kind, "true and false are the choices")
		b.absent("steps", q.Kind, "")
		if v, ok := b.get("answer", true); ok {
			t, isBool := v.(bool)
			b.want(isBool, "answer", "a boolean", v, "write answer = true or answer = false")
			q.Truth = t
		}
	case Numeric:
		b.absent("choices", q.Kind, "the learner types a number")
		b.absent("steps", q.Kind, "")
		if v, ok := b.get("answer", true); ok {
			n, isInt := v.(int64)
			b.want(isInt, "answer", "an integer", v, "write answer = 42")
			q.Number = int(n)
		}
	case "":
		// already reported as missing
	default:
		b.add(issue{key: "kind", msg: fmt.Sprintf("unknown kind %q", q.Kind), hint: "one of " + kindList()})
	}
	return q, b.issues
}

func (b *builder) add(is issue) { b.issues = append(b.issues, is) }

// get returns a key's value, reporting it if it is required and missing.
func (b *builder) get(key string, required bool) (any, bool) {
	tv := b.vals[key]
	if !tv.set {
		if required {
			b.add(issue{key: key, msg: "missing", hint: "every question needs " + key})
		}
		return nil, false
	}
	return tv.v, true
}

// want reports a value of the wrong type.
func (b *builder) want(ok bool, key, what string, v any, hint string) {
	if !ok {
		b.add(issue{key: key, msg: fmt.Sprintf("want %s, got %s", what, typeName(v)), hint: hint, atKey: true})
	}
}

// absent reports a key that the kind does not use.
func (b *builder) absent(key string, k Kind, hint string) {
	if b.vals[key].set {
		if hint == "" {
			hint = "remove it"
		}
		b.add(issue{key: key, msg: fmt.Sprintf("not used by kind %s", k), hint: hint, atKey: true})
	}
}

// str reads a string, trimmed of surrounding space.
func (b *builder) str(key string, required bool) string {
	v, ok := b.get(key, required)
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	b.want(isStr, key, "a string", v, `write it in quotes: `+key+` = "..."`)
	return strings.TrimSpace(s)
}

// strs reads an array of strings.
func (b *builder) strs(key string, required bool) []string {
	v, ok := b.get(key, required)
	if !ok {
		return nil
	}
	arr, isArr := v.([]any)
	b.want(isArr, key, "an array of strings", v, key+` = ["...", "..."]`)
	var out []string
	for _, e := range arr {
		s, isStr := e.(string)
		if !isStr {
			b.want(false, key, "an array of strings", e, "every element must be a quoted string")
			return nil
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// letters reads the answer of a single (one letter) or multi (an array of
// letters) question and turns it into choice indices.
func (b *builder) letters(k Kind, nChoices int) []int {
	v, ok := b.get("answer", true)
	if !ok {
		return nil
	}
	var raw []any
	if k == Single {
		if _, isStr := v.(string); !isStr {
			b.want(false, "answer", "one choice letter", v, `write answer = "B"`)
			return nil
		}
		raw = []any{v}
	} else {
		arr, isArr := v.([]any)
		if !isArr {
			b.want(false, "answer", "an array of choice letters", v, `write answer = ["A", "C"]`)
			return nil
		}
		raw = arr
	}
	var out []int
	for _, e := range raw {
		s, _ := e.(string)
		i := letterIndex(s)
		switch {
		case i < 0:
			b.add(issue{key: "answer", msg: fmt.Sprintf("%s is not a choice letter", describe(e)), hint: "use capital letters: A is the first choice", atKey: true})
			return nil
		case i >= nChoices:
			b.add(issue{key: "answer", msg: fmt.Sprintf("choice %s does not exist", s), hint: fmt.Sprintf("there are %d choices, %s", nChoices, letterRange(nChoices)), atKey: true})
			return nil
		case slices.Contains(out, i):
			b.add(issue{key: "answer", msg: fmt.Sprintf("choice %s given twice", s), hint: "list each right choice once", atKey: true})
			return nil
		}
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}

// letterIndex maps "A" to 0; anything but one capital letter gives -1.
func letterIndex(s string) int {
	if len(s) != 1 || s[0] < 'A' || s[0] > 'Z' {
		return -1
	}
	return int(s[0] - 'A')
}

func letterRange(n int) string {
	if n <= 0 {
		return "none"
	}
	return "A to " + Label(n-1)
}

func describe(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return typeName(v)
}

// typeName says what TOML type a decoded value has.
func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	default:
		return "a date or time"
	}
}

func kindList() string {
	names := make([]string, len(allKinds))
	for i, k := range allKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}
