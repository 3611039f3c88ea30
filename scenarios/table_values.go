package scenarios

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Typed reads of a table's values. Each reports a wrong type or range as a
// problem at the key's line and returns ok = false, so decoding goes on and
// every mistake in the file is found in one pass.

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
