package scenarios

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"kafkasim/sim"
)

// Default values for what Kafka has no default for.
const (
	defaultSeed       = 1
	defaultDurationMs = 60_000
	defaultBrokers    = 3
	// defaultProcessingMs paces consumers slowly enough to watch.
	defaultProcessingMs = 10
)

// kafkasim_version records which kafkasim wrote a file (Export); it is
// checked to be a string and otherwise only informs the reader.
var topKeys = []string{"kafkasim_version", "title", "description", "seed", "duration", "cluster", "topic", "producer", "group", "timeline", "expect",
	// A scenario that is also a lesson (kafkasim lesson FILE.toml) has
	// these; the lessons package reads them, a scenario run ignores them.
	"number", "summary", "in_real_kafka", "stop", "challenge"}

// TopKeys lists the top-level keys a scenario file may have.
func TopKeys() []string { return slices.Clone(topKeys) }

// Parse decodes and validates one scenario file. The error, a Problems,
// lists every mistake found, one per line, each as
// "FILE:LINE: KEY: message (hint: ...)".
func Parse(file string, data []byte) (*Scenario, error) {
	if len(data) > MaxFileBytes {
		return nil, Problems{{File: file, Line: 1, Msg: fmt.Sprintf("file is %d bytes, more than the limit of %d", len(data), MaxFileBytes)}}
	}
	src := string(data)
	pos := scanPositions(src)
	if p := pos.deepProblem(file, 1); p != nil {
		return nil, Problems{p}
	}
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		return nil, Problems{syntaxProblem(file, src, err)}
	}
	d := &decoder{file: file, pos: pos}
	// The name comes from the file name, which may hold anything: a
	// terminal must never receive it raw.
	sc := &Scenario{Name: SanitizeLine(nameOf(file)), File: file, Seed: defaultSeed, DurationMs: defaultDurationMs}
	b := &builder{d: d, sc: sc}
	b.build(d.root(raw, topKeys...))
	if len(d.probs) > 0 {
		return nil, d.probs.sorted()
	}
	return sc, nil
}

// syntaxProblem turns the toml package's error into a Problem with a line.
func syntaxProblem(file, src string, err error) *Problem {
	if p, ok := SyntaxProblem(file, src, 1, err); ok {
		return p
	}
	return &Problem{File: file, Line: 1, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
}

// builder fills a Scenario from the decoded tree, section by section. Later
// sections check their references against what earlier ones declared.
type builder struct {
	d  *decoder
	sc *Scenario

	topicLine    map[string]int
	producerLine map[string]int
	groupLine    map[string]int
	// finalPartitions is each topic's partition count after the timeline's
	// add-partitions: what expectations may name.
	finalPartitions map[string]int
}

func (b *builder) build(top *table) {
	top.finish()
	top.str("kafkasim_version")
	if s, ok := top.str("title"); ok {
		b.sc.Title = SanitizeLine(strings.TrimSpace(s))
	}
	if b.sc.Title == "" {
		b.sc.Title = b.sc.Name
	}
	if s, ok := top.str("description"); ok {
		b.sc.Description = Sanitize(strings.TrimSpace(s))
	}
	if n, ok := seedValue(top); ok {
		b.sc.Seed = n
	}
	if ms, ok := top.duration("duration"); ok {
		if ms == 0 {
			top.problem("duration", "must be more than 0s", `for example duration = "60s"`)
		} else {
			b.sc.DurationMs = ms
		}
	}
	b.sc.Config.Seed = b.sc.Seed
	b.sc.Config.Cluster = b.cluster(top.child("cluster", clusterKeys...))
	b.topics(top.list("topic", topicKeys...))
	b.producers(top.list("producer", producerKeys...))
	b.groups(top.list("group", groupKeys...))
	b.timeline(top.list("timeline", append(slices.Clone(timelineKeys), narrationKeys...)...))
	b.expects(top.list("expect", expectKeys...))
	b.limits(top)
}

// limits checks the totals that protect the machine.
func (b *builder) limits(top *table) {
	if n := b.sc.recordsFor(b.sc.DurationMs); n > MaxRecords {
		top.problem("producer", fmt.Sprintf("the producers would send about %d records, more than the limit of %d", n, MaxRecords),
			"lower count, rate or duration")
	}
	total, replicas := 0, 0
	for _, t := range b.sc.Config.Topics {
		n := b.finalPartitions[t.Name]
		total += n
		replicas += n * t.ReplicationFactor
	}
	if total > MaxPartitions {
		top.problem("topic", fmt.Sprintf("%d partitions in all, more than the limit of %d", total, MaxPartitions), "use fewer partitions")
	}
	if replicas > MaxReplicas {
		top.problem("topic", fmt.Sprintf("%d partition replicas in all, more than the limit of %d", replicas, MaxReplicas),
			"use fewer partitions or a lower replication_factor")
	}
}

// CheckLimits reports whether a run of untilMs stays within MaxRecords:
// a longer --until than the scenario's duration sends more records.
func (sc *Scenario) CheckLimits(untilMs int64) error {
	if n := sc.recordsFor(untilMs); n > MaxRecords {
		return fmt.Errorf("%s: a run of %dms would send about %d records, more than the limit of %d", SanitizeLine(sc.File), untilMs, n, MaxRecords)
	}
	return nil
}

// setProps applies a config table through one of sim's Set*Prop functions,
// reporting each bad property at its own line.
func (b *builder) setProps(t *table, pairs []configPair, set func(name, value string) error) {
	for _, p := range pairs {
		if err := set(p.name, p.value); err != nil {
			msg, hint := err.Error(), ""
			var pe *sim.PropError
			if errors.As(err, &pe) {
				msg, hint = pe.Msg, pe.Hint
			}
			b.d.add(p.line, t.keyName("config."+p.name), msg, hint)
		}
	}
}

// seedValue reads seed, which takes the whole range the command line does
// (0 to 2^64-1): an integer up to TOML's largest (2^63-1), or the decimal
// digits as a string for the seeds past it, as Export writes them.
func seedValue(top *table) (uint64, bool) {
	v, ok := top.m["seed"]
	if !ok {
		return 0, false
	}
	if s, isStr := v.(string); isStr {
		n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
		if err != nil {
			top.problem("seed", fmt.Sprintf("%q is not a seed", truncate(s, 40)), "write a whole number from 0 to 18446744073709551615")
			return 0, false
		}
		return n, true
	}
	n, ok := top.integer("seed", 0, math.MaxInt64)
	return uint64(n), ok
}
