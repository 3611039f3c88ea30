package sim

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The engine must stay a pure state machine: these imports would bring in
// I/O, wall-clock time, concurrency or the UI.
var forbiddenImports = []string{"os", "io", "io/ioutil", "net", "net/http", "time", "sync", "math/rand",
	"bufio", "log", "syscall", "github.com/charmbracelet", "github.com/BurntSushi/toml"}

func TestEngineImportsNothingImpure(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(fset, f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			for _, bad := range forbiddenImports {
				// math/rand/v2 with explicit seeds is allowed; the global
				// math/rand is not.
				if path == bad || (bad != "math/rand" && strings.HasPrefix(path, bad+"/")) {
					t.Errorf("%s imports %s: the engine does no I/O, keeps no wall clock and starts no goroutines", f, path)
				}
			}
		}
		if strings.Contains(string(src), "go func") {
			t.Errorf("%s starts a goroutine", f)
		}
	}
}
