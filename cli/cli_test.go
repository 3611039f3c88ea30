package cli

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"kafkasim/scenarios"
	"kafkasim/sim"
)

// invoke runs one command function and returns its exit code and output.
func invoke(cmd command, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := cmd(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestMainHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		code, out, _ := invoke(Main, args...)
		if code != 0 || !strings.Contains(out, "kafkasim run SCENARIO") || !strings.Contains(out, "Examples:") {
			t.Errorf("%v: code %d, out %q", args, code, out)
		}
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	for name := range commands() {
		code, out, errOut := invoke(Main, name, "--help")
		// The quiz's help (package quiz) lists its flags without examples.
		examples := name == "quiz" || strings.Contains(out, "Examples:")
		if code != 0 || !strings.Contains(out, "Usage: kafkasim "+name) || !examples {
			t.Errorf("%s --help: code %d, out %q, err %q", name, code, out, errOut)
		}
		code2, out2, _ := invoke(Main, "help", name)
		if code2 != 0 || out2 != out {
			t.Errorf("help %s differs from %s --help", name, name)
		}
	}
}

func TestMainUnknownCommand(t *testing.T) {
	code, out, errOut := invoke(Main, "rnu\x1b[2J")
	if code != 2 || out != "" {
		t.Errorf("code %d, out %q", code, out)
	}
	if strings.Contains(errOut, "\x1b") || !strings.Contains(errOut, "unknown command") {
		t.Errorf("stderr %q", errOut)
	}
	_, _, errOut = invoke(Main, "valid")
	if !strings.Contains(errOut, "kafkasim validate") {
		t.Errorf("no suggestion: %q", errOut)
	}
}

func TestMainNoArgs(t *testing.T) {
	if code, _, errOut := invoke(Main); code != 2 || !strings.Contains(errOut, "Usage:") {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
}

// TestPartitionAgreesWithEngine: every record the keys scenario writes
// before it adds partitions sits where 'kafkasim partition' says its key goes.
func TestPartitionAgreesWithEngine(t *testing.T) {
	sc, err := scenarios.Load("keys")
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewSim(sc.Seed)
	if err != nil {
		t.Fatal(err)
	}
	s.RunUntil(9000)
	keys := sc.Config.Producers[0].Keys
	code, out, errOut := invoke(Partition, append([]string{"--partitions", "3", "--json"}, keys...)...)
	if code != 0 {
		t.Fatalf("partition: %s", errOut)
	}
	var rep struct {
		Results []struct {
			Key       string
			Partition int
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, r := range rep.Results {
		want[r.Key] = r.Partition
	}
	seen := 0
	for _, tv := range s.Snapshot().Topics {
		for _, p := range tv.Partitions {
			for _, r := range p.Records {
				if r.NullKey || r.Control != "" {
					continue
				}
				seen++
				if w, ok := want[r.Key]; !ok || w != p.Partition {
					t.Errorf("seed %d: key %s is in partition %d; kafkasim partition says %d", sc.Seed, r.Key, p.Partition, w)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no keyed records to compare")
	}
}

// TestAssignAgreesWithEngine: after the rebalances scenario's third
// consumer joins, the range and roundrobin groups own exactly what
// 'kafkasim assign' computes for the same members.
func TestAssignAgreesWithEngine(t *testing.T) {
	sc, err := scenarios.Load("rebalances")
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewSim(sc.Seed)
	if err != nil {
		t.Fatal(err)
	}
	s.RunUntil(15000)
	compared := 0
	for _, g := range s.Snapshot().Groups {
		strategy := g.Config.Assignors[0]
		if strategy != sim.AssignorRange && strategy != sim.AssignorRoundRobin {
			continue
		}
		args := []string{"--strategy", strategy, "--json"}
		for _, tp := range g.Config.Topics {
			args = append(args, "--topic", tp+"=6")
		}
		engine := map[string][]string{}
		for _, m := range g.Members {
			args = append(args, "--member", m.Name+"="+strings.Join(g.Config.Topics, ","))
			engine[m.Name] = []string{}
			for _, tp := range m.Assigned {
				engine[m.Name] = append(engine[m.Name], tp.String())
			}
		}
		code, out, errOut := invoke(Assign, args...)
		if code != 0 {
			t.Fatalf("assign %v: %s", args, errOut)
		}
		var rep struct{ Assignment map[string][]string }
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		compared++
		if !reflect.DeepEqual(rep.Assignment, engine) {
			t.Errorf("seed %d, group %s (%s): engine %v, kafkasim assign %v", sc.Seed, g.ID, strategy, engine, rep.Assignment)
		}
	}
	if compared != 2 {
		t.Errorf("compared %d groups, want the range and the roundrobin one", compared)
	}
}
