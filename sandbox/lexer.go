package sandbox

import (
	"errors"
	"strings"
)

// splitWords splits a command line into words the way a POSIX shell does
// for the parts a learner types: whitespace between words, 'single quotes'
// kept literally, "double quotes" with \" \\ \$ \` escapes, and a backslash
// outside quotes escaping the next character. No variables, globs or pipes.
func splitWords(line string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	rs := []rune(line)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case c == '\'':
			inWord = true
			j := i + 1
			for j < len(rs) && rs[j] != '\'' {
				cur.WriteRune(rs[j])
				j++
			}
			if j >= len(rs) {
				return nil, errors.New("unexpected EOF while looking for matching `''")
			}
			i = j
		case c == '"':
			inWord = true
			j := i + 1
			for ; j < len(rs) && rs[j] != '"'; j++ {
				if rs[j] == '\\' && j+1 < len(rs) && strings.ContainsRune("\"\\$`", rs[j+1]) {
					j++
				}
				cur.WriteRune(rs[j])
			}
			if j >= len(rs) {
				return nil, errors.New("unexpected EOF while looking for matching `\"'")
			}
			i = j
		case c == '\\':
			inWord = true
			if i+1 < len(rs) {
				i++
				cur.WriteRune(rs[i])
			}
		default:
			inWord = true
			cur.WriteRune(c)
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// cleanLine drops control characters (escape sequences pasted from a
// terminal, NULs) other than tab, so they never reach the output.
func cleanLine(line string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, line)
}

// toolName turns what was typed first into a tool name: "bin/kafka-topics.sh",
// "./bin/kafka-topics.sh", "/opt/kafka/bin/kafka-topics.sh" and
// "kafka-topics" all name kafka-topics.
func toolName(word string) string {
	if i := strings.LastIndexByte(word, '/'); i >= 0 {
		word = word[i+1:]
	}
	return strings.TrimSuffix(word, ".sh")
}
