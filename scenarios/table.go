package scenarios

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// decoder walks the decoded TOML tree and collects every problem it finds,
// so one pass reports them all.
type decoder struct {
	file  string
	pos   *positions
	probs Problems
}

func (d *decoder) add(line int, key, msg, hint string) {
	d.probs = append(d.probs, &Problem{File: d.file, Line: line, Key: key, Msg: msg, Hint: hint})
}

// table is one TOML table being read: its values, where it sits (path, for
// line numbers), how its keys are named in messages, and the keys it allows.
type table struct {
	d       *decoder
	m       map[string]any
	path    []string // "topic", "#0"
	name    string   // "topic"
	allowed []string
}

func (d *decoder) root(m map[string]any, allowed ...string) *table {
	return &table{d: d, m: m, allowed: allowed}
}

// child is the table under key (a [section] or an inline table), or nil when
// the key is absent or not a table (which is reported).
func (t *table) child(key string, allowed ...string) *table {
	v, ok := t.m[key]
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.problem(key, "must be a table, not "+describe(v), "write ["+t.keyName(key)+"] or "+key+" = { ... }")
		return nil
	}
	return &table{d: t.d, m: m, path: t.sub(key), name: t.keyName(key), allowed: allowed}
}

// list is the array of tables under key ([[key]] blocks).
func (t *table) list(key string, allowed ...string) []*table {
	v, ok := t.m[key]
	if !ok {
		return nil
	}
	var elems []map[string]any
	switch v := v.(type) {
	case []map[string]any:
		elems = v
	case []any:
		for _, e := range v {
			m, ok := e.(map[string]any)
			if !ok {
				t.problem(key, "must be an array of tables, not an array of "+typeName(e), "write each as a [["+key+"]] block")
				return nil
			}
			elems = append(elems, m)
		}
	default:
		t.problem(key, "must be an array of tables, not "+describe(v), "write each as a [["+key+"]] block")
		return nil
	}
	out := make([]*table, len(elems))
	for i, m := range elems {
		out[i] = &table{d: t.d, m: m, path: t.sub(key, "#"+strconv.Itoa(i)), name: t.keyName(key), allowed: allowed}
	}
	return out
}

func (t *table) sub(keys ...string) []string {
	return append(append([]string{}, t.path...), keys...)
}

func (t *table) keyName(key string) string {
	if t.name == "" {
		return key
	}
	return t.name + "." + key
}

// line is where key is written, or where the table starts.
func (t *table) line(key string) int {
	if key == "" {
		return t.d.pos.line(t.path...)
	}
	return t.d.pos.line(t.sub(key)...)
}

// problem reports a mistake at key ("" = the table itself).
func (t *table) problem(key, msg, hint string) {
	name := t.name
	if key != "" {
		name = t.keyName(key)
	}
	t.d.add(t.line(key), name, msg, hint)
}

func (t *table) has(key string) bool {
	_, ok := t.m[key]
	return ok
}

// finish reports every key the table does not allow.
func (t *table) finish() {
	for _, k := range sortedKeys(t.m) {
		if !contains(t.allowed, k) {
			t.problem(k, "unknown key", suggest(k, t.allowed))
		}
	}
}

func (t *table) str(key string) (string, bool) {
	v, ok := t.m[key]
	if !ok {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		t.problem(key, "must be a string, not "+describe(v), fmt.Sprintf("write %s = %q", key, fmt.Sprint(v)))
		return "", false
	}
	if len(s) > MaxTextBytes {
		t.problem(key, fmt.Sprintf("is %d bytes long, more than the limit of %d", len(s), MaxTextBytes), "")
		return "", false
	}
	return s, true
}

func (t *table) integer(key string, lo, hi int64) (int64, bool) {
	v, ok := t.m[key]
	if !ok {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		hint := "write a whole number without quotes"
		if s, isStr := v.(string); isStr {
			if _, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil {
				hint = fmt.Sprintf("write %s = %s", key, strings.TrimSpace(s))
			}
		}
		t.problem(key, "must be an integer, not "+describe(v), hint)
		return 0, false
	}
	if n < lo || n > hi {
		t.problem(key, fmt.Sprintf("%d is out of range", n), fmt.Sprintf("use %d to %d", lo, hi))
		return 0, false
	}
	return n, true
}

