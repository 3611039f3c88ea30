package sim

import (
	"strings"
	"testing"
)

// sensorConfig: the course's temperature activity on one broker, a sensor
// sending 2 readings a second, and a monitor group alerting above 30.
func sensorConfig(seed uint64) Config {
	c := Config{Seed: seed, Cluster: DefaultCluster(1)}
	c.Topics = []TopicConfig{DefaultTopic("temperature-readings", 1, 1)}
	p := DefaultProducer("sensor-1", "temperature-readings")
	p.RatePerSec, p.Count = 2, 120
	p.Keys = []string{"sensor-1"}
	p.Values = &ValueSpec{Kind: ValuesTemperature, MinTenths: 180, MaxTenths: 340, CycleSends: 60}
	c.Producers = []ProducerConfig{p}
	g := DefaultGroup("monitor", "temperature-readings")
	g.Consumers, g.AutoOffsetReset, g.ProcessingMs = 1, "earliest", 10
	g.Commit = CommitAfterProcessing
	g.AlertWhen = "value > 30"
	c.Groups = []GroupConfig{g}
	return c
}

// Rule (the simulator's own): generated values are a function of the
// seed, the producer and the send's number, inside the declared range;
// the same run shows the same readings, and nothing per record is stored
// for them.
func TestTemperatureValuesAreComputedNotStored(t *testing.T) {
	a, b := mustNew(t, sensorConfig(7)), mustNew(t, sensorConfig(7))
	a.RunUntil(70000)
	b.RunUntil(70000)
	ra, _, _ := a.Records("temperature-readings", 0, 0, 200, false)
	rb, _, _ := b.Records("temperature-readings", 0, 0, 200, false)
	if len(ra) != 120 {
		t.Fatalf("want 120 readings, got %d", len(ra))
	}
	warm := 0
	for i, r := range ra {
		m, ok := parseMilli(r.Value)
		if !ok || m < 18000 || m > 34000 || !strings.Contains(r.Value, ".") {
			t.Fatalf("reading %d = %q: want a decimal between 18.0 and 34.0", i, r.Value)
		}
		if r.Value != rb[i].Value {
			t.Fatalf("reading %d differs between two runs of seed 7: %q, %q", i, r.Value, rb[i].Value)
		}
		if m > 30000 {
			warm++
		}
	}
	if warm == 0 || warm > 60 {
		t.Fatalf("%d of 120 readings above 30: the cycle should warm past it part of the time", warm)
	}
	if len(a.ledger.values) != 0 {
		t.Fatalf("generated values must not be stored: the ledger holds %d", len(a.ledger.values))
	}
	other := mustNew(t, sensorConfig(8))
	other.RunUntil(70000)
	ro, _, _ := other.Records("temperature-readings", 0, 0, 200, false)
	same := 0
	for i := range ro {
		if ro[i].Value == ra[i].Value {
			same++
		}
	}
	if same == len(ra) {
		t.Fatalf("another seed gives the same noise")
	}
}

// Rule: a threshold consumer alerts once per processing of a record whose
// value meets alert_when; after a crash an at-least-once consumer
// processes again what it had not committed, so those alerts repeat (the
// course's Activity 1 consumer, and the duplicates of commit-after-
// processing).
func TestThresholdConsumerAlertsAndRepeatsAfterACrash(t *testing.T) {
	s := mustNew(t, sensorConfig(1))
	s.RunUntil(70000)
	recs, _, _ := s.Records("temperature-readings", 0, 0, 200, false)
	above := 0
	for _, r := range recs {
		if m, _ := parseMilli(r.Value); m > 30000 {
			above++
		}
	}
	if got := s.Snapshot().Groups[0].Flow.Alerts; got != above {
		t.Fatalf("alerts %d, readings above 30: %d", got, above)
	}
	for _, e := range s.Events() {
		if e.Type == EvAlert && !strings.HasSuffix(e.Text, " > 30") {
			t.Fatalf("alert text %q", e.Text)
		}
	}

	// Crash it in the warm part of the cycle, while it holds processed,
	// uncommitted readings above 30.
	c := sensorConfig(1)
	c.Groups[0].Commit = CommitAuto // every 5s: up to 5s of readings uncommitted
	c.Groups[0].SessionTimeoutMs = 6000
	s = mustNew(t, c)
	s.RunUntil(16500)
	_ = s.Apply(Command{Kind: CmdCrashConsumer, Group: "monitor", Consumer: 1})
	_ = s.Apply(Command{Kind: CmdRestartConsumer, Group: "monitor", Consumer: 1})
	s.RunUntil(400000)
	seen := map[int64]int{}
	for _, e := range s.Events() {
		if e.Type == EvAlert {
			seen[e.Offset]++
		}
	}
	repeats := 0
	for _, n := range seen {
		repeats += n - 1
	}
	l := s.Ledger().Groups[0]
	if l.Duplicated == 0 || repeats == 0 || repeats > l.Duplicated {
		t.Fatalf("duplicated %d records, %d repeated alerts: a crash past uncommitted warm readings repeats some", l.Duplicated, repeats)
	}
}

// Rule (the simulator's own): alert_when reads "value <op> number" and
// nothing else; a bad condition is refused when the group is added.
func TestAlertRuleParsing(t *testing.T) {
	for in, want := range map[string]string{"value > 30": "value > 30", "value>=30.5": "value >= 30.5",
		" value != -2.25 ": "value != -2.25", "value<0": "value < 0"} {
		r, err := ParseAlertRule(in)
		if err != nil || r.String() != want {
			t.Errorf("%q: got %v %v, want %s", in, r, err, want)
		}
	}
	for _, bad := range []string{"temp > 30", "value ~ 3", "value > hot", "value > 1.2345"} {
		if _, err := ParseAlertRule(bad); err == nil {
			t.Errorf("%q should be refused", bad)
		}
	}
	c := sensorConfig(1)
	c.Groups[0].AlertWhen = "value > warm"
	if _, err := New(c); err == nil {
		t.Fatalf("a group with a bad alert_when should be refused")
	}
}
