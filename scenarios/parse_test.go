package scenarios

import (
	"os"
	"testing"

	"kafkasim/sim"
)

func TestParseExample(t *testing.T) {
	data, err := os.ReadFile("testdata/example.toml")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Parse("example.toml", data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if sc.Name != "example" || sc.Seed != 7 || sc.DurationMs != 60000 {
		t.Errorf("name/seed/duration = %q/%d/%d", sc.Name, sc.Seed, sc.DurationMs)
	}
	if tp := sc.Config.Topics[0]; tp.MinInsyncReplicas != 2 || tp.Partitions != 3 || tp.ReplicationFactor != 3 {
		t.Errorf("topic = %+v", tp)
	}
	p := sc.Config.Producers[0]
	if p.Acks != sim.AcksAll || !p.EnableIdempotence || p.RatePerSec != 20 || p.Count != 200 || len(p.Keys) != 3 {
		t.Errorf("producer = %+v", p)
	}
	g := sc.Config.Groups[0]
	if g.Commit != sim.CommitAfterProcessing || g.ProcessingMs != 20 || g.Consumers != 2 ||
		g.AutoOffsetReset != "earliest" || g.SessionTimeoutMs != 10000 || len(g.Assignors) != 1 {
		t.Errorf("group = %+v", g)
	}
	if len(sc.Timeline) != 1 || sc.Timeline[0].AtMs != 5000 || sc.Timeline[0].Cmd.Kind != sim.CmdCrashConsumer ||
		sc.Timeline[0].Cmd.Consumer != 1 || sc.Timeline[0].Cmd.Say == "" {
		t.Errorf("timeline = %+v", sc.Timeline)
	}
	if len(sc.Expects) != 1 || sc.Expects[0].Duplicated != "> 0" || sc.Expects[0].Line != 33 {
		t.Errorf("expects = %+v", sc.Expects)
	}
}