func (t *table) boolean(key string) (bool, bool) {
	v, ok := t.m[key]
	if !ok {
		return false, false
	}
	b, ok := v.(bool)
	if !ok {
		t.problem(key, "must be true or false, not "+describe(v), "write "+key+" = true")
		return false, false
	}
	return b, true
}

// duration reads a Go duration string ("20ms", "5s", "1m30s") as whole
// milliseconds between 0 and MaxDurationMs.
func (t *table) duration(key string) (int64, bool) {
	v, ok := t.m[key]
	if !ok {
		return 0, false
	}
	ms, err := parseDurationValue(v)
	if err != nil {
		t.problem(key, err.Error(), `write a duration such as "500ms", "5s" or "2m"`)
		return 0, false
	}
	return ms, true
}

func parseDurationValue(v any) (int64, error) {
	s, ok := v.(string)
	if !ok {
		return 0, fmt.Errorf("must be a duration string, not %s", describe(v))
	}
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration", s)
	}
	if d < 0 {
		return 0, fmt.Errorf("%q is negative", s)
	}
	if d%time.Millisecond != 0 {
		return 0, fmt.Errorf("%q is not a whole number of milliseconds", s)
	}
	if d.Milliseconds() > MaxDurationMs {
		return 0, fmt.Errorf("%q is longer than the limit of %s", s, time.Duration(MaxDurationMs)*time.Millisecond)
	}
	return d.Milliseconds(), nil
}

func (t *table) strs(key string, maxLen int) ([]string, bool) {
	v, ok := t.m[key]
	if !ok {
		return nil, false
	}
	arr, ok := v.([]any)
	if !ok {
		t.problem(key, "must be an array of strings, not "+describe(v), fmt.Sprintf("write %s = [\"a\", \"b\"]", key))
		return nil, false
	}
	if len(arr) > maxLen {
		t.problem(key, fmt.Sprintf("has %d entries, more than the limit of %d", len(arr), maxLen), "")
		return nil, false
	}
	out := make([]string, 0, len(arr))
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			t.d.add(t.d.pos.line(t.sub(key, "#"+strconv.Itoa(i))...), t.keyName(key),
				fmt.Sprintf("entry %d must be a string, not %s", i+1, describe(e)), "quote it")
			return nil, false
		}
		if len(s) > MaxTextBytes {
			t.problem(key, fmt.Sprintf("entry %d is longer than the limit of %d bytes", i+1, MaxTextBytes), "")
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// configPair is one Kafka property from a config table, its value already a
// string, with the line it is on.
type configPair struct {
	name, value string
	line        int
}

// config reads a `config` table of Kafka properties. Values may be strings
// or natural TOML types (acks = 1, retries = 5, enable.idempotence = true,
// partition.assignment.strategy = ["range", "roundrobin"]).
func (t *table) config() []configPair {
	c := t.child("config")
	if c == nil {
		return nil
	}
	var out []configPair
	for _, k := range sortedKeys(c.m) {
		s, err := configString(c.m[k])
		if err != nil {
			c.problem(k, err.Error(), "write it as a string, a number or true/false")
			continue
		}
		out = append(out, configPair{name: k, value: s, line: c.line(k)})
	}
	return out
}

func configString(v any) (string, error) {
	switch v := v.(type) {
	case string:
		if len(v) > MaxTextBytes {
			return "", fmt.Errorf("is longer than the limit of %d bytes", MaxTextBytes)
		}
		return v, nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case bool:
		return strconv.FormatBool(v), nil
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
			return strconv.FormatInt(int64(v), 10), nil
		}
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			s, err := configString(e)
			if err != nil {
				return "", err
			}
			if _, nested := e.([]any); nested {
				return "", fmt.Errorf("must not be a nested array")
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	}
	return "", fmt.Errorf("cannot be %s", describe(v))
}

// describe names a TOML value's type and shows it, for messages.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("string %q", truncate(v, 40))
	case int64, float64, bool:
		return fmt.Sprintf("%s %v", typeName(v), v)
	}
	return typeName(v)
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	case time.Time:
		return "datetime"
	case []any:
		return "array"
	case map[string]any:
		return "table"
	case []map[string]any:
		return "array of tables"
	}
	return fmt.Sprintf("%T", v)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
