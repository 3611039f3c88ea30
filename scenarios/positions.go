package scenarios

import (
	"strconv"
	"strings"
)

// positions maps every key of a TOML document to the line it is written on.
// The toml package keeps key positions to itself (and keeps only one per key
// name, not one per [[table]] element), so this skims the already-valid
// document once more: just enough lexing to follow tables, arrays of
// tables, keys, inline tables and multi-line strings and arrays.
//
// A path is the key's segments with "#N" after an array-of-tables name:
// "topic", "#1", "config", "retention.ms".
type positions struct {
	lines map[string]int
}

func pathKey(path []string) string { return strings.Join(path, "\x1f") }

// line finds the line of a path, or of its nearest ancestor that has one,
// or 1.
func (p *positions) line(path ...string) int {
	for n := len(path); n > 0; n-- {
		if l, ok := p.lines[pathKey(path[:n])]; ok {
			return l
		}
	}
	return 1
}

// has reports whether the exact path was written in the document.
func (p *positions) has(path ...string) bool {
	_, ok := p.lines[pathKey(path)]
	return ok
}

// skimmer is a forgiving cursor over the document. It never fails: on
// anything unexpected it moves on by one byte, so odd input (which the toml
// decoder has already accepted) costs a wrong line number at worst.
type skimmer struct {
	src    string
	i      int
	line   int
	out    map[string]int
	arrays map[string]int // array-of-tables path -> elements seen
}

func scanPositions(src string) *positions {
	sk := &skimmer{src: src, line: 1, out: map[string]int{}, arrays: map[string]int{}}
	sk.document()
	return &positions{lines: sk.out}
}

func (sk *skimmer) record(path []string) {
	k := pathKey(path)
	if _, ok := sk.out[k]; !ok {
		sk.out[k] = sk.line
	}
}

func (sk *skimmer) peek(off int) byte {
	if sk.i+off < len(sk.src) {
		return sk.src[sk.i+off]
	}
	return 0
}

func (sk *skimmer) advance() {
	if sk.i < len(sk.src) {
		if sk.src[sk.i] == '\n' {
			sk.line++
		}
		sk.i++
	}
}

// space skips blanks, and newlines and comments when multiLine is set.
func (sk *skimmer) space(multiLine bool) {
	for sk.i < len(sk.src) {
		switch c := sk.src[sk.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			sk.advance()
		case c == '\n' && multiLine:
			sk.advance()
		case c == '#' && multiLine:
			for sk.i < len(sk.src) && sk.src[sk.i] != '\n' {
				sk.advance()
			}
		default:
			return
		}
	}
}

func (sk *skimmer) document() {
	var prefix []string
	for sk.i < len(sk.src) {
		start := sk.i
		sk.space(true)
		if sk.i >= len(sk.src) {
			return
		}
		if sk.peek(0) == '[' {
			prefix = sk.header()
		} else {
			keys := sk.key()
			if len(keys) > 0 {
				path := append(append([]string{}, prefix...), keys...)
				sk.record(path)
				sk.space(false)
				if sk.peek(0) == '=' {
					sk.advance()
					sk.space(false)
					sk.value(path)
				}
			}
		}
		if sk.i == start {
			sk.advance()
		}
	}
}

// header reads [a.b] or [[a.b]] and returns the path keys below it get.
func (sk *skimmer) header() []string {
	sk.advance()
	array := sk.peek(0) == '['
	if array {
		sk.advance()
	}
	sk.space(false)
	keys := sk.key()
	for sk.i < len(sk.src) && sk.peek(0) != '\n' && sk.peek(0) != '#' {
		sk.advance()
	}
	// Resolve every array-of-tables name on the way to its last element.
	var path []string
	for n, k := range keys {
		path = append(path, k)
		count, isArray := sk.arrays[pathKey(path)]
		if n == len(keys)-1 && array {
			sk.arrays[pathKey(path)] = count + 1
			sk.record(path)
			path = append(path, "#"+strconv.Itoa(count))
		} else if isArray && count > 0 {
			path = append(path, "#"+strconv.Itoa(count-1))
		}
	}
	sk.record(path)
	return path
}

// key reads a dotted key of bare and quoted parts.
func (sk *skimmer) key() []string {
	var keys []string
	for {
		sk.space(false)
		c := sk.peek(0)
		switch {
		case c == '"' || c == '\'':
			keys = append(keys, sk.str())
		case isBare(c):
			start := sk.i
			for sk.i < len(sk.src) && isBare(sk.src[sk.i]) {
				sk.i++
			}
			keys = append(keys, sk.src[start:sk.i])
		default:
			return keys
		}
		sk.space(false)
		if sk.peek(0) != '.' {
			return keys
		}
		sk.advance()
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// str reads any of TOML's four string forms and returns its text (escapes
// decoded well enough to match key names).
func (sk *skimmer) str() string {
	q := sk.peek(0)
	triple := sk.peek(1) == q && sk.peek(2) == q
	if triple {
		sk.i += 3
	} else {
		sk.advance()
	}
	var b strings.Builder
	for sk.i < len(sk.src) {
		c := sk.peek(0)
		if c == '\\' && q == '"' {
			b.WriteByte(c)
			sk.advance()
			if sk.i < len(sk.src) {
				b.WriteByte(sk.peek(0))
				sk.advance()
			}
			continue
		}
		if c == q && (!triple || sk.peek(1) == q && sk.peek(2) == q) {
			if triple {
				sk.i += 3
				for sk.peek(0) == q { // up to two quotes may end the content
					sk.advance()
				}
			} else {
				sk.advance()
			}
			break
		}
		if c == '\n' && !triple {
			break
		}
		b.WriteByte(c)
		sk.advance()
	}
	if q == '"' {
		if u, err := strconv.Unquote(`"` + b.String() + `"`); err == nil {
			return u
		}
	}
	return b.String()
}

// value skips one value, recording the keys of inline tables and the
// elements of arrays ("#N") under path.
func (sk *skimmer) value(path []string) {
	switch c := sk.peek(0); c {
	case '"', '\'':
		sk.str()
	case '{':
		sk.advance()
		for sk.i < len(sk.src) {
			start := sk.i
			sk.space(true)
			if sk.peek(0) == '}' {
				sk.advance()
				return
			}
			if sk.peek(0) == ',' {
				sk.advance()
				continue
			}
			keys := sk.key()
			if len(keys) > 0 {
				sub := append(append([]string{}, path...), keys...)
				sk.record(sub)
				sk.space(false)
				if sk.peek(0) == '=' {
					sk.advance()
					sk.space(false)
					sk.value(sub)
				}
			}
			if sk.i == start {
				sk.advance()
			}
		}
	case '[':
		sk.advance()
		for n := 0; sk.i < len(sk.src); {
			start := sk.i
			sk.space(true)
			switch sk.peek(0) {
			case ']':
				sk.advance()
				return
			case ',':
				sk.advance()
				continue
			}
			el := append(append([]string{}, path...), "#"+strconv.Itoa(n))
			sk.record(el)
			sk.value(el)
			n++
			if sk.i == start {
				sk.advance()
			}
		}
	default:
		for sk.i < len(sk.src) {
			switch sk.peek(0) {
			case ',', ']', '}', '\n', '#':
				return
			}
			sk.advance()
		}
	}
}
