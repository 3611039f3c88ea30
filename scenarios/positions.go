package scenarios

import (
	"strconv"
	"strings"
)

// positions maps every key of a TOML document to the line it is written on.
// The toml package keeps key positions to itself (and keeps only one per key
// name, not one per [[table]] element), so this skims the document once
// more: just enough lexing to follow tables, arrays of tables, keys, inline
// tables and multi-line strings and arrays.
//
// A path is the key's segments with "#N" after an array-of-tables name:
// "topic", "#1", "config", "retention.ms". Paths are kept as a tree of
// nodes (a parent and one segment each), so recording a key costs its own
// segments, never a copy of its parents: the skim is linear in the file.
type positions struct {
	nodes map[nodeKey]int32
	lines []int // by node; 0 when the node was never written itself
	// deep is where nesting first went past MaxDepth, nil when it never did.
	deep *deepNesting
}

type nodeKey struct {
	parent int32
	seg    string
}

// deepNesting is the first key whose value or name nests too deep.
type deepNesting struct {
	line int
	key  string
}

const rootNode int32 = 0

func newPositions() *positions {
	return &positions{nodes: map[nodeKey]int32{}, lines: []int{0}}
}

// child is the node below parent for seg, made when missing.
func (p *positions) child(parent int32, seg string) int32 {
	k := nodeKey{parent, seg}
	if n, ok := p.nodes[k]; ok {
		return n
	}
	n := int32(len(p.lines))
	p.nodes[k] = n
	p.lines = append(p.lines, 0)
	return n
}

// line finds the line of a path, or of its nearest ancestor that has one,
// or 1.
func (p *positions) line(path ...string) int {
	best, n := 1, rootNode
	for _, seg := range path {
		next, ok := p.nodes[nodeKey{n, seg}]
		if !ok {
			break
		}
		n = next
		if p.lines[n] > 0 {
			best = p.lines[n]
		}
	}
	return best
}

// has reports whether the exact path was written in the document.
func (p *positions) has(path ...string) bool {
	n := rootNode
	for _, seg := range path {
		next, ok := p.nodes[nodeKey{n, seg}]
		if !ok {
			return false
		}
		n = next
	}
	return len(path) > 0 && p.lines[n] > 0
}

// skimmer is a forgiving cursor over the document. It never fails: on
// anything unexpected it moves on by one byte, so odd input costs a wrong
// line number at worst (the toml decoder reports the real mistake).
type skimmer struct {
	src    string
	i      int
	line   int
	pos    *positions
	arrays map[int32]int // array-of-tables node -> elements seen
	// prefix and keys name the statement being read, for messages.
	prefix, keys []string
}

func scanPositions(src string) *positions {
	sk := &skimmer{src: src, line: 1, pos: newPositions(), arrays: map[int32]int{}}
	sk.document()
	return sk.pos
}

func (sk *skimmer) record(n int32) {
	if sk.pos.lines[n] == 0 {
		sk.pos.lines[n] = sk.line
	}
}

// tooDeep notes the first statement that nests past MaxDepth.
func (sk *skimmer) tooDeep() {
	if sk.pos.deep == nil {
		name := strings.Join(append(sk.prefix[:len(sk.prefix):len(sk.prefix)], sk.keys...), ".")
		sk.pos.deep = &deepNesting{line: sk.line, key: truncate(name, 60)}
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
			sk.comment()
		default:
			return
		}
	}
}

func (sk *skimmer) comment() {
	for sk.i < len(sk.src) && sk.src[sk.i] != '\n' {
		sk.i++
	}
}

func (sk *skimmer) document() {
	prefix, prefixDepth := rootNode, 0
	for sk.i < len(sk.src) {
		start := sk.i
		sk.space(true)
		if sk.i >= len(sk.src) {
			return
		}
		if sk.peek(0) == '[' {
			prefix, prefixDepth = sk.header()
		} else if keys := sk.key(); len(keys) > 0 {
			sk.keys = keys
			sk.keyValue(prefix, keys, prefixDepth)
		}
		if sk.i == start {
			sk.advance()
		}
	}
}

// keyValue records keys (below parent, at depth) and skims the value
// after their '=': the same for a top-level line and an inline table.
func (sk *skimmer) keyValue(parent int32, keys []string, depth int) {
	n := sk.walk(parent, keys)
	sk.record(n)
	depth += len(keys)
	if depth > MaxDepth {
		sk.tooDeep()
	}
	sk.space(false)
	if sk.peek(0) == '=' {
		sk.advance()
		sk.space(false)
		sk.value(n, depth)
	}
}

// walk makes (or finds) the nodes for keys below n.
func (sk *skimmer) walk(n int32, keys []string) int32 {
	for _, k := range keys {
		n = sk.pos.child(n, k)
	}
	return n
}

// header reads [a.b] or [[a.b]] and returns the node keys below it go
// under and its depth.
func (sk *skimmer) header() (int32, int) {
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
	sk.prefix, sk.keys = keys, nil
	if len(keys) > MaxDepth {
		sk.tooDeep()
	}
	// Resolve every array-of-tables name on the way to its last element.
	n := rootNode
	for i, k := range keys {
		n = sk.pos.child(n, k)
		count, isArray := sk.arrays[n]
		if i == len(keys)-1 && array {
			sk.arrays[n] = count + 1
			sk.record(n)
			n = sk.pos.child(n, "#"+strconv.Itoa(count))
		} else if isArray && count > 0 {
			n = sk.pos.child(n, "#"+strconv.Itoa(count-1))
		}
	}
	sk.record(n)
	return n, len(keys)
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
