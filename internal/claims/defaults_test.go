package claims

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"kafkasim/sim"
)

// engineDefaults maps each config the engine models to its default, in
// the config's own unit (ms for *.ms, bytes for *.bytes and so on).
func engineDefaults() map[string]string {
	out := map[string]string{}
	for _, s := range []sim.Scope{sim.ScopeBroker, sim.ScopeTopic, sim.ScopeProducer, sim.ScopeConsumer} {
		for _, p := range sim.Props(s) {
			out[p.Name] = p.Default
		}
	}
	for name, def := range unmodelledDefaults {
		if _, ok := out[name]; !ok {
			out[name] = def
		}
	}
	return out
}

// unmodelledDefaults are Kafka 3.9 defaults of configs the course quotes
// but the engine does not model (KafkaConfig, ServerLogConfigs,
// ZkConfigs; zookeeper.session.timeout.ms is 18 s since KIP-537).
var unmodelledDefaults = map[string]string{
	"zookeeper.session.timeout.ms": "18000",
	"log.retention.hours":          "168",
	"log.roll.hours":               "168",
	"num.io.threads":               "8",
	"num.network.threads":          "3",
	"fetch.min.bytes":              "1",
	"offsets.retention.minutes":    "10080",
	"delete.topic.enable":          "true",
	"enable.auto.commit":           "true",
}

// quantity is a number with an optional unit, or a word standing for one.
const quantity = `(-?\d[\d,_]*(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|min|minutes?|h|hours?|days?|weeks?|KB|KiB|MB|MiB|GB|GiB|bytes?)?\b|(unlimited|no limit|true|false)\b`

var (
	// "(default 1)", "Kafka's default is 30s", "defaults to 500"
	defaultThen = regexp.MustCompile(`(?i)\bdefault(?:s to| is| of| value is|:)?\s+` + `(?:` + quantity + `)`)
	// "5 min by default", "(unlimited by default)"
	thenByDefault = regexp.MustCompile(`(?i)(?:` + quantity + `)\)?\s+(?:is the |as the )?(?:by )?default\b`)
	// "retention.ms (7 days)": a bare value in brackets right after the name
	bracketed = regexp.MustCompile(`^\s*\((?:` + quantity + `)\)`)
	// "min.insync.replicas=1 (the default)", "auto.offset.reset = latest (Kafka's default)"
	assigned = regexp.MustCompile(`(?i)^\s*=\s*([\w.-]+)\s*,?\s*\(?(?:is )?(?:the |kafka's |the java client's )?default\b`)
	// "at its 5-minute default"
	atItsDefault = regexp.MustCompile(`(?i)^ is at its (\d+)-(second|minute|hour|day) default`)
)

// unitMs converts a time unit to milliseconds.
var unitMs = map[string]int64{"ms": 1, "millisecond": 1, "milliseconds": 1, "s": 1000, "sec": 1000, "secs": 1000, "second": 1000, "seconds": 1000,
	"min": 60_000, "minute": 60_000, "minutes": 60_000, "h": 3_600_000, "hour": 3_600_000, "hours": 3_600_000,
	"day": 86_400_000, "days": 86_400_000, "week": 604_800_000, "weeks": 604_800_000}

var unitBytes = map[string]int64{"byte": 1, "bytes": 1, "KB": 1024, "KiB": 1024, "MB": 1 << 20, "MiB": 1 << 20, "GB": 1 << 30, "GiB": 1 << 30}

// inConfigUnit turns a quoted quantity into the config's unit, as a string
// comparable with the engine's default; ok is false when it cannot.
func inConfigUnit(config, num, unit, word string) (string, bool) {
	switch strings.ToLower(word) {
	case "unlimited", "no limit":
		return "-1", true
	case "":
	default:
		return strings.ToLower(word), true
	}
	num = strings.NewReplacer(",", "", "_", "").Replace(num)
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return "", false
	}
	var scale float64 = 1
	switch {
	case unit == "":
	case strings.HasSuffix(config, ".ms"):
		ms, ok := unitMs[unit]
		if !ok {
			return "", false
		}
		scale = float64(ms)
	case strings.HasSuffix(config, ".bytes") || strings.HasSuffix(config, ".size"):
		b, ok := unitBytes[unit]
		if !ok {
			return "", false
		}
		scale = float64(b)
	default:
		return "", false
	}
	return strconv.FormatInt(int64(f*scale), 10), true
}

// quotedDefault finds the default a passage states right after a config
// name: within the rest of that clause, before any other config name.
func quotedDefault(after string, bracketCounts bool) (num, unit, word string, ok bool) {
	if i := strings.Index(after, ". "); i >= 0 {
		after = after[:i]
	}
	if len(after) > 90 {
		after = after[:90]
	}
	if loc := configName.FindStringIndex(after); loc != nil {
		after = after[:loc[0]]
	}
	if strings.Contains(after, "before") { // history: "acks=1 ..., true before 3.0"
		return "", "", "", false
	}
	if m := assigned.FindStringSubmatch(after); m != nil {
		if _, err := strconv.ParseFloat(m[1], 64); err != nil {
			return "", "", m[1], true // a word: an enum or a boolean
		}
		return m[1], "", "", true
	}
	if m := atItsDefault.FindStringSubmatch(after); m != nil {
		return m[1], m[2], "", true
	}
	for _, re := range []*regexp.Regexp{defaultThen, thenByDefault} {
		if m := re.FindStringSubmatch(after); m != nil {
			return m[1], m[2], m[3], true
		}
	}
	if bracketCounts {
		if m := bracketed.FindStringSubmatch(after); m != nil {
			return m[1], m[2], m[3], true
		}
	}
	return "", "", "", false
}

var configName = regexp.MustCompile(`\b[a-z]+(?:\.[a-z]+)+\b`)

// TestQuotedDefaultsAreTheEngines: wherever a lesson, a question or a
// scenario's narration quotes a default next to a config name, it is the
// default the engine applies (sim/props_table.go, Kafka 3.9's values). A
// bare value in brackets counts as a default only where the passage's own
// scenario does not set that config.
func TestQuotedDefaultsAreTheEngines(t *testing.T) {
	defaults := engineDefaults()
	names := make([]string, 0, len(defaults))
	for n := range defaults {
		names = append(names, n)
	}
	sort.Strings(names)
	matchers := make([]*regexp.Regexp, len(names))
	for i, name := range names {
		matchers[i] = regexp.MustCompile(`(^|[^a-z.])` + regexp.QuoteMeta(name) + `\b`)
	}
	checked := 0
	for _, p := range corpus(t) {
		for i, name := range names {
			for _, loc := range matchers[i].FindAllStringIndex(p.text, -1) {
				num, unit, word, ok := quotedDefault(p.text[loc[1]:], !p.generated && !p.sets(name))
				if strings.Contains(strings.ToLower(p.text[max(0, loc[0]-40):loc[0]]), "older") {
					continue // history: "Older material calls acks=1 the default"
				}
				if !ok {
					continue
				}
				got, ok := inConfigUnit(name, num, unit, word)
				if !ok {
					t.Errorf("%s: %s quoted as %q %q: not a value in the config's unit", p.where, name, num+unit, word)
					continue
				}
				checked++
				if testing.Verbose() {
					t.Logf("%s: %s = %s", p.where, name, got)
				}
				if got != defaults[name] {
					t.Errorf("%s: %s quoted with default %s%s%s (= %s), the engine's default is %s", p.where, name, num, unit, word, got, defaults[name])
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d quoted defaults found: the matcher has gone blind", checked)
	}
	t.Logf("%d quoted defaults checked", checked)
}
