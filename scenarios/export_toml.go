package scenarios

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"kafkasim/sim"
)

// tomlWriter writes a scenario file by hand, so the output keeps the
// format's section order and can carry comments.
type tomlWriter struct {
	b strings.Builder
}

func (w *tomlWriter) comment(text string) {
	for _, line := range strings.Split(text, "\n") {
		w.b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
	}
}

func (w *tomlWriter) blank()             { w.b.WriteString("\n") }
func (w *tomlWriter) header(name string) { w.b.WriteString(name + "\n") }
func (w *tomlWriter) str(key, v string)  { w.b.WriteString(key + " = " + tomlString(v) + "\n") }
func (w *tomlWriter) integer(key string, n int64) {
	w.b.WriteString(key + " = " + strconv.FormatInt(n, 10) + "\n")
}

// dur writes milliseconds as a Go duration the decoder reads back:
// "10.001s", "1m30s", "0s".
func (w *tomlWriter) dur(key string, v int64) { w.str(key, ms(v)) }

func (w *tomlWriter) boolean(key string, v bool) {
	w.b.WriteString(key + " = " + strconv.FormatBool(v) + "\n")
}

func (w *tomlWriter) strs(key string, vs []string) {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = tomlString(v)
	}
	w.b.WriteString(key + " = [" + strings.Join(q, ", ") + "]\n")
}

// config writes name=value pairs as an inline table of strings, which the
// decoder hands to sim's Set*Prop functions.
func (w *tomlWriter) config(pairs [][2]string) {
	if len(pairs) == 0 {
		return
	}
	q := make([]string, len(pairs))
	for i, p := range pairs {
		q[i] = tomlString(p[0]) + " = " + configValue(p[1])
	}
	w.b.WriteString("config = { " + strings.Join(q, ", ") + " }\n")
}

// configValue writes whole numbers and booleans bare, the rest quoted.
func configValue(v string) string {
	if _, err := strconv.ParseInt(v, 10, 64); err == nil || v == "true" || v == "false" {
		return v
	}
	return tomlString(v)
}

