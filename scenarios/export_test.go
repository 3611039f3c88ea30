package scenarios

import (
	"reflect"
	"strings"
	"testing"

	"kafkasim/sim"
)

// handFault is a fault a learner gives at about atMs.
type handFault struct {
	atMs int64
	cmd  sim.Command
}

// faultsFor picks hand faults that fit any scenario: a broker crash and
// restart, a slow broker, dropped acks, a produce, and consumer faults
// when there is a group.
func faultsFor(sc *Scenario) []handFault {
	d := sc.DurationMs
	fs := []handFault{
		{d / 5, sim.Command{Kind: sim.CmdCrashBroker, Broker: 1}},
		{d / 4, sim.Command{Kind: sim.CmdSlowBroker, Broker: sc.Config.Cluster.Brokers, DelayMs: 300}},
		{d / 2, sim.Command{Kind: sim.CmdRestartBroker, Broker: 1}},
		{d/2 + 1, sim.Command{Kind: sim.CmdDropAcks, Broker: sc.Config.Cluster.Brokers, Count: 2}},
	}
	if len(sc.Config.Producers) > 0 {
		k, v := "hand-key", `a "quoted" value`
		fs = append(fs, handFault{d / 3, sim.Command{Kind: sim.CmdProduce, Producer: sc.Config.Producers[0].ID, Key: &k, Value: &v, Count: 2}})
	}
	if len(sc.Config.Groups) > 0 {
		g := sc.Config.Groups[0].ID
		fs = append(fs,
			handFault{d / 3, sim.Command{Kind: sim.CmdAddConsumer, Group: g}},
			handFault{d*2/3 + 7, sim.Command{Kind: sim.CmdCrashConsumer, Group: g, Consumer: 1}})
	}
	return fs
}

// handRun plays sc as the simulator screen does: runs to each fault's
// time and, when settle is set, on to a millisecond in which nothing has
// happened or is queued, and injects it. Faults the engine refuses then
// are left out, as the screen would. It returns the run at its end.
func handRun(t *testing.T, sc *Scenario, seed uint64, faults []handFault, settle bool) *sim.Run {
	t.Helper()
	cfg := sc.Config
	cfg.Seed = seed
	r, err := sim.NewRun(cfg, sc.Timeline)
	if err != nil {
		t.Fatalf("%s seed %d: %v", sc.Name, seed, err)
	}
	for _, f := range faults {
		r.RunUntil(max(f.atMs, r.Sim().Now()))
		if settle {
			for s := r.Sim(); s.NextAt() >= 0 && s.NextAt() <= s.Now()+1; {
				r.Step()
			}
			r.RunUntil(r.Sim().Now() + 1)
		} else {
			r.StepUntilEvent(r.Sim().Now() + 1000)
		}
		_ = r.Apply(f.cmd) // refused faults are not recorded
	}
	r.RunUntil(sc.DurationMs)
	return r
}

// TestExportReplaysExactly exports every built-in scenario with hand
// faults given as the simulator screen gives them, and expects the file to
// run to the same digest as the run it came from.
func TestExportReplaysExactly(t *testing.T) {
	for _, sc := range BuiltIn() {
		t.Run(sc.Name, func(t *testing.T) {
			seed := sc.Seed + 3
			r := handRun(t, sc, seed, faultsFor(sc), true)
			hand := r.Commands()
			if len(hand) < 3 {
				t.Fatalf("%s seed %d: only %d faults were accepted", sc.Name, seed, len(hand))
			}
			e, err := ExportRun(sc, seed, hand)
			if err != nil {
				t.Fatalf("%s seed %d: %v", sc.Name, seed, err)
			}
			if want := r.Sim().Digest(); e.Digest != want || e.OriginalDigest != want || !e.Exact {
				t.Fatalf("%s seed %d: exported run digest %s, replayed original %s, the run itself %s\n%s",
					sc.Name, seed, e.Digest, e.OriginalDigest, want, e.Data)
			}
			checkRoundTrip(t, sc, seed, hand, e.Data)
		})
	}
}

// checkRoundTrip parses the file and expects the scenario's config, the
// seed, and the timeline with the hand commands merged in.
func checkRoundTrip(t *testing.T, sc *Scenario, seed uint64, hand []sim.Applied, data []byte) {
	t.Helper()
	back, err := Parse("exported.toml", data)
	if err != nil {
		t.Fatalf("%s: the export does not parse: %v\n%s", sc.Name, err, data)
	}
	want := sc.Config
	want.Seed = seed
	if !reflect.DeepEqual(back.Config, want) {
		t.Fatalf("%s: config changed in the round trip:\n got %+v\nwant %+v", sc.Name, back.Config, want)
	}
	var timeline []sim.Scheduled
	for _, it := range merged(sc.Timeline, hand) {
		timeline = append(timeline, it.s)
	}
	if !reflect.DeepEqual(back.Timeline, timeline) {
		t.Fatalf("%s: timeline changed in the round trip:\n got %+v\nwant %+v", sc.Name, back.Timeline, timeline)
	}
	if back.Seed != seed || back.Title != sc.Title || back.Description != sc.Description {
		t.Fatalf("%s: seed, title or description changed: %d %q", sc.Name, back.Seed, back.Title)
	}
	if !strings.Contains(string(data), `kafkasim_version = "`) {
		t.Fatalf("%s: no kafkasim_version in\n%s", sc.Name, data)
	}
}

