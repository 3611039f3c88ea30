package scenarios

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden traces in testdata/golden")

// goldenScenarios get their full text trace pinned in testdata/golden: a
// change in the engine's behaviour or wording shows up as a diff. Update
// them deliberately (go test ./scenarios -run Golden -update) and say why
// in the commit.
var goldenScenarios = []string{"the-log", "at-least-once"}

func TestGoldenTraces(t *testing.T) {
	for _, name := range goldenScenarios {
		t.Run(name, func(t *testing.T) {
			sc, err := Load(name)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if _, err := Run(sc, RunOptions{}, &out); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", name+".golden")
			if *update {
				if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("seed %d: trace differs from %s (run with -update if the change is intended):\n%s",
					sc.Seed, path, firstDiff(string(want), out.String()))
			}
		})
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return ""
}

// TestJSONDeterministic: the same scenario and seed give the same bytes,
// and the digest does not depend on the output flags.
func TestJSONDeterministic(t *testing.T) {
	sc, err := Load("at-most-once")
	if err != nil {
		t.Fatal(err)
	}
	opts := RunOptions{JSON: true, HasSeed: true, Seed: 99}
	var a, b, text bytes.Buffer
	ra, err := Run(sc, opts, &a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(sc, opts, &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("seed 99: two JSON runs differ")
	}
	rt, _ := Run(sc, RunOptions{Quiet: true, HasSeed: true, Seed: 99}, &text)
	if ra.Digest != rt.Digest || !strings.Contains(text.String(), ra.Digest) {
		t.Errorf("digest depends on the output flags: %s vs %s", ra.Digest, rt.Digest)
	}
	if ra.Events != rt.Events {
		t.Errorf("a quiet run, which keeps no events, counts %d events; the JSON run wrote %d", rt.Events, ra.Events)
	}

	lines := strings.Split(strings.TrimSuffix(a.String(), "\n"), "\n")
	if len(lines) != ra.Events+1 {
		t.Errorf("%d lines for %d events and a summary", len(lines), ra.Events)
	}
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, l)
		}
		if i < len(lines)-1 {
			if _, ok := m["t"]; !ok || m["type"] == "" || m["why"] == "" {
				t.Fatalf("event line %d lacks t, type or why: %s", i+1, l)
			}
		}
	}
	var sum struct {
		Type         string
		Scenario     string
		Seed         uint64
		EndMs        int64 `json:"end_ms"`
		Digest       string
		Producers    map[string]map[string]int
		Groups       map[string]map[string]int
		Expectations struct{ Passed, Failed int }
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &sum); err != nil {
		t.Fatal(err)
	}
	_, hasSkipped := sum.Groups["mailer"]["skipped"]
	_, hasInFlight := sum.Producers["signup-service"]["in_flight"]
	if !hasSkipped || !hasInFlight {
		t.Errorf("summary lacks the group's skipped or the producer's in_flight: %+v", sum)
	}
	if sum.Type != "summary" || sum.Scenario != "at-most-once" || sum.Seed != 99 || sum.EndMs != sc.DurationMs ||
		sum.Digest != ra.Digest || sum.Producers["signup-service"]["sent"] != 200 || len(sum.Groups["mailer"]) != 6 ||
		sum.Expectations.Passed+sum.Expectations.Failed != len(sc.Expects) {
		t.Errorf("summary: %+v", sum)
	}
}

func TestRunUntilAndSeed(t *testing.T) {
	sc, err := Load("the-log")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(sc, RunOptions{UntilMs: 5000, HasSeed: true, Seed: 5, Quiet: true}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if res.EndMs != 5000 || res.Seed != 5 {
		t.Errorf("end %d seed %d", res.EndMs, res.Seed)
	}
	if res.OK() {
		t.Errorf("after 5s the-log's expectations should not hold yet")
	}
}

func TestRunRefusesTooManyRecords(t *testing.T) {
	sc, err := Parse("big.toml", []byte("[[topic]]\nname = \"t\"\n[[producer]]\nid = \"p\"\ntopic = \"t\"\nrate = 100000\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(sc, RunOptions{UntilMs: MaxDurationMs}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("err = %v", err)
	}
}
