package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostile holds what a terminal would act on rather than show: an OSC 52
// clipboard write ended by BEL, a right-to-left override, a bidi isolate,
// a one-byte CSI and invalid UTF-8.
const hostile = "\x1b]52;c;aGk=\x07\u202e\u2066\u009b31m\xff"

// rawControl reports the first terminal-active sequence left in out.
func rawControl(out string) string {
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u2066", "\u009b", "\xff"} {
		if strings.Contains(out, bad) {
			return bad
		}
	}
	return ""
}

// Every output path of the command line gets the hostile string: a
// scenario file named with it, run and validated; a sandbox script whose
// comments, commands, records, topic names and config values hold it.
func TestNoOutputPathPassesEscapes(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "x"+hostile+".toml")
	scenario := "title = \"t" + "\\u001b[2J\"\nduration = \"2s\"\n[[topic]]\nname = \"t\"\n"
	if err := os.WriteFile(name, []byte(scenario), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	script := filepath.Join(dir, "s.txt")
	lines := []string{
		"# a comment " + hostile,
		"kafka-topics --bootstrap-server localhost:9092 --create --topic t --partitions 1 --replication-factor 1",
		"kafka-topics --bootstrap-server localhost:9092 --create --topic " + hostile,
		"kafka-console-producer --bootstrap-server localhost:9092 --topic t --property parse.key=true --property key.separator=:",
		"k" + hostile + ":v" + hostile,
		"^D",
		"kafka-console-consumer --bootstrap-server localhost:9092 --topic t --from-beginning --max-messages 1 --property print.key=true",
		"kafka-configs --bootstrap-server localhost:9092 --alter --entity-type topics --entity-name t --add-config retention.ms=" + hostile,
		"kafka-configs --bootstrap-server localhost:9092 --alter --entity-type topics --entity-name t --add-config x" + hostile + "=1",
		"nosuchcommand" + hostile,
	}
	if err := os.WriteFile(script, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runs := map[string][]string{
		"run":             {"run", name},
		"run --json":      {"run", name, "--json"},
		"validate":        {"validate", name},
		"missing file":    {"run", filepath.Join(dir, "nope"+hostile+".toml")},
		"partition":       {"partition", "--partitions", "3", "k" + hostile},
		"unknown command": {"no" + hostile},
	}
	for what, args := range runs {
		_, out, errOut := invoke(Main, args...)
		if bad := rawControl(out + errOut); bad != "" {
			t.Errorf("%s: %q reaches the terminal:\n%q\n%q", what, bad, out, errOut)
		}
	}
	sandbox := func(args ...string) (string, string) {
		var out, errOut strings.Builder
		Sandbox(args, strings.NewReader(""), &out, &errOut)
		return out.String(), errOut.String()
	}
	if out, errOut := sandbox("--script", filepath.Join(dir, "nope"+hostile)); rawControl(out+errOut) != "" {
		t.Errorf("missing script: %q", errOut)
	}
	out, errOut := sandbox("--script", script)
	if bad := rawControl(out + errOut); bad != "" {
		t.Errorf("sandbox script: %q reaches the terminal:\n%q\n%q", bad, out, errOut)
	}
	for _, want := range []string{`\x1b]52`, `\u202e`, "k\\x1b]52"} {
		if !strings.Contains(out, want) {
			t.Errorf("the transcript should show %s visibly:\n%q", want, out)
		}
	}
}
