package lessons

import (
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// ListEntry is one line of `kafkasim list`.
type ListEntry struct {
	Number  int
	Slug    string
	Title   string
	Summary string
}

var (
	listOnce sync.Once
	listed   []ListEntry
)

// List returns one entry per built-in lesson, in order. It reads only each
// file's first keys, not its stops, challenge and body: `kafkasim list`
// and shell completion need no more, and the full parse of every lesson
// was a third of their time. Should a head not read alone, the full parse
// answers instead.
func List() []ListEntry {
	listOnce.Do(func() {
		if out, ok := listHeads(contentFS, contentDir); ok {
			listed = out
			return
		}
		for _, l := range All() {
			listed = append(listed, ListEntry{Number: l.Number, Slug: l.Slug, Title: l.Title, Summary: l.Summary})
		}
	})
	return listed
}

// listHeads reads the number, title and summary from the front matter
// lines before its first table, for every lesson in dir of fsys, in file
// name order (the numbers' order: names start with the number). ok is
// false when a head does not decode alone or misses one of the three.
func listHeads(fsys fs.FS, dir string) (out []ListEntry, ok bool) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.md"))
	if err != nil {
		return nil, false
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, false
		}
		m := reFileName.FindStringSubmatch(path.Base(name))
		var head lessonHead
		if m == nil || toml.Unmarshal([]byte(frontHead(string(data))), &head) != nil ||
			head.Number < 1 || head.Title == "" || head.Summary == "" {
			return nil, false
		}
		if n := len(out); n > 0 && out[n-1].Number >= head.Number {
			return nil, false
		}
		out = append(out, ListEntry{Number: head.Number, Slug: m[2], Title: head.Title, Summary: head.Summary})
	}
	return out, true
}

// lessonHead is the part of a lesson's front matter that List shows.
type lessonHead struct {
	Number  int    `toml:"number"`
	Title   string `toml:"title"`
	Summary string `toml:"summary"`
}

// frontHead is the front matter's lines before its first table (or its
// end): where a lesson keeps its number, title and summary.
func frontHead(file string) string {
	rest, found := strings.CutPrefix(strings.ReplaceAll(file, "\r\n", "\n"), fenceLine+"\n")
	if !found {
		return ""
	}
	var b strings.Builder
	for line := range strings.Lines(rest) {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "[") || t == fenceLine {
			break
		}
		b.WriteString(line)
	}
	return b.String()
}
