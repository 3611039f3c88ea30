package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// citedFile matches what reads as a file of this repository: a Go,
// Markdown, TOML or golden file, with or without directories.
var citedFile = regexp.MustCompile(`(?:\.\./|[A-Za-z0-9_.-]+/)*[A-Za-z0-9_*.-]*[A-Za-z0-9_*]\.(?:go|md|toml|golden)\b`)

// placeholders are file names that stand for the user's own files in
// usage text and examples.
var placeholders = map[string]bool{"FILE.md": true, "FILE.toml": true, "NN-slug.md": true}

// TestCitedFilesExist reads every comment of the repository's Go files,
// the TOML files' comments and the Markdown files, and fails for each
// file they cite that is not in the repository. A path is looked up from
// the citing file's directory, then from the repository's root; a bare
// name also anywhere in the repository (a comment may name a file of
// another package). A bare .toml name is a user's scenario in an example,
// not checked. A path whose first directory is not one of ours
// (pkg/kgo/sink.go, in franz-go) is another project's and is skipped.
func TestCitedFilesExist(t *testing.T) {
	files := repoFiles(t)
	byBase := map[string]bool{}
	for _, f := range files {
		byBase[filepath.Base(f)] = true
	}
	for _, f := range files {
		for _, ref := range citedIn(t, f) {
			if placeholders[ref] || (!strings.Contains(ref, "/") && strings.HasSuffix(ref, ".toml")) {
				continue
			}
			if !citedExists(f, ref, byBase) {
				t.Errorf("%s cites %s, which is not in the repository", f, ref)
			}
		}
	}
}

// repoFiles lists the repository's files, less .git.
func repoFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			out = append(out, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// citedIn returns the file names cited in f's comments (Go, TOML) or text
// (Markdown).
func citedIn(t *testing.T, f string) []string {
	var text string
	switch filepath.Ext(f) {
	case ".go":
		parsed, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, c := range parsed.Comments {
			b.WriteString(c.Text())
		}
		text = b.String()
	case ".toml":
		b, _ := os.ReadFile(f)
		for _, line := range strings.Split(string(b), "\n") {
			if i := strings.Index(line, "#"); i >= 0 && !strings.Contains(line[:i], `"`) {
				text += line[i:] + "\n"
			}
		}
	case ".md":
		b, _ := os.ReadFile(f)
		text = string(b)
	default:
		return nil
	}
	return citedFile.FindAllString(text, -1)
}

// citedExists says whether ref, cited in file f, names a file of the
// repository (a * in it matching like a shell glob).
func citedExists(f, ref string, byBase map[string]bool) bool {
	exists := func(p string) bool {
		m, _ := filepath.Glob(p)
		return len(m) > 0
	}
	if exists(filepath.Join(filepath.Dir(f), ref)) || exists(ref) {
		return true
	}
	if !strings.Contains(ref, "/") {
		if strings.Contains(ref, "*") {
			return true // a pattern of bare names: too loose to check
		}
		return byBase[ref]
	}
	first := strings.Split(strings.TrimLeft(ref, "./"), "/")[0]
	if _, err := os.Stat(first); err != nil {
		return true // another project's path
	}
	return false
}
