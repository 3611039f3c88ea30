package quiz

import "strings"

// keyIndex remembers where keys appear in a TOML file. The decoder reports
// no position for a key inside an array of tables (its metadata keeps only
// the last occurrence), so the loader finds lines itself. It is a
// best-effort scan of text that already parsed: good enough to point an
// author at the right line, never trusted for meaning.
type keyIndex struct {
	questions []int            // line of each [[question]] header
	byPath    map[string][]int // lines where each key path appears, in order
	// inQuestion maps a question's index and a key path to its first line.
	inQuestion map[questionKey]int
}

type questionKey struct {
	question int
	path     string
}

// scanKeys indexes the keys of a TOML document.
func scanKeys(text string) *keyIndex {
	ix := &keyIndex{byPath: map[string][]int{}, inQuestion: map[questionKey]int{}}
	prefix := ""
	block := -1
	inMulti := "" // the delimiter of an open multi-line string
	for n, raw := range strings.Split(text, "\n") {
		line := n + 1
		s := strings.TrimSpace(raw)
		if inMulti != "" {
			if strings.Count(s, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		switch {
		case s == "" || s[0] == '#':
			continue
		case strings.HasPrefix(s, "[["):
			name := headerName(s, "[[", "]]")
			prefix = name
			if name == "question" {
				ix.questions = append(ix.questions, line)
				block = len(ix.questions) - 1
			} else {
				block = -1
			}
			ix.add(name, line, block)
			continue
		case s[0] == '[':
			name := headerName(s, "[", "]")
			prefix = name
			if !strings.HasPrefix(name, "question.") {
				block = -1
			}
			ix.add(name, line, block)
			continue
		}
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			continue
		}
		key := normalizeKey(s[:eq])
		if prefix != "" {
			key = prefix + "." + key
		}
		ix.add(key, line, block)
		value := s[eq+1:]
		for _, delim := range []string{`"""`, `'''`} {
			if strings.Count(value, delim)%2 == 1 {
				inMulti = delim
				break
			}
		}
	}
	return ix
}

func (ix *keyIndex) add(path string, line, block int) {
	ix.byPath[path] = append(ix.byPath[path], line)
	k := questionKey{block, path}
	if _, seen := ix.inQuestion[k]; !seen && block >= 0 {
		ix.inQuestion[k] = line
	}
}

// headerName takes "[[ question ]] # note" to "question".
func headerName(s, open, closing string) string {
	s = strings.TrimPrefix(s, open)
	if i := strings.Index(s, closing); i >= 0 {
		s = s[:i]
	}
	return normalizeKey(s)
}

// normalizeKey drops the spaces TOML allows around the dots of a key.
func normalizeKey(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return strings.Join(parts, ".")
}

// questionLine is the line of the i-th [[question]] header, or 0.
func (ix *keyIndex) questionLine(i int) int {
	if i >= 0 && i < len(ix.questions) {
		return ix.questions[i]
	}
	return 0
}

// keyInQuestion is the line where question i sets key (a path such as
// "question.id"), or 0 if the scan did not see it.
func (ix *keyIndex) keyInQuestion(i int, path string) int {
	return ix.inQuestion[questionKey{i, path}]
}

// nth is the line of the n-th (0-based) occurrence of path in the file.
func (ix *keyIndex) nth(path string, n int) int {
	if lines := ix.byPath[path]; n >= 0 && n < len(lines) {
		return lines[n]
	}
	return 0
}
