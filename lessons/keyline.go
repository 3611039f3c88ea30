package lessons

import (
	"regexp"
	"strconv"
	"strings"
)

// keyLine is where one key (or table header) sits in the front matter.
// Path holds the key's parts with array-of-table positions as numbers:
// stop.2.predict.metric is the metric of the third [[stop]].
type keyLine struct {
	Path []string
	Line int // 1-based line within the TOML text
}

var (
	reHeader = regexp.MustCompile(`^\s*(\[\[?)\s*([A-Za-z0-9_.\- ]+?)\s*\]\]?\s*(#.*)?$`)
	reKey    = regexp.MustCompile(`^\s*([A-Za-z0-9_\-]+(?:\s*\.\s*[A-Za-z0-9_\-]+)*)\s*=`)
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

// lineFinder answers "which line holds this key?" for one file.
type lineFinder struct {
	keys []keyLine
	used map[int]bool // lines already blamed for an undecoded key
}

func newLineFinder(text string) *lineFinder {
	return &lineFinder{keys: keyLines(text), used: map[int]bool{}}
}

// line returns the line of the key at path (with positions, as in
// keyLine), or of its nearest enclosing key or table; 0 when none is found.
func (f *lineFinder) line(path ...string) int {
	for n := len(path); n > 0; n-- {
		for _, k := range f.keys {
			if equalPath(k.Path, path[:n]) {
				return k.Line
			}
		}
	}
	return 0
}

// plainLine finds a key given without positions, as toml.MetaData.Undecoded
// reports it. When the key occurs several times, each call returns the
// next occurrence not yet reported.
func (f *lineFinder) plainLine(path []string) int {
	first := 0
	for _, k := range f.keys {
		if !equalPath(withoutPositions(k.Path), path) {
			continue
		}
		if first == 0 {
			first = k.Line
		}
		if !f.used[k.Line] {
			f.used[k.Line] = true
			return k.Line
		}
	}
	return first
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

func equalPath(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
