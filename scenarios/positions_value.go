package scenarios

import (
	"strconv"
	"strings"
)

// MaxDepth is how deep keys and values may nest: table names, dotted keys,
// arrays and inline tables all count. A scenario needs four or five
// levels; the limit stops a file of ten thousand brackets before the toml
// decoder spends gigabytes on it.
const MaxDepth = 64

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
	if q == '"' && strings.IndexByte(b.String(), '\\') >= 0 {
		if u, err := strconv.Unquote(`"` + b.String() + `"`); err == nil {
			return u
		}
	}
	return b.String()
}

// value skips one value, recording the keys of inline tables and the
// elements of arrays ("#N") under node n, which sits depth levels down.
func (sk *skimmer) value(n int32, depth int) {
	c := sk.peek(0)
	if (c == '{' || c == '[') && depth >= MaxDepth {
		sk.tooDeep()
		sk.skipNested()
		return
	}
	switch c {
	case '"', '\'':
		sk.str()
	case '{':
		sk.inlineTable(n, depth)
	case '[':
		sk.array(n, depth)
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

func (sk *skimmer) inlineTable(n int32, depth int) {
	sk.advance()
	for sk.i < len(sk.src) {
		start := sk.i
		sk.space(true)
		switch sk.peek(0) {
		case '}':
			sk.advance()
			return
		case ',':
			sk.advance()
			continue
		}
		if keys := sk.key(); len(keys) > 0 {
			sk.keyValue(n, keys, depth)
		}
		if sk.i == start {
			sk.advance()
		}
	}
}

func (sk *skimmer) array(n int32, depth int) {
	sk.advance()
	for el := 0; sk.i < len(sk.src); {
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
		sub := sk.pos.child(n, "#"+strconv.Itoa(el))
		sk.record(sub)
		sk.value(sub, depth+1)
		el++
		if sk.i == start {
			sk.advance()
		}
	}
}

// skipNested passes over a value nested past MaxDepth without recursing:
// a count of open brackets, with strings and comments stepped over whole.
func (sk *skimmer) skipNested() {
	open := 0
	for sk.i < len(sk.src) {
		switch sk.peek(0) {
		case '[', '{':
			open++
		case ']', '}':
			open--
		case '"', '\'':
			sk.str()
			continue
		case '#':
			sk.comment()
			continue
		}
		sk.advance()
		if open <= 0 {
			return
		}
	}
}
