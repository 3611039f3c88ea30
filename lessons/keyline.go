package lessons

import (
	"strconv"
	"strings"

	"kafkasim/internal/lazyregexp"
)

// keyLine is where one key (or table header) sits in the front matter.
// Path holds the key's parts with array-of-table positions as numbers:
// stop.2.predict.metric is the metric of the third [[stop]].
type keyLine struct {
	Path []string
	Line int // 1-based line within the TOML text
}

var (
	reHeader = lazyregexp.New(`^\s*(\[\[?)\s*([A-Za-z0-9_.\- ]+?)\s*\]\]?\s*(#.*)?$`)
	reKey    = lazyregexp.New(`^\s*([A-Za-z0-9_\-]+(?:\s*\.\s*[A-Za-z0-9_\-]+)*)\s*=`)
)

// keyLines finds the line of every key and table header in a TOML text. It
// is not a TOML parser: the text has already parsed, and this only needs to
// point an error at the right line. Keys inside inline tables are not
// listed; an error about one points at the line that holds the table.
func keyLines(text string) []keyLine {
	var (
		out    []keyLine
		table  []string           // the current table's path, with positions
		counts = map[string]int{} // how many [[x]] seen, by plain path
		inStr  string             // the closing quote of an open multi-line string
	)
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		if inStr != "" {
			if strings.Contains(line, inStr) {
				inStr = ""
			}
			continue
		}
		if m := reHeader.FindStringSubmatch(line); m != nil {
			table = headerPath(splitKey(m[2]), m[1] == "[[", counts)
			out = append(out, keyLine{Path: table, Line: n})
			continue
		}
		if m := reKey.FindStringSubmatch(line); m != nil {
			path := append(append([]string(nil), table...), splitKey(m[1])...)
			out = append(out, keyLine{Path: path, Line: n})
			rest := line[len(m[0]):]
			for _, q := range []string{`"""`, `'''`} {
				if strings.Count(rest, q) == 1 {
					inStr = q
				}
			}
		}
	}
	return out
}

// headerPath turns a table header into a path with positions. For
// [[stop]] it counts the new element; for [stop.predict] it reuses the
// position of the [[stop]] being filled.
func headerPath(parts []string, isArray bool, counts map[string]int) []string {
	var path []string
	for i, p := range parts {
		path = append(path, p)
		plain := strings.Join(parts[:i+1], ".")
		last := i == len(parts)-1
		if last && isArray {
			counts[plain]++
			path = append(path, strconv.Itoa(counts[plain]-1))
			continue
		}
		if c, ok := counts[plain]; ok && c > 0 {
			path = append(path, strconv.Itoa(c-1))
		}
	}
	return path
}

// splitKey splits a dotted key, trimming the spaces TOML allows around dots.
func splitKey(k string) []string {
	parts := strings.Split(k, ".")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// lineFinder answers "which line holds this key?" for one file. Keys are
// indexed by path, so a file with many mistakes costs each lookup its own
// path, not a pass over every key.
type lineFinder struct {
	first map[string]int   // joined path with positions -> first line
	plain map[string][]int // joined path without positions -> every line
	next  map[string]int   // plain path -> lines already blamed
}

func newLineFinder(text string) *lineFinder {
	f := &lineFinder{first: map[string]int{}, plain: map[string][]int{}, next: map[string]int{}}
	for _, k := range keyLines(text) {
		joined := joinPath(k.Path)
		if _, ok := f.first[joined]; !ok {
			f.first[joined] = k.Line
		}
		p := joinPath(withoutPositions(k.Path))
		f.plain[p] = append(f.plain[p], k.Line)
	}
	return f
}

func joinPath(path []string) string { return strings.Join(path, "\x1f") }

// line returns the line of the key at path (with positions, as in
// keyLine), or of its nearest enclosing key or table; 0 when none is found.
func (f *lineFinder) line(path ...string) int {
	for n := len(path); n > 0; n-- {
		if l, ok := f.first[joinPath(path[:n])]; ok {
			return l
		}
	}
	return 0
}

// plainLine finds a key given without positions, as toml.MetaData.Undecoded
// reports it. When the key occurs several times, each call returns the
// next occurrence not yet reported.
func (f *lineFinder) plainLine(path []string) int {
	p := joinPath(path)
	lines := f.plain[p]
	if len(lines) == 0 {
		return 0
	}
	i := f.next[p]
	if i >= len(lines) {
		return lines[0]
	}
	f.next[p] = i + 1
	return lines[i]
}

func withoutPositions(path []string) []string {
	var out []string
	for _, p := range path {
		if _, err := strconv.Atoi(p); err == nil {
			continue
		}
		out = append(out, p)
	}
	return out
}
