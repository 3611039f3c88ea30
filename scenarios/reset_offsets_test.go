package scenarios

import (
	"bytes"
	"strings"
	"testing"

	"kafkasim/sim"
)

// A timeline reset-offsets is kafka-consumer-groups --reset-offsets
// --all-topics... --execute on one topic: it sets the committed offset of
// every partition while the group has no live member, so a group with
// auto.offset.reset=none has somewhere to start.
func TestTimelineResetOffsets(t *testing.T) {
	src := `duration = "10s"
[[topic]]
name = "t"
partitions = 2
replication_factor = 1
[[producer]]
id = "p"
topic = "t"
rate = 10
count = 20
[[group]]
id = "g"
topics = ["t"]
start = "5s"
commit = "after-processing"
config = { "auto.offset.reset" = "none" }
[[timeline]]
at = "4s"
do = "reset-offsets"
group = "g"
topic = "t"
to = "earliest"
say = "start g at the beginning"
`
	sc, err := Parse("reset.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := sc.Timeline[0].Cmd
	if c.Kind != sim.CmdResetOffsets || c.Reset != sim.ResetToEarliest || c.Partition != -1 {
		t.Fatalf("decoded %+v", c)
	}
	var out bytes.Buffer
	res, err := Run(sc, RunOptions{}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "NoOffsetForPartitionException") {
		t.Fatalf("the reset should give the group committed offsets:\n%s", out.String())
	}
	if n, _ := Metric(res.Snapshot, "group.g.processed"); n != 20 {
		t.Fatalf("processed %d, want 20:\n%s", n, out.String())
	}

	bad := strings.Replace(src, `to = "earliest"`, `to = "yesterday"`, 1)
	if _, err := Parse("bad.toml", []byte(bad)); err == nil || !strings.Contains(err.Error(), `"yesterday" is not a reset target`) {
		t.Fatalf("want an error on to, got %v", err)
	}
	missing := strings.Replace(src, `to = "earliest"`, ``, 1)
	if _, err := Parse("bad.toml", []byte(missing)); err == nil || !strings.Contains(err.Error(), `needs to`) {
		t.Fatalf("want an error for the missing to, got %v", err)
	}
}

// Export writes a hand reset to earliest or latest as a timeline entry and
// refuses the targets a scenario file cannot hold.
func TestExportResetOffsets(t *testing.T) {
	sc, _ := Load("the-log")
	if len(sc.Config.Groups) == 0 || len(sc.Config.Topics) == 0 {
		t.Skip("the-log has no group")
	}
	g, tp := sc.Config.Groups[0].ID, sc.Config.Topics[0].Name
	shift := sim.Command{Kind: sim.CmdResetOffsets, Group: g, Topic: tp, Partition: -1, Reset: sim.ResetShiftBy, Offset: -2}
	if _, err := Export(sc, 1, []sim.Applied{{Step: 3, AtMs: 5, Cmd: shift}}); err == nil {
		t.Fatalf("a shift-by reset has no timeline form")
	}
	latest := sim.Command{Kind: sim.CmdResetOffsets, Group: g, Topic: tp, Partition: -1, Reset: sim.ResetToLatest}
	data, err := Export(sc, 1, []sim.Applied{{Step: 3, AtMs: 5, Cmd: latest}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `to = "latest"`) {
		t.Fatalf("exported file lacks the reset:\n%s", data)
	}
}
