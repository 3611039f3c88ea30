package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// runCmd runs a command and returns its exit code and outputs.
func runCmd(cmd func([]string, *bytes.Buffer, *bytes.Buffer) int, args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := cmd(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func runPartition(args ...string) (int, string, string) {
	return runCmd(func(a []string, o, e *bytes.Buffer) int { return Partition(a, o, e) }, args...)
}

// checkNoControl fails if out holds a control character other than a
// newline: untrusted keys must never reach the terminal raw.
func checkNoControl(t *testing.T, out string) {
	t.Helper()
	for i, r := range out {
		if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)) {
			t.Fatalf("raw control character %U at byte %d of %q", r, i, out)
		}
	}
}

func TestPartitionText(t *testing.T) {
	// Murmur2 values are Kafka's UtilsTest reference vectors.
	code, out, errOut := runPartition("--partitions", "6", "21", "abc", "foobar")
	want := `KEY     MURMUR2     PARTITION
21      -973932308  0
abc     479470107   3
foobar  -790332482  0

partition = (murmur2 & 0x7fffffff) % 6
`
	if code != 0 || out != want || errOut != "" {
		t.Fatalf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
}

func TestPartitionJSON(t *testing.T) {
	code, out, errOut := runPartition("abc", "--json", "foobar", "--partitions", "12")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var got partitionReport
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	want := partitionReport{Partitions: 12, Results: []partitionResult{
		{Key: "abc", Murmur2: 479470107, Partition: 3},
		{Key: "foobar", Murmur2: -790332482, Partition: 6},
	}}
	if gotS, wantS := mustJSON(t, got), mustJSON(t, want); gotS != wantS {
		t.Fatalf("got %s\nwant %s", gotS, wantS)
	}
	for _, name := range []string{`"partitions"`, `"results"`, `"key"`, `"murmur2"`, `"partition"`} {
		if !strings.Contains(out, name) {
			t.Errorf("JSON lacks %s: %s", name, out)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPartitionKeysAfterDoubleDash(t *testing.T) {
	code, out, _ := runPartition("--partitions", "3", "--", "-x", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "\n-x ") || !strings.Contains(out, "\n--json ") {
		t.Fatalf("keys after -- not treated as keys:\n%s", out)
	}
}

func TestPartitionUntrustedKeys(t *testing.T) {
	keys := []string{"", "two words", "tab\there", "\x1b[31mred", "bell\a", "\xff\xfe", "rtl\u202eoverride", `"quoted"`, "ünïcode"}
	code, out, _ := runPartition(append([]string{"--partitions", "4"}, keys...)...)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	checkNoControl(t, out)
	for _, shown := range []string{`""`, `"two words"`, `"tab\there"`, `"\x1b[31mred"`, `"bell\a"`, `"\xff\xfe"`, `"rtl\u202eoverride"`, `"\"quoted\""`, "ünïcode"} {
		if !strings.Contains(out, shown+" ") {
			t.Errorf("missing %s in:\n%s", shown, out)
		}
	}
	code, out, _ = runPartition(append([]string{"--partitions", "4", "--json"}, keys...)...)
	if code != 0 {
		t.Fatalf("json: exit %d", code)
	}
	checkNoControl(t, out)
}

func TestPartitionHelp(t *testing.T) {
	for _, flag := range []string{"-h", "--help", "-help"} {
		code, out, errOut := runPartition("key", flag)
		if code != 0 || errOut != "" || !strings.HasPrefix(out, "Usage: kafkasim partition") || !strings.Contains(out, "Examples:") {
			t.Errorf("%s: exit %d, stderr %q, stdout %q", flag, code, errOut, out)
		}
	}
}

func TestPartitionErrors(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no partitions flag", []string{"k"}, "--partitions N is required"},
		{"zero partitions", []string{"--partitions", "0", "k"}, "--partitions must be at least 1, got 0"},
		{"negative partitions", []string{"--partitions=-3", "k"}, "at least 1, got -3"},
		{"not a number", []string{"--partitions", "six", "k"}, `invalid value "six" for flag -partitions`},
		{"unknown flag", []string{"--partitions", "3", "--color", "k"}, "flag provided but not defined: -color"},
		{"no keys", []string{"--partitions", "3"}, "no keys given"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runPartition(c.args...)
			if code != 2 || out != "" {
				t.Fatalf("exit %d, stdout %q", code, out)
			}
			if !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "kafkasim partition --help") {
				t.Fatalf("stderr %q, want %q and a hint", errOut, c.want)
			}
			if lines := strings.Count(errOut, "\n"); lines != 2 {
				t.Errorf("stderr has %d lines, want an error and a hint: %q", lines, errOut)
			}
		})
	}
}

func FuzzPartitionArgs(f *testing.F) {
	f.Add("--partitions", "6", "order-1", "--json")
	f.Add("k", "--partitions=3", "--", "-k")
	f.Add("-h", "", "\x1b", "\xff")
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		code, out, _ := runPartition(a, b, c, d)
		if code != 0 && code != 2 {
			t.Fatalf("exit %d", code)
		}
		checkNoControl(t, out)
	})
}
