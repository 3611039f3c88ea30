package scenarios

import (
	"bytes"
	"io/fs"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// Entry is what a list of the built-in scenarios shows of one: the home
// screen and `kafkasim list` need no more, and reading only this much
// keeps the TOML parse of the whole library off the path to the first
// screen.
type Entry struct {
	Name        string
	Title       string // as Parse gives it: one line, sanitized, the name when empty
	Description string // as Parse gives it: sanitized Markdown
}

// Catalog lists the built-in scenarios, sorted by name.
func Catalog() []Entry {
	names := Names()
	out := make([]Entry, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Go(func() { out[i] = catalogEntry(n) })
	}
	wg.Wait()
	return out
}

// catalogEntry reads a built-in's title and description from the lines
// before its first table: TOML puts every top-level key there. When that
// head does not stand alone (a multi-line string or array with a line
// starting with "[" is cut, and fails to decode), it parses the whole file.
func catalogEntry(name string) Entry {
	data, err := fs.ReadFile(library, "library/"+name+".toml")
	if err != nil {
		panic("scenarios: " + err.Error())
	}
	var head struct {
		Title       string `toml:"title"`
		Description string `toml:"description"`
	}
	if _, err := toml.Decode(string(headOf(data)), &head); err != nil {
		sc := parseBuiltIn(name)
		return Entry{Name: name, Title: sc.Title, Description: sc.Description}
	}
	e := Entry{Name: name, Title: SanitizeLine(strings.TrimSpace(head.Title)), Description: Sanitize(strings.TrimSpace(head.Description))}
	if e.Title == "" {
		e.Title = name
	}
	return e
}

// headOf is data up to the first line that starts with "[".
func headOf(data []byte) []byte {
	for i := 0; i < len(data); {
		if data[i] == '[' {
			return data[:i]
		}
		nl := bytes.IndexByte(data[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
	}
	return data
}
