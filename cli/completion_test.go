package cli

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kafkasim/sim"
)

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}, {"-version"}} {
		code, out, _ := invoke(Main, args...)
		if code != 0 || !strings.HasPrefix(out, "kafkasim ") || !strings.Contains(out, "Apache Kafka "+sim.KafkaVersion) {
			t.Errorf("%v: code %d, out %q", args, code, out)
		}
	}
	if code, _, errOut := invoke(Main, "version", "now"); code != 2 || !strings.Contains(errOut, "kafkasim version --help") {
		t.Errorf("version with an argument: code %d, stderr %q", code, errOut)
	}
	for _, name := range []string{"version", "completion"} {
		code, out, _ := invoke(Main, name, "--help")
		code2, out2, _ := invoke(Main, "help", name)
		if code != 0 || code2 != 0 || out != out2 || !strings.Contains(out, "Usage: kafkasim "+name) || !strings.Contains(out, "Examples:") {
			t.Errorf("%s --help (code %d) and help %s (code %d) should print the same usage: %q", name, code, name, code2, out)
		}
	}
	if _, _, errOut := invoke(Main, "vers"); !strings.Contains(errOut, "kafkasim version") {
		t.Errorf("no suggestion for vers: %q", errOut)
	}
}

func TestCompletionScript(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, out, _ := invoke(Main, "completion", shell)
		if code != 0 || !strings.Contains(out, "__complete") || !strings.Contains(out, completeFiles) {
			t.Errorf("%s: code %d, out %q", shell, code, out)
		}
	}
	for _, args := range [][]string{{"completion"}, {"completion", "tcsh"}, {"completion", "bash", "zsh"}} {
		if code, _, errOut := invoke(Main, args...); code != 2 || !strings.Contains(errOut, "kafkasim completion --help") {
			t.Errorf("%v: code %d, stderr %q", args, code, errOut)
		}
	}
}

// TestComplete checks the candidates for the next word of a command line.
func TestComplete(t *testing.T) {
	for _, tc := range []struct {
		words         []string
		want, notWant []string
	}{
		{nil, []string{"run", "play", "lesson", "quiz", "completion", "version", "--version"}, []string{"__complete"}},
		{[]string{"run"}, []string{"at-least-once", "acks", completeFiles, "--seed", "--until", "--json", "--quiet"}, []string{"--brokers"}},
		{[]string{"run", "acks"}, []string{"--seed", "--json"}, []string{"at-least-once", completeFiles}},
		{[]string{"run", "--seed"}, nil, []string{"acks", "--json"}}, // a number: nothing to offer
		{[]string{"run", "--seed", "4"}, []string{"acks", "--json"}, nil},
		{[]string{"play"}, []string{"exactly-once", completeFiles, "--seed"}, nil},
		{[]string{"frame"}, []string{"exactly-once", completeFiles, "--at", "--size", "--focus", "--seed", "--budget"}, nil},
		{[]string{"frame", "acks", "--focus"}, []string{"cluster", "logs", "groups", "ledger"}, []string{"--at", "acks"}},
		{[]string{"frame", "acks", "--at"}, nil, []string{"--size", "acks"}},
		{[]string{"lesson"}, []string{"1", "2", "--seed"}, []string{"0"}},
		{[]string{"lesson", "2"}, []string{"--seed"}, []string{"1"}},
		{[]string{"quiz"}, []string{"--topic", "--print", "--no-answers", "--generated", "--seed"}, nil},
		{[]string{"quiz", "--topic"}, []string{"replication", "offsets"}, []string{"--print"}},
		{[]string{"assign", "--strategy"}, []string{"range", "cooperative-sticky"}, nil},
		{[]string{"assign"}, []string{"--topic", "--member", "--owned", "--json"}, nil},
		{[]string{"sandbox"}, []string{"--brokers", "--script", "--seed"}, nil},
		{[]string{"sandbox", "--script"}, []string{completeFiles}, []string{"--brokers"}},
		{[]string{"validate"}, []string{completeFiles}, nil},
		{[]string{"partition"}, []string{"--partitions", "--json"}, nil},
		{[]string{"help"}, []string{"run", "completion"}, nil},
		{[]string{"completion"}, []string{"bash", "zsh", "fish"}, nil},
		{[]string{"nonsense"}, nil, []string{"--help"}},
	} {
		got := complete(tc.words)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%v: %q missing from %v", tc.words, w, got)
			}
		}
		for _, w := range tc.notWant {
			if slices.Contains(got, w) {
				t.Errorf("%v: %q should not be offered: %v", tc.words, w, got)
			}
		}
	}
}

