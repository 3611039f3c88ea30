package scenarios

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"kafkasim/sim"
)

// TestEventsDocumented checks docs/events.md against what 'kafkasim run
// --json' emits: every event type in sim/event.go has a section; for a type
// the corpus (every built-in scenario, plus one run with the faults no
// built-in has) emits, the keys seen are exactly the documented ones, less
// those marked † (documented as absent from the corpus, which must be so);
// a type the corpus never emits must say so.
func TestEventsDocumented(t *testing.T) {
	doc := parseEventsDoc(t)
	seen := eventKeysInCorpus(t)
	for _, typ := range eventTypesOfSim(t) {
		d, ok := doc[typ]
		if !ok {
			t.Errorf("docs/events.md has no section for %s", typ)
			continue
		}
		keys, emitted := seen[typ]
		if !emitted {
			if !d.unseen {
				t.Errorf("%s: no run emits it, so its section must say \"No built-in scenario emits it\"", typ)
			}
			continue
		}
		if d.unseen {
			t.Errorf("%s: the section says no built-in emits it, but the corpus has it", typ)
		}
		for k := range keys {
			if !slices.Contains(d.fields, k) && !slices.Contains(d.rare, k) {
				t.Errorf("%s: emits %q, which its section does not document", typ, k)
			}
			if slices.Contains(d.rare, k) {
				t.Errorf("%s: %q is marked † (not in the corpus) but the corpus has it", typ, k)
			}
		}
		for _, f := range d.fields {
			if !keys[f] {
				t.Errorf("%s: documents %q, which no run emits (mark it † if only rare cases do)", typ, f)
			}
		}
	}
	for typ := range doc {
		if !slices.Contains(eventTypesOfSim(t), typ) {
			t.Errorf("docs/events.md documents %s, which sim/event.go does not define", typ)
		}
	}
}

// docSection is what docs/events.md says about one event type.
type docSection struct {
	fields []string // documented and seen in the corpus
	rare   []string // documented with †: no run of the corpus has them
	unseen bool     // "No built-in scenario emits it"
}

var (
	docHeading = regexp.MustCompile("^### `([a-z-]+)`")
	docRow     = regexp.MustCompile("^\\| `([a-z0-9_]+)`( †)? \\|")
)

func parseEventsDoc(t *testing.T) map[string]*docSection {
	t.Helper()
	b, err := os.ReadFile("../docs/events.md")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*docSection{}
	var cur *docSection
	for _, line := range strings.Split(string(b), "\n") {
		if m := docHeading.FindStringSubmatch(line); m != nil {
			cur = &docSection{}
			out[m[1]] = cur
			continue
		}
		if cur == nil {
			continue
		}
		if strings.Contains(line, "No built-in scenario emits it") {
			cur.unseen = true
		}
		if m := docRow.FindStringSubmatch(line); m != nil {
			if m[2] != "" {
				cur.rare = append(cur.rare, m[1])
			} else {
				cur.fields = append(cur.fields, m[1])
			}
		}
	}
	if len(out) < 40 {
		t.Fatalf("found only %d event sections in docs/events.md", len(out))
	}
	return out
}

// eventTypesOfSim reads the EventType constants from sim/event.go.
func eventTypesOfSim(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../sim/event.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile(`EventType = "([a-z-]+)"`).FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1])
	}
	return out
}

// eventKeysInCorpus runs every built-in scenario, and at-least-once with
// extra faults, as JSON, and returns the keys each event type carried
// (less t, type and why, which every event has).
func eventKeysInCorpus(t *testing.T) map[string]map[string]bool {
	t.Helper()
	var out bytes.Buffer
	for _, sc := range BuiltIn() {
		if _, err := Run(sc, RunOptions{JSON: true}, &out); err != nil {
			t.Fatalf("%s: %v", sc.Name, err)
		}
	}
	for _, sc := range withFaultsNoBuiltInHas(t) {
		if _, err := Run(sc, RunOptions{JSON: true, UntilMs: 400_000}, &out); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("not JSON: %s", line)
		}
		typ, _ := obj["type"].(string)
		if typ == "summary" {
			if obj["v"] != float64(JSONFormatVersion) {
				t.Fatalf("summary line without \"v\": %d: %s", JSONFormatVersion, line)
			}
			continue
		}
		if seen[typ] == nil {
			seen[typ] = map[string]bool{}
		}
		for k := range obj {
			if k != "t" && k != "type" && k != "why" {
				seen[typ][k] = true
			}
		}
	}
	return seen
}

// withFaultsNoBuiltInHas is at-least-once twice: once with a topic config
// change, a producer crash, a consumer stalled past max.poll.interval.ms
// that then wakes up and commits, and a topic deletion; once with
// auto.offset.reset=none, so a group without committed offsets gets an
// exception. No built-in scenario does these.
func withFaultsNoBuiltInHas(t *testing.T) []*Scenario {
	t.Helper()
	sc, err := Load("at-least-once")
	if err != nil {
		t.Fatal(err)
	}
	faults := *sc
	faults.Timeline = append(slices.Clone(sc.Timeline),
		sim.Scheduled{AtMs: 20_000, Cmd: sim.Command{Kind: sim.CmdAlterTopic, Topic: "orders", Configs: [][2]string{{"retention.ms", "600000"}}}},
		sim.Scheduled{AtMs: 25_000, Cmd: sim.Command{Kind: sim.CmdCrashProducer, Producer: "order-service"}},
		sim.Scheduled{AtMs: 30_000, Cmd: sim.Command{Kind: sim.CmdPauseConsumer, Group: "inventory", Consumer: 2}},
		sim.Scheduled{AtMs: 340_000, Cmd: sim.Command{Kind: sim.CmdResumeConsumer, Group: "inventory", Consumer: 2}},
		sim.Scheduled{AtMs: 390_000, Cmd: sim.Command{Kind: sim.CmdDeleteTopic, Topic: "orders"}},
	)
	faults.Expects = nil
	noReset := *sc
	noReset.Config.Groups = slices.Clone(sc.Config.Groups)
	noReset.Config.Groups[0].AutoOffsetReset = "none"
	noReset.Expects = nil
	return []*Scenario{&faults, &noReset}
}

// TestEveryEventFactReachesJSON sets each field of sim.Event in turn and
// checks the JSON line changes: a fact added to the engine's events must
// also be written (and, by TestEventsDocumented, documented). Seq and Step
// are the engine's bookkeeping, not facts.
func TestEveryEventFactReachesJSON(t *testing.T) {
	base := sim.Event{Type: sim.EvNote, Topic: "t"}
	plain := string(appendEventJSON(nil, base))
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Name == "Seq" || f.Name == "Step" || f.Name == "Type" {
			continue
		}
		e := base
		v := reflect.ValueOf(&e).Elem().Field(i)
		switch v.Kind() {
		case reflect.Int, reflect.Int32, reflect.Int64:
			v.SetInt(7)
		case reflect.String:
			v.SetString("x")
		case reflect.Bool:
			v.SetBool(true)
		default:
			t.Fatalf("field %s: kind %s not handled by this test", f.Name, v.Kind())
		}
		if got := string(appendEventJSON(nil, e)); got == plain {
			t.Errorf("sim.Event.%s is not written to the JSON output", f.Name)
		}
	}
}
