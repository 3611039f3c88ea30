package sim

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// House style: a file holds one concept and stays short enough to read in
// one sitting, and a function fits on a screen or two.
const (
	maxFileLines = 300
	maxFuncLines = 70
)

// longFilesAllowed are data tables, exempt from both limits, with why.
var longFilesAllowed = map[string]string{
	"props_table.go": "a data table: one row per topic, producer and consumer property the engine models",
}

// TestFileAndFunctionLength fails when a non-test file of the package is
// longer than maxFileLines or has a function longer than maxFuncLines,
// outside longFilesAllowed.
func TestFileAndFunctionLength(t *testing.T) {
	fset := token.NewFileSet()
	for _, path := range packageSources(t) {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		if longFilesAllowed[name] != "" {
			continue
		}
		if n := fset.File(f.Pos()).LineCount(); n > maxFileLines {
			t.Errorf("%s has %d lines, more than %d: split it by concept", name, n, maxFileLines)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			lines := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1
			if lines > maxFuncLines {
				t.Errorf("%s: %s has %d lines, more than %d", name, fn.Name.Name, lines, maxFuncLines)
			}
		}
	}
}

// TestQueueItemsBuiltByConstructors keeps item's argument slots private to
// queue_items.go: everywhere else an item is made by a named constructor.
func TestQueueItemsBuiltByConstructors(t *testing.T) {
	fset := token.NewFileSet()
	for _, path := range packageSources(t) {
		name := filepath.Base(path)
		if name == "queue_items.go" || name == "queue.go" {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.CompositeLit); ok {
				if id, ok := lit.Type.(*ast.Ident); ok && id.Name == "item" {
					t.Errorf("%s: an item literal; use a constructor from queue_items.go", fset.Position(lit.Pos()))
				}
			}
			return true
		})
	}
}

// packageSources lists the package's non-test Go files.
func packageSources(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			out = append(out, n)
		}
	}
	return out
}
