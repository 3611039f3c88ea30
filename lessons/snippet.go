package lessons

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"
)

// codeFS holds the client programs lessons show beside the engine: our
// own Python, written with confluent-kafka's API.
//
//go:embed code/*.py
var codeFS embed.FS

// Snippet is one program. A line the lessons point at ends, in the file,
// with a label comment "#@name"; the label is not shown.
type Snippet struct {
	Name   string // "consumer.py"
	Lines  []string
	Labels map[string]int // label -> index in Lines
}

// labelMark starts a line's label comment.
const labelMark = "#@"

// LoadSnippet reads a built-in program by file name.
func LoadSnippet(name string) (*Snippet, error) {
	data, err := codeFS.ReadFile(path.Join("code", name))
	if err != nil {
		return nil, fmt.Errorf("no program %q (there are %s)", name, strings.Join(SnippetNames(), ", "))
	}
	s := &Snippet{Name: name, Labels: map[string]int{}}
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if at := strings.LastIndex(line, labelMark); at >= 0 {
			s.Labels[strings.TrimSpace(line[at+len(labelMark):])] = i
			line = strings.TrimRight(line[:at], " ")
		}
		s.Lines = append(s.Lines, line)
	}
	return s, nil
}

// SnippetNames lists the built-in programs.
func SnippetNames() []string {
	entries, _ := codeFS.ReadDir("code")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// Text is the program as shown, labels removed.
func (s *Snippet) Text() string { return strings.Join(s.Lines, "\n") }

// labelNames lists a program's labels, sorted, for error hints.
func (s *Snippet) labelNames() string {
	var names []string
	for k := range s.Labels {
		names = append(names, k)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}