// TestExportCrowdedMillisecond gives faults right after a step, in a
// millisecond where more is going on. Where that changes the run, the file
// must say so; either way it must still parse and run.
func TestExportCrowdedMillisecond(t *testing.T) {
	inexact := 0
	for _, name := range []string{"at-least-once", "acks", "producer-retries", "rebalances"} {
		sc, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		r := handRun(t, sc, sc.Seed, faultsFor(sc), false)
		e, err := ExportRun(sc, sc.Seed, r.Commands())
		if err != nil {
			t.Fatalf("%s seed %d: %v", name, sc.Seed, err)
		}
		noted := strings.Contains(string(e.Data), "NOTE: not an exact replay")
		if e.OriginalDigest != r.Sim().Digest() {
			t.Fatalf("%s seed %d: the replayed original differs from the run itself", name, sc.Seed)
		}
		if noted == e.Exact || e.Exact != (e.Digest == e.OriginalDigest) {
			t.Fatalf("%s seed %d: exact %v but noted %v\n%s", name, sc.Seed, e.Exact, noted, e.Data)
		}
		if !e.Exact {
			inexact++
			if !strings.Contains(string(e.Data), "may run earlier") {
				t.Fatalf("%s: the moved commands are not marked\n%s", name, e.Data)
			}
		}
		if _, err := Parse("x.toml", e.Data); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	t.Logf("%d of 4 crowded exports differ from their run", inexact)
}

// TestExportRefusesSandboxCommands: create-topic has no timeline form.
func TestExportRefusesSandboxCommands(t *testing.T) {
	sc, _ := Load("the-log")
	spec := sim.DefaultTopic("extra", 1, 1)
	_, err := Export(sc, 1, []sim.Applied{{Step: 3, AtMs: 5, Cmd: sim.Command{Kind: sim.CmdCreateTopic, TopicSpec: &spec}}})
	if err == nil || !strings.Contains(err.Error(), "create-topic") {
		t.Fatalf("want an error naming create-topic, got %v", err)
	}
}

// TestExportAfterTheEnd: a fault given after the scenario's end makes the
// file longer, so the fault is in it.
func TestExportAfterTheEnd(t *testing.T) {
	sc, _ := Load("the-log")
	r := handRun(t, sc, sc.Seed, nil, true)
	r.RunUntil(sc.DurationMs + 5000)
	if err := r.Apply(sim.Command{Kind: sim.CmdCrashBroker, Broker: 1}); err != nil {
		t.Fatal(err)
	}
	e, err := ExportRun(sc, sc.Seed, r.Commands())
	if err != nil {
		t.Fatal(err)
	}
	if e.DurationMs != sc.DurationMs+5000 || !e.Exact {
		t.Fatalf("duration %d exact %v, want %d and exact", e.DurationMs, e.Exact, sc.DurationMs+5000)
	}
}

func TestExportFileName(t *testing.T) {
	for _, c := range []struct {
		name string
		seed uint64
		want string
	}{
		{"at-least-once", 7, "at-least-once-seed7.toml"},
		{"./my runs/Acks Test.toml", 1, "acks-test-seed1.toml"},
		{"at-least-once-seed7.toml", 7, "at-least-once-seed7.toml"},
		{"", 3, "run-seed3.toml"},
	} {
		if got := ExportFileName(c.name, c.seed); got != c.want {
			t.Errorf("ExportFileName(%q, %d) = %q, want %q", c.name, c.seed, got, c.want)
		}
	}
}

// Seeds round-trip through an exported file over the whole range the
// command line takes (to 2^64-1): past TOML's largest integer, the seed
// is written as a string of digits. Files used to stop at 2^62.
func TestExportSeedsRoundTripAtFullRange(t *testing.T) {
	sc, err := Load("the-log")
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range []uint64{0, 1 << 62, 1<<63 - 1, 1 << 63, 1<<64 - 1} {
		e, err := ExportRun(sc, seed, nil)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		back, err := Parse(ExportFileName(sc.Name, seed), e.Data)
		if err != nil {
			t.Fatalf("seed %d: the exported file does not parse: %v", seed, err)
		}
		if back.Seed != seed || !e.Exact {
			t.Errorf("seed %d came back as %d (exact %v)", seed, back.Seed, e.Exact)
		}
	}
	if _, err := Parse("bad.toml", []byte(`seed = "18446744073709551616"`)); err == nil || !strings.Contains(err.Error(), "not a seed") {
		t.Errorf("a seed past 2^64-1: %v", err)
	}
}
