package scenarios

import "strconv"

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