// multiline writes a long text as a multi-line basic string.
func (w *tomlWriter) multiline(key, v string) {
	w.b.WriteString(key + " = \"\"\"\n" + escapeTOML(v, true) + "\"\"\"\n")
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string { return `"` + escapeTOML(s, false) + `"` }

// escapeTOML escapes s for a basic string (keepNewlines for a multi-line
// one) with only the escapes every TOML reader knows: \", \\, \n, \t and
// \uXXXX. Go's %q is not TOML: it writes \x escapes.
func escapeTOML(s string, keepNewlines bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r == utf8.RuneError:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// changedProps lists a config struct's properties that differ from
// Kafka's defaults, as name=value, by name.
func changedProps(scope sim.Scope, target any, skip ...string) [][2]string {
	var out [][2]string
	for _, p := range sim.Props(scope) {
		if contains(skip, p.Name) {
			continue
		}
		if v, _ := sim.GetProp(scope, target, p.Name); v != p.Default {
			out = append(out, [2]string{p.Name, v})
		}
	}
	return out
}

func (w *tomlWriter) cluster(c sim.ClusterConfig) {
	w.header("[cluster]")
	w.integer("brokers", int64(c.Brokers))
	w.str("metadata", c.Metadata)
	if c.Controllers > 0 {
		w.integer("controllers", int64(c.Controllers))
	}
	w.dur("network_delay", c.NetworkDelayMs)
	w.config(changedProps(sim.ScopeBroker, &c))
}

func (w *tomlWriter) topic(t sim.TopicConfig) {
	w.header("[[topic]]")
	w.str("name", t.Name)
	w.integer("partitions", int64(t.Partitions))
	w.integer("replication_factor", int64(t.ReplicationFactor))
	if t.ReplicaAssignment != nil {
		w.replicas(t.ReplicaAssignment)
	}
	w.config(changedProps(sim.ScopeTopic, &t))
}

func (w *tomlWriter) producer(p sim.ProducerConfig) {
	w.header("[[producer]]")
	w.str("id", p.ID)
	w.str("topic", p.Topic)
	w.integer("rate", int64(p.RatePerSec))
	w.integer("count", int64(p.Count))
	if len(p.Keys) > 0 {
		w.strs("keys", p.Keys)
	}
	if p.StartMs > 0 {
		w.dur("start", p.StartMs)
	}
	if p.Values != nil {
		w.b.WriteString("values = " + valuesTOML(p.Values) + "\n")
	}
	w.config(changedProps(sim.ScopeProducer, &p))
}

func (w *tomlWriter) group(g sim.GroupConfig) {
	w.header("[[group]]")
	w.str("id", g.ID)
	w.strs("topics", g.Topics)
	w.integer("consumers", int64(g.Consumers))
	w.dur("processing", g.ProcessingMs)
	// commit says what enable.auto.commit would, and more.
	w.str("commit", g.Commit)
	if g.StartMs > 0 {
		w.dur("start", g.StartMs)
	}
	if g.CommitAsync {
		w.boolean("commit_async", true)
	}
	if g.AsyncProcessing {
		w.boolean("async_processing", true)
	}
	if g.OutputTopic != "" {
		w.str("output_topic", g.OutputTopic)
	}
	if g.AlertWhen != "" {
		w.str("alert_when", g.AlertWhen)
	}
	w.config(changedProps(sim.ScopeConsumer, &g, "enable.auto.commit"))
}

// entry writes one timeline command with the keys its kind takes.
func (w *tomlWriter) entry(s sim.Scheduled) { w.entryAs("[[timeline]]", s) }

// CommandTOML writes one command under header (a lesson's
// "[[challenge.solution]]"), with the keys its kind takes and no say.
func CommandTOML(header string, s sim.Scheduled) string {
	var w tomlWriter
	s.Cmd.Say = ""
	w.entryAs(header, s)
	return w.b.String()
}

// entryAs writes one command under a header of the caller's choice.
func (w *tomlWriter) entryAs(header string, s sim.Scheduled) {
	c := s.Cmd
	w.header(header)
	w.dur("at", s.AtMs)
	w.str("do", string(c.Kind))
	for _, f := range commandFields[c.Kind] {
		switch strings.TrimSuffix(f, "?") {
		case "broker":
			w.integer("broker", int64(c.Broker))
		case "controller":
			w.integer("controller", int64(c.Broker))
		case "producer":
			w.str("producer", c.Producer)
		case "group":
			w.str("group", c.Group)
		case "consumer":
			w.integer("consumer", int64(c.Consumer))
		case "topic":
			w.str("topic", c.Topic)
		case "partitions":
			w.integer("partitions", int64(c.Partitions))
		case "count":
			w.integer("count", int64(max(c.Count, 1)))
		case "delay":
			w.dur("delay", c.DelayMs)
		case "key":
			if c.Key != nil {
				w.str("key", *c.Key)
			}
		case "value":
			if c.Value != nil {
				w.str("value", *c.Value)
			}
		case "to":
			w.str("to", strings.TrimPrefix(c.Reset, "to-"))
		default:
			w.clientField(f, c.Request)
		}
	}
	if c.Late && c.Kind != sim.CmdClientRequest && c.Kind != sim.CmdAnswerFetch {
		w.boolean("late", true)
	}
	if c.Say != "" {
		w.str("say", c.Say)
	}
}

// replicas writes a manual replica assignment: replicas = [[1, 2], [2, 3]].
func (w *tomlWriter) replicas(a [][]int) {
	w.b.WriteString("replicas = [")
	for i, reps := range a {
		if i > 0 {
			w.b.WriteString(", ")
		}
		w.b.WriteByte('[')
		for j, b := range reps {
			if j > 0 {
				w.b.WriteString(", ")
			}
			w.b.WriteString(strconv.Itoa(b))
		}
		w.b.WriteByte(']')
	}
	w.b.WriteString("]\n")
}

// QuoteTOML writes s as a TOML basic string.
func QuoteTOML(s string) string { return tomlString(s) }
