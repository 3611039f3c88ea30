package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runSandbox runs Sandbox with stdin and returns its exit code and output.
func runSandbox(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := Sandbox(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestSandboxRunsTheCourseWalkthrough(t *testing.T) {
	script := filepath.Join("..", "sandbox", "testdata", "course_walkthrough.txt")
	code, out, errOut := runSandbox("", "--script", script, "--brokers", "1")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want, err := os.ReadFile(filepath.Join("..", "sandbox", "testdata", "TestCourseWalkthrough.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Fatalf("the CLI's transcript differs from the sandbox package's golden one:\n%s", out)
	}
}

func TestSandboxReadsStdin(t *testing.T) {
	in := "kafka-topics --bootstrap-server localhost:9092 --create --topic t --partitions 2\nkafka-topics --bootstrap-server localhost:9092 --list\n"
	code, out, _ := runSandbox(in, "--script", "-", "--seed", "7")
	want := "$ kafka-topics --bootstrap-server localhost:9092 --create --topic t --partitions 2\nCreated topic t.\n" +
		"$ kafka-topics --bootstrap-server localhost:9092 --list\nt\n"
	if code != 0 || out != want {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
	// With no --script at all it reads stdin the same way.
	if code, out2, _ := runSandbox(in, "--seed", "7"); code != 0 || out2 != want {
		t.Fatalf("exit %d, output:\n%s", code, out2)
	}
}

func TestSandboxBrokersFlag(t *testing.T) {
	in := "kafka-topics --bootstrap-server localhost:9092 --create --topic t --replication-factor 5\n"
	_, out, _ := runSandbox(in, "--brokers", "5")
	if !strings.Contains(out, "Created topic t.") {
		t.Fatalf("5 brokers cannot hold 5 replicas:\n%s", out)
	}
	_, out, _ = runSandbox(in)
	if !strings.Contains(out, "only 3 broker(s) are registered") {
		t.Fatalf("default cluster is not 3 brokers:\n%s", out)
	}
}

func TestSandboxHelpAndBadInput(t *testing.T) {
	code, out, _ := runSandbox("", "--help")
	if code != 0 || !strings.Contains(out, "Usage: kafkasim sandbox --script FILE") {
		t.Fatalf("help: exit %d\n%s", code, out)
	}
	cases := map[string][]string{
		"missing file": {"--script", filepath.Join(t.TempDir(), "none.txt")},
		"zero brokers": {"--brokers", "0"},
		"many brokers": {"--brokers", "999"},
		"bad flag":     {"--fast"},
		"positional":   {"walkthrough.txt"},
	}
	for name, args := range cases {
		code, out, errOut := runSandbox("", args...)
		if code != 2 || out != "" || errOut == "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
	}
}