// TestCompletedFlagsAreAccepted runs every command with every flag its
// help lists (and so completion offers): none may be unknown to its parser.
func TestCompletedFlagsAreAccepted(t *testing.T) {
	t.Chdir(t.TempDir()) // a flag given "1" may name a file (serve --export 1 writes one)
	for _, cmd := range commandNames() {
		for _, f := range flagsOf(cmd) {
			args := []string{cmd, "--" + f.name}
			if f.value != "" {
				args = append(args, "1")
			}
			if cmd == "sandbox" && f.name == "seed" {
				args = append(args, "--script", "-") // --seed is the script mode's
			}
			if cmd == "serve" {
				args = append(args, "--listen", "127.0.0.1:0", "--for", "1ms") // serve until stopped otherwise
			}
			var out, errOut bytes.Buffer
			Dispatch(args, strings.NewReader(""), &out, &errOut)
			if strings.Contains(errOut.String(), "not defined") {
				t.Errorf("%v: %s", args, errOut.String())
			}
		}
	}
}

// TestEveryParsedFlagIsCompleted reads the flags the parsers define
// (fs.Bool("name", ...) and the like in this package and quiz's command)
// and checks each is in some command's help, so completion offers it.
func TestEveryParsedFlagIsCompleted(t *testing.T) {
	var offered []string
	for _, cmd := range commandNames() {
		for _, f := range flagsOf(cmd) {
			offered = append(offered, f.name)
		}
	}
	files, _ := filepath.Glob("*.go")
	files = append(files, filepath.Join("..", "quiz", "cli.go"))
	defined := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			name, ok := definedFlag(n)
			if ok {
				defined++
				if !slices.Contains(offered, name) {
					t.Errorf("%s defines --%s, which no command's help lists, so completion misses it", file, name)
				}
			}
			return true
		})
	}
	if defined < 15 {
		t.Fatalf("found only %d flag definitions: the scan is broken", defined)
	}
}

// definedFlag reports the name of a flag a call like fs.Int("name", ...)
// defines.
func definedFlag(n ast.Node) (string, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !slices.Contains([]string{"Bool", "String", "Int", "Int64", "Uint64", "Duration", "Func", "Var", "BoolVar", "StringVar", "IntVar"}, sel.Sel.Name) {
		return "", false
	}
	if recv, ok := sel.X.(*ast.Ident); !ok || recv.Name != "fs" {
		return "", false
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	name, err := strconv.Unquote(lit.Value)
	return name, err == nil
}

// TestBashCompletionScript runs the bash script with a stand-in for
// kafkasim that prints fixed candidates: it must offer the ones that
// match the word typed, and file names when asked to.
func TestBashCompletionScript(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	script := completionScripts["bash"] + `
fake() { [[ $1 == __complete && $2 == run ]] && printf 'acks\nat-least-once\n:file\n'; }
cd "$1"; : > at-file.toml
COMP_WORDS=(fake run at); COMP_CWORD=2
_kafkasim
printf '%s\n' "${COMPREPLY[@]}"
`
	out, err := exec.Command("bash", "-c", script, "bash", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	got := strings.Fields(string(out))
	if !slices.Equal(got, []string{"at-least-once", "at-file.toml"}) {
		t.Errorf("bash offered %q, want at-least-once and at-file.toml", got)
	}
}

// TestFishAndZshCompletionScripts runs the fish and zsh scripts, where
// those shells are installed, with a shell function standing in for
// kafkasim: each must offer the candidates that match the word typed.
func TestFishAndZshCompletionScripts(t *testing.T) {
	const fake = `printf 'acks\nat-least-once\n--seed\n'`
	t.Run("fish", func(t *testing.T) {
		if _, err := exec.LookPath("fish"); err != nil {
			t.Skip("no fish")
		}
		script := completionScripts["fish"] + "\nfunction kafkasim; " + fake + "; end\ncomplete -C'kafkasim run at'\n"
		out, err := exec.Command("fish", "-c", script).CombinedOutput()
		if got := strings.Fields(string(out)); err != nil || !slices.Equal(got, []string{"at-least-once"}) {
			t.Errorf("fish offered %q (%v)", got, err)
		}
	})
	t.Run("zsh", func(t *testing.T) {
		if _, err := exec.LookPath("zsh"); err != nil {
			t.Skip("no zsh")
		}
		// compadd and compdef exist only in a completion context: stand-ins
		// print what would be offered.
		script := `compdef() { :; }
compadd() { shift; print -l -- "${(@P)1}"; }
_files() { print FILES; }
kafkasim() { ` + fake + `; }
` + completionScripts["zsh"] + `
words=(kafkasim run ""); CURRENT=3; _kafkasim
`
		out, err := exec.Command("zsh", "-f", "-c", script).CombinedOutput()
		if got := strings.Fields(string(out)); err != nil || !slices.Equal(got, []string{"acks", "at-least-once", "--seed"}) {
			t.Errorf("zsh offered %q (%v)", got, err)
		}
	})
}
